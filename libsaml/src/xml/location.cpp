#include <libxml/tree.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <string>

#include "saml/xml.h"

namespace saml {
namespace {

const char* element_name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

}  // namespace

Location location_of(const xmlNode* node, std::string_view attribute_name) {
  Location where;
  where.attribute = std::string(attribute_name);
  if (node == nullptr) {
    return where;
  }
  const long line = xmlGetLineNo(node);
  where.line = line > 0 && line <= INT_MAX ? static_cast<int>(line) : 0;
  // parse_xml keeps an element's column in psvi (see xml/parse.cpp).
  if (node->type == XML_ELEMENT_NODE && where.line > 0) {
    const auto column = reinterpret_cast<std::uintptr_t>(node->psvi);
    where.column = column <= INT_MAX ? static_cast<int>(column) : 0;
  }

  // The path of the nearest element (the node itself, or the element holding a text node),
  // written from the leaf backwards into one allocation.
  std::size_t size = 0;
  for (const xmlNode* n = node; n != nullptr; n = n->parent) {
    if (n->type == XML_ELEMENT_NODE) {
      size += 1 + std::strlen(element_name(n));
    }
  }
  where.element.resize(size);
  std::size_t end = size;
  for (const xmlNode* n = node; n != nullptr; n = n->parent) {
    if (n->type == XML_ELEMENT_NODE) {
      const std::size_t length = std::strlen(element_name(n));
      end -= length;
      std::memcpy(where.element.data() + end, element_name(n), length);
      where.element[--end] = '/';
    }
  }
  return where;
}

}  // namespace saml
