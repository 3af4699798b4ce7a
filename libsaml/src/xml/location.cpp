#include <libxml/tree.h>

#include <climits>
#include <string>
#include <vector>

#include "saml/xml.h"

namespace saml {

Location location_of(const xmlNode* node, std::string_view attribute_name) {
  Location where;
  where.attribute = std::string(attribute_name);
  if (node == nullptr) {
    return where;
  }
  const long line = xmlGetLineNo(node);
  where.line = line > 0 && line <= INT_MAX ? static_cast<int>(line) : 0;

  // The path of the nearest element (the node itself, or the element holding a text node).
  std::vector<std::string_view> names;
  for (const xmlNode* n = node; n != nullptr; n = n->parent) {
    if (n->type == XML_ELEMENT_NODE) {
      names.emplace_back(reinterpret_cast<const char*>(n->name));
    }
  }
  for (auto it = names.rbegin(); it != names.rend(); ++it) {
    where.element += '/';
    where.element += *it;
  }
  return where;
}

}  // namespace saml
