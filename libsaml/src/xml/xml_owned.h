// What libxml2 hands over to be freed with xmlFree, and an attribute's value read in place.
#pragma once

#include <libxml/tree.h>

#include <memory>

namespace saml::detail {

struct XmlFree {
  template <typename T>
  void operator()(T* owned) const {
    xmlFree(owned);
  }
};
using XmlString = std::unique_ptr<xmlChar, XmlFree>;

// An attribute's value where libxml2 keeps it when it is one text node (the usual case);
// nullptr when its parts must be joined (xmlNodeListGetString).
inline const xmlChar* single_text_value(const xmlAttr* attr) {
  const xmlNode* text = attr->children;
  return text != nullptr && text->type == XML_TEXT_NODE && text->next == nullptr ? text->content : nullptr;
}

}  // namespace saml::detail
