// Writes COUNT distinct signed copies of the typical Okta->AWS response for the batch
// benchmarks: each copy gets its own Response ID, Assertion ID (and the Reference URI and
// SessionIndex that repeat it) and NameID, and is signed again with the IdP key. The
// KeyInfo is kept as in the template (taken out while signing so xmlsec leaves it alone).
//
//   samlkit_bench_generate TEMPLATE.xml KEY.pem OUT_DIR COUNT
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <xmlsec/crypto.h>
#include <xmlsec/base64.h>
#include <xmlsec/errors.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

namespace {

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct KeyDeleter {
  void operator()(xmlSecKey* key) const { xmlSecKeyDestroy(key); }
};
struct CtxDeleter {
  void operator()(xmlSecDSigCtx* ctx) const { xmlSecDSigCtxDestroy(ctx); }
};
struct XmlFree {
  void operator()(xmlChar* text) const { xmlFree(text); }
};

const xmlChar* u(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

xmlNode* find(xmlNode* root, const char* local_name) {
  for (xmlNode* node = root; node != nullptr;) {
    if (node->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(node->name), local_name) == 0) {
      return node;
    }
    if (node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node != nullptr && node->next == nullptr) node = node->parent;
    if (node != nullptr) node = node->next;
  }
  return nullptr;
}

bool make_copy(const std::string& xml, xmlSecKey* key, int index, const std::filesystem::path& out) {
  std::unique_ptr<xmlDoc, DocDeleter> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, XML_PARSE_NONET));
  if (!doc) return false;
  char response_id[32];
  char assertion_id[32];
  char name_id[48];
  std::snprintf(response_id, sizeof response_id, "idbenchR%08d", index);
  std::snprintf(assertion_id, sizeof assertion_id, "idbenchA%08d", index);
  std::snprintf(name_id, sizeof name_id, "user%05d@example.com", index);

  xmlNode* root = xmlDocGetRootElement(doc.get());
  xmlNode* assertion = find(root, "Assertion");
  xmlNode* signature = find(assertion, "Signature");
  xmlNode* reference = find(signature, "Reference");
  xmlNode* authn = find(assertion, "AuthnStatement");
  xmlNode* key_info = find(signature, "KeyInfo");
  xmlNode* subject_name = find(assertion, "NameID");
  if (!assertion || !signature || !reference || !authn || !key_info || !subject_name) return false;

  xmlSetProp(root, u("ID"), u(response_id));
  xmlAttr* id = xmlSetProp(assertion, u("ID"), u(assertion_id));
  xmlSetProp(authn, u("SessionIndex"), u(assertion_id));
  xmlSetProp(reference, u("URI"), u((std::string("#") + assertion_id).c_str()));
  xmlNodeSetContent(subject_name, u(name_id));
  xmlAddID(nullptr, doc.get(), u(assertion_id), id);

  xmlUnlinkNode(key_info);
  std::unique_ptr<xmlSecDSigCtx, CtxDeleter> ctx(xmlSecDSigCtxCreate(nullptr));
  if (!ctx) return false;
  ctx->signKey = xmlSecKeyDuplicate(key);
  const bool signed_ok = ctx->signKey != nullptr && xmlSecDSigCtxSign(ctx.get(), signature) == 0;
  xmlAddChild(signature, key_info);
  if (!signed_ok) return false;

  xmlChar* raw = nullptr;
  int size = 0;
  xmlDocDumpMemoryEnc(doc.get(), &raw, &size, "UTF-8");
  std::unique_ptr<xmlChar, XmlFree> text(raw);
  std::ofstream file(out, std::ios::binary);
  file.write(reinterpret_cast<const char*>(text.get()), size);
  return static_cast<bool>(file);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: samlkit_bench_generate TEMPLATE.xml KEY.pem OUT_DIR COUNT\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  const std::string xml = content.str();
  const int count = std::stoi(argv[4]);

  xmlInitParser();
  if (xmlSecInit() < 0 || xmlSecCryptoAppInit(nullptr) < 0 || xmlSecCryptoInit() < 0) {
    std::cerr << "samlkit_bench_generate: xmlsec initialisation failed\n";
    return 1;
  }
  xmlSecBase64SetDefaultLineSize(0);  // one line of base64, as Okta writes it
  std::unique_ptr<xmlSecKey, KeyDeleter> key(
      xmlSecCryptoAppKeyLoad(argv[2], xmlSecKeyDataFormatPem, nullptr, nullptr, nullptr));
  if (!key) {
    std::cerr << "samlkit_bench_generate: cannot load the key " << argv[2] << "\n";
    return 1;
  }
  std::filesystem::create_directories(argv[3]);
  for (int i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%05d.xml", i);
    if (!make_copy(xml, key.get(), i, std::filesystem::path(argv[3]) / name)) {
      std::cerr << "samlkit_bench_generate: failed on copy " << i << "\n";
      return 1;
    }
  }
  xmlSecCryptoShutdown();
  xmlSecCryptoAppShutdown();
  xmlSecShutdown();
  return 0;
}
