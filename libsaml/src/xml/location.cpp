#include <libxml/tree.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "saml/xml.h"
#include "xml/source_text.h"

namespace saml {
namespace {

const char* element_name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

// Whether the start tag at `tag` names this element: '<', then "prefix:" if any, then the
// local name, compared in place.
bool tag_names(std::string_view source, std::size_t tag, const xmlNode* element) {
  std::string_view rest = source.substr(tag + 1);
  if (element->ns != nullptr && element->ns->prefix != nullptr) {
    const std::string_view prefix = reinterpret_cast<const char*>(element->ns->prefix);
    if (rest.substr(0, prefix.size()) != prefix || rest.substr(prefix.size(), 1) != ":") return false;
    rest.remove_prefix(prefix.size() + 1);
  }
  const std::string_view name = element_name(element);
  return rest.substr(0, name.size()) == name;
}

// The column (UTF-16 code units, as SARIF counts them) of an element's start tag, 0 when
// unknown. parse_xml keeps, in the element's psvi, the offset just past its start tag, and in
// the document's _private the text it parsed; the start tag is the last '<' before that
// offset. An element whose tag is not found there (an input libxml2 re-encoded, an element
// another document copied) has no column.
int column_of(const xmlNode* element) {
  const auto end = reinterpret_cast<std::uintptr_t>(element->psvi);
  if (end == 0 || element->doc == nullptr || element->doc->_private == nullptr) return 0;
  const auto& source = *static_cast<const detail::SourceText*>(element->doc->_private);
  const std::string_view text = source.text();
  if (end > text.size()) return 0;
  const void* found = memrchr(text.data(), '<', end);
  if (found == nullptr) return 0;
  const auto tag = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
  return tag_names(text, tag, element) ? source.column_at(tag) : 0;
}

}  // namespace

Location location_of(const xmlNode* node, std::string_view attribute_name) {
  Location where;
  where.attribute = std::string(attribute_name);
  if (node == nullptr) {
    return where;
  }
  const long line = xmlGetLineNo(node);
  where.line = line > 0 && line <= INT_MAX ? static_cast<int>(line) : 0;
  if (node->type == XML_ELEMENT_NODE && where.line > 0) where.column = column_of(node);

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
