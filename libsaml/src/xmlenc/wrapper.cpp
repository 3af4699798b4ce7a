#include "xmlenc/wrapper.h"

#include <memory>
#include <string>

namespace saml::detail {

std::optional<Document> wrap_in_response(Document& decrypted) {
  std::unique_ptr<xmlDoc, XmlDocDeleter> doc(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
  if (!doc) return std::nullopt;
  xmlNode* root = xmlNewDocNode(doc.get(), nullptr, reinterpret_cast<const xmlChar*>("Response"), nullptr);
  if (root == nullptr) return std::nullopt;
  xmlDocSetRootElement(doc.get(), root);
  const std::string protocol(ns::protocol);
  xmlNs* samlp = xmlNewNs(root, reinterpret_cast<const xmlChar*>(protocol.c_str()),
                          reinterpret_cast<const xmlChar*>("samlp"));
  if (samlp == nullptr) return std::nullopt;
  xmlSetNs(root, samlp);
  // The decrypted root parsed on its own, so every namespace it uses is declared inside it
  // and the copy refers only to its own declarations. Line numbers are kept.
  xmlNode* copy = xmlDocCopyNode(decrypted.root(), doc.get(), 1);
  if (copy == nullptr) return std::nullopt;
  if (xmlAddChild(root, copy) == nullptr) {
    xmlFreeNode(copy);
    return std::nullopt;
  }
  return Document(std::move(doc));
}

}  // namespace saml::detail
