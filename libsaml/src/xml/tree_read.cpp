// Small read helpers over a parsed tree; names are compared by namespace URI + local name.
#include <libxml/tree.h>

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "saml/xml.h"
#include "xml/xml_owned.h"

namespace saml {
namespace {

std::string_view view(const xmlChar* text) {
  return text != nullptr ? std::string_view(reinterpret_cast<const char*>(text))
                         : std::string_view();
}

// A NUL-terminated libxml2 name equals `expected`, an element or attribute name written in
// the code (it holds no NUL). Byte by byte: these names are short, and most differ from the
// expected one in their first bytes; the loop stops at the name's terminator at the latest,
// since no expected byte is NUL.
bool name_equals(const xmlChar* name, std::string_view expected) {
  if (name == nullptr) return expected.empty();
  const auto* text = reinterpret_cast<const char*>(name);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (text[i] != expected[i]) return false;
  }
  return text[expected.size()] == '\0';
}

// The same for a namespace URI: long, and the SAML ones share their first 28 bytes, so
// strncmp's wide compares beat a byte loop.
bool uri_equals(const xmlChar* uri, std::string_view expected) {
  if (uri == nullptr) return expected.empty();
  const auto* text = reinterpret_cast<const char*>(uri);
  return std::strncmp(text, expected.data(), expected.size()) == 0 && text[expected.size()] == '\0';
}

// is_element past its first test: the rest of the local name, then the namespace. Out of
// line, so that is_element's usual answer (no, at the first byte) needs no stack frame.
[[gnu::noinline]] bool same_name_and_namespace(const xmlNode* element, std::string_view ns_uri,
                                               std::string_view local_name) {
  return name_equals(element->name, local_name) &&
         uri_equals(element->ns != nullptr ? element->ns->href : nullptr, ns_uri);
}

const xmlAttr* find_no_ns_attribute(const xmlNode* element, std::string_view name) {
  if (element == nullptr || element->type != XML_ELEMENT_NODE) {
    return nullptr;
  }
  for (const xmlAttr* attr = element->properties; attr != nullptr; attr = attr->next) {
    if (attr->ns == nullptr && name_equals(attr->name, name)) {
      return attr;
    }
  }
  return nullptr;
}

}  // namespace

bool is_element(const xmlNode* node, std::string_view ns_uri, std::string_view local_name) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return false;
  // Most elements asked about are not the one looked for: their first byte says so.
  const auto first = static_cast<xmlChar>(local_name.empty() ? '\0' : local_name[0]);
  if (node->name != nullptr && node->name[0] != first) return false;
  return same_name_and_namespace(node, ns_uri, local_name);
}

const xmlNode* first_child(const xmlNode* parent, std::string_view ns_uri,
                           std::string_view local_name) {
  if (parent == nullptr) {
    return nullptr;
  }
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (is_element(child, ns_uri, local_name)) {
      return child;
    }
  }
  return nullptr;
}

const xmlNode* next_sibling(const xmlNode* node, std::string_view ns_uri,
                            std::string_view local_name) {
  if (node == nullptr) {
    return nullptr;
  }
  for (const xmlNode* sibling = node->next; sibling != nullptr; sibling = sibling->next) {
    if (is_element(sibling, ns_uri, local_name)) {
      return sibling;
    }
  }
  return nullptr;
}

std::size_t count_children(const xmlNode* parent, std::string_view ns_uri,
                           std::string_view local_name) {
  std::size_t count = 0;
  for (const xmlNode* child = first_child(parent, ns_uri, local_name); child != nullptr;
       child = next_sibling(child, ns_uri, local_name)) {
    ++count;
  }
  return count;
}

void text_content_into(const xmlNode* element, std::string& text) {
  text.clear();
  if (element == nullptr) return;
  for (const xmlNode* child = element->children; child != nullptr; child = child->next) {
    if (is_text_piece(child)) text += view(child->content);
  }
}

std::string text_content(const xmlNode* element) {
  std::string text;
  text_content_into(element, text);
  return text;
}

bool has_attribute(const xmlNode* element, std::string_view name) {
  return find_no_ns_attribute(element, name) != nullptr;
}

bool attribute_into(const xmlNode* element, std::string_view name, std::string& value) {
  const xmlAttr* attr = find_no_ns_attribute(element, name);
  if (attr == nullptr) return false;
  if (const xmlChar* in_place = detail::single_text_value(attr)) {
    value.assign(view(in_place));
  } else {
    const detail::XmlString joined(xmlNodeListGetString(attr->doc, attr->children, 1));
    value.assign(view(joined.get()));
  }
  return true;
}

std::optional<std::string> optional_attribute(const xmlNode* element, std::string_view name) {
  std::optional<std::string> value(std::in_place);
  if (!attribute_into(element, name, *value)) value.reset();
  return value;
}

std::string attribute(const xmlNode* element, std::string_view name) {
  std::string value;
  attribute_into(element, name, value);
  return value;
}

}  // namespace saml
