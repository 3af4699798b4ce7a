#include "xsw_signer.h"

#include <libxml/valid.h>
#include <xmlsec/crypto.h>
#include <xmlsec/templates.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmltree.h>

#include <string>

#include "fuzz_support.h"

namespace fuzz {
namespace {

struct DSigCtxDeleter {
  void operator()(xmlSecDSigCtx* ctx) const { xmlSecDSigCtxDestroy(ctx); }
};

const xmlChar* xml_text(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

xmlNode* first_element_child(xmlNode* node) {
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) return child;
  }
  return nullptr;
}

void place_signature(xmlNode* element, xmlNode* signature) {
  xmlNode* first = first_element_child(element);
  if (first != nullptr && xmlStrEqual(first->name, xml_text("Issuer"))) {
    xmlAddNextSibling(first, signature);
  } else if (element->children != nullptr) {
    xmlAddPrevSibling(element->children, signature);
  } else {
    xmlAddChild(element, signature);
  }
}

}  // namespace

XmlSecKeyPtr load_signing_key(std::string_view key_pem, std::string_view cert_pem) {
  XmlSecKeyPtr key(xmlSecCryptoAppKeyLoadMemory(reinterpret_cast<const xmlSecByte*>(key_pem.data()),
                                                static_cast<xmlSecSize>(key_pem.size()),
                                                xmlSecKeyDataFormatPem, nullptr, nullptr, nullptr));
  FUZZ_CHECK(key != nullptr, "the embedded signing key must load");
  FUZZ_CHECK(xmlSecCryptoAppKeyCertLoadMemory(key.get(), reinterpret_cast<const xmlSecByte*>(cert_pem.data()),
                                              static_cast<xmlSecSize>(cert_pem.size()),
                                              xmlSecKeyDataFormatPem) == 0,
             "the embedded signing certificate must load");
  return key;
}

bool sign_element(xmlNode* element, const xmlSecKey& key) {
  xmlAttr* id_attr = xmlHasProp(element, xml_text("ID"));
  if (id_attr == nullptr || id_attr->ns != nullptr) return false;
  xmlChar* id = xmlNodeListGetString(element->doc, id_attr->children, 1);
  if (id == nullptr) return false;
  const std::string uri = "#" + std::string(reinterpret_cast<const char*>(id));
  const bool registered = xmlGetID(element->doc, id) == id_attr ||
                          xmlAddID(nullptr, element->doc, id, id_attr) != nullptr;
  xmlFree(id);
  if (!registered) return false;

  xmlNode* signature = xmlSecTmplSignatureCreateNsPref(element->doc, xmlSecTransformExclC14NId,
                                                       xmlSecTransformRsaSha256Id, nullptr, xml_text("ds"));
  if (signature == nullptr) return false;
  place_signature(element, signature);
  xmlNode* reference = xmlSecTmplSignatureAddReference(signature, xmlSecTransformSha256Id, nullptr,
                                                       xml_text(uri.c_str()), nullptr);
  xmlNode* key_info = xmlSecTmplSignatureEnsureKeyInfo(signature, nullptr);
  if (reference == nullptr || key_info == nullptr ||
      xmlSecTmplReferenceAddTransform(reference, xmlSecTransformEnvelopedId) == nullptr ||
      xmlSecTmplReferenceAddTransform(reference, xmlSecTransformExclC14NId) == nullptr ||
      xmlSecTmplKeyInfoAddX509Data(key_info) == nullptr) {
    return false;
  }
  std::unique_ptr<xmlSecDSigCtx, DSigCtxDeleter> ctx(xmlSecDSigCtxCreate(nullptr));
  if (ctx == nullptr) return false;
  ctx->signKey = xmlSecKeyDuplicate(const_cast<xmlSecKey*>(&key));
  return ctx->signKey != nullptr && xmlSecDSigCtxSign(ctx.get(), signature) == 0;
}

}  // namespace fuzz
