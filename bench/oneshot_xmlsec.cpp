// The minimal one-shot xmlsec program saml-verify is compared with: process start, library
// initialisation as xmlsec's own examples do it, one verification of one file with a pinned
// bare key (the Assertion's ID registered, no keys manager, KeyInfo not read), the floor's
// SAML checks, exit status 0 when it verifies. No teardown: the process ends.
//
//   samlkit_bench_oneshot_xmlsec CERT.pem RESPONSE.xml NOW(unix seconds)
#include <libxml/parser.h>
#include <openssl/pem.h>
#include <xmlsec/crypto.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>

#include <cstdio>
#include <string>

#include "floor_checks.h"

namespace {

xmlSecKey* load_bare_key(const char* cert_path) {
  FILE* file = std::fopen(cert_path, "rb");
  if (file == nullptr) return nullptr;
  X509* cert = PEM_read_X509(file, nullptr, nullptr, nullptr);
  std::fclose(file);
  EVP_PKEY* public_key = cert ? X509_get_pubkey(cert) : nullptr;
  X509_free(cert);
  xmlSecKeyDataPtr data = public_key ? xmlSecOpenSSLEvpKeyAdopt(public_key) : nullptr;
  xmlSecKey* key = data ? xmlSecKeyCreate() : nullptr;
  if (key == nullptr || xmlSecKeySetValue(key, data) < 0) return nullptr;
  return key;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: samlkit_bench_oneshot_xmlsec CERT.pem RESPONSE.xml NOW\n");
    return 2;
  }
  xmlInitParser();
  if (xmlSecInit() < 0 || xmlSecCheckVersion() != 1 || xmlSecCryptoAppInit(nullptr) < 0 || xmlSecCryptoInit() < 0) {
    return 2;
  }
  xmlSecKey* key = load_bare_key(argv[1]);
  xmlDoc* doc = xmlReadFile(argv[2], nullptr, XML_PARSE_NONET);
  if (key == nullptr || doc == nullptr) return 3;
  xmlNode* response = xmlDocGetRootElement(doc);
  auto* assertion = const_cast<xmlNode*>(samlbench::child_named(response, "Assertion"));
  auto* signature = const_cast<xmlNode*>(samlbench::child_named(assertion, "Signature"));
  xmlAttr* id = assertion ? xmlHasProp(assertion, reinterpret_cast<const xmlChar*>("ID")) : nullptr;
  if (signature == nullptr || id == nullptr || id->children == nullptr ||
      xmlAddID(nullptr, doc, id->children->content, id) == nullptr) {
    return 1;
  }
  xmlSecDSigCtx* ctx = xmlSecDSigCtxCreate(nullptr);
  ctx->signKey = key;
  ctx->enabledReferenceUris = xmlSecTransformUriTypeSameDocument;
  ctx->flags |= XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS;
  const bool valid = xmlSecDSigCtxVerify(ctx, signature) == 0 && ctx->status == xmlSecDSigStatusSucceeded &&
                     samlbench::floor_saml_checks(response, assertion, std::stol(argv[3]));
  std::puts(valid ? "OK" : "FAIL");
  return valid ? 0 : 1;
}
