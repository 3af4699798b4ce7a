#include "xmlsec_floor_verify.h"

#include <libxml/parser.h>
#include <libxml/valid.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/xmldsig.h>

#include "floor_checks.h"

namespace samlbench {
namespace {

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

xmlSecKey* load_bare_xmlsec_key(std::string_view cert_pem) {
  BIO* bio = BIO_new_mem_buf(cert_pem.data(), static_cast<int>(cert_pem.size()));
  X509* cert = bio ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : nullptr;
  BIO_free(bio);
  EVP_PKEY* public_key = cert ? X509_get_pubkey(cert) : nullptr;
  X509_free(cert);
  xmlSecKeyDataPtr data = public_key ? xmlSecOpenSSLEvpKeyAdopt(public_key) : nullptr;
  if (data == nullptr) {
    EVP_PKEY_free(public_key);
    return nullptr;
  }
  xmlSecKey* key = xmlSecKeyCreate();
  if (key == nullptr || xmlSecKeySetValue(key, data) < 0) {
    xmlSecKeyDataDestroy(data);
    xmlSecKeyDestroy(key);
    return nullptr;
  }
  return key;
}

bool xmlsec_verify_document(xmlDoc* doc, xmlSecKey* key, std::time_t now) {
  xmlNode* response = xmlDocGetRootElement(doc);
  auto* assertion = const_cast<xmlNode*>(child_named(response, "Assertion"));
  auto* signature = const_cast<xmlNode*>(child_named(assertion, "Signature"));
  xmlAttr* id = assertion ? xmlHasProp(assertion, reinterpret_cast<const xmlChar*>("ID")) : nullptr;
  if (signature == nullptr || id == nullptr || id->children == nullptr) return false;
  if (xmlAddID(nullptr, doc, id->children->content, id) == nullptr) return false;
  // What is signed must be the Assertion that is checked.
  const xmlNode* reference = child_named(child_named(signature, "SignedInfo"), "Reference");
  xmlChar* uri = reference ? xmlGetProp(reference, reinterpret_cast<const xmlChar*>("URI")) : nullptr;
  const bool signs_assertion = uri != nullptr && uri[0] == '#' && xmlStrEqual(uri + 1, id->children->content);
  xmlFree(uri);
  return signs_assertion && xmlsec_verify(signature, key) && floor_saml_checks(response, assertion, now);
}

}  // namespace samlbench
