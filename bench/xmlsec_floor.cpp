#include "xmlsec_floor.h"

#include <libxml/parser.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <xmlsec/crypto.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmltree.h>

#include <stdexcept>

#include "floor.h"
#include "floor_checks.h"
#include "util/xmlsec_runtime.h"

namespace samlbench {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// Verifies with a context that borrows `key`: set before, taken back before finalising.
bool xmlsec_verify(xmlNode* signature, xmlSecKey* key) {
  xmlSecDSigCtx ctx;
  if (xmlSecDSigCtxInitialize(&ctx, nullptr) < 0) return false;
  ctx.signKey = key;
  ctx.enabledReferenceUris = xmlSecTransformUriTypeSameDocument;
  ctx.flags |= XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS;
  const int rc = xmlSecDSigCtxVerify(&ctx, signature);
  const bool valid = rc == 0 && ctx.status == xmlSecDSigStatusSucceeded;
  ctx.signKey = nullptr;
  xmlSecDSigCtxFinalize(&ctx);
  return valid;
}

}  // namespace

XmlsecFloor::XmlsecFloor(const std::string& cert_pem, std::time_t now) : now_(now) {
  saml::detail::ensure_xmlsec_initialised();  // the process's one xmlsec initialisation
  BIO* bio = BIO_new_mem_buf(cert_pem.data(), static_cast<int>(cert_pem.size()));
  X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  EVP_PKEY* public_key = cert ? X509_get_pubkey(cert) : nullptr;
  X509_free(cert);
  xmlSecKeyDataPtr data = public_key ? xmlSecOpenSSLEvpKeyAdopt(public_key) : nullptr;
  key_ = data ? xmlSecKeyCreate() : nullptr;
  if (key_ == nullptr || xmlSecKeySetValue(key_, data) < 0) {
    throw std::runtime_error("xmlsec floor: cannot load the certificate's public key");
  }
}

XmlsecFloor::~XmlsecFloor() { xmlSecKeyDestroy(key_); }

bool XmlsecFloor::verify_base64(std::string_view base64) const { return verify_xml(floor_decode_base64(base64)); }

bool XmlsecFloor::verify_xml(std::string_view xml) const {
  std::unique_ptr<xmlDoc, DocDeleter> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, XML_PARSE_NONET));
  if (!doc) return false;
  xmlNode* response = xmlDocGetRootElement(doc.get());
  auto* assertion = const_cast<xmlNode*>(child_named(response, "Assertion"));
  auto* signature = const_cast<xmlNode*>(child_named(assertion, "Signature"));
  xmlAttr* id = assertion ? xmlHasProp(assertion, reinterpret_cast<const xmlChar*>("ID")) : nullptr;
  if (signature == nullptr || id == nullptr || id->children == nullptr) return false;
  if (xmlAddID(nullptr, doc.get(), id->children->content, id) == nullptr) return false;
  // What is signed must be the Assertion that is checked.
  const xmlNode* reference = child_named(child_named(signature, "SignedInfo"), "Reference");
  xmlChar* uri = reference ? xmlGetProp(reference, reinterpret_cast<const xmlChar*>("URI")) : nullptr;
  const bool signs_assertion = uri != nullptr && uri[0] == '#' && xmlStrEqual(uri + 1, id->children->content);
  xmlFree(uri);
  return signs_assertion && xmlsec_verify(signature, key_) && floor_saml_checks(response, assertion, now_);
}

}  // namespace samlbench
