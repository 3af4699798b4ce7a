// XML stage: hardened libxml2 parsing and small read helpers over the tree.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "saml/error.h"

namespace saml {

namespace ns {
inline constexpr std::string_view protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
inline constexpr std::string_view assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
inline constexpr std::string_view dsig = "http://www.w3.org/2000/09/xmldsig#";
inline constexpr std::string_view xenc = "http://www.w3.org/2001/04/xmlenc#";
}  // namespace ns

struct ParseLimits {
  std::size_t max_bytes = 1024 * 1024;   // refused before parsing
  int max_depth = 64;                    // element nesting
  std::size_t max_nodes = 100000;        // all nodes in the tree
  std::size_t max_attributes = 64;       // attributes on one element
};

struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

namespace detail {
class SourceText;
}  // namespace detail

// An owning, parsed document. Movable, not copyable.
class Document {
 public:
  explicit Document(std::unique_ptr<xmlDoc, XmlDocDeleter> doc);
  // A document parse_xml read from `source`: it keeps the text, where location_of works out
  // an element's column (reachable from the tree as the xmlDoc's _private).
  Document(std::unique_ptr<xmlDoc, XmlDocDeleter> doc, std::string source);
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

  const xmlDoc* get() const { return doc_.get(); }
  const xmlNode* root() const { return xmlDocGetRootElement(doc_.get()); }
  // Mutable access, for the steps that change the tree or its ID table (registering IDs for
  // signature references, building a decrypted Assertion's document).
  xmlDoc* get() { return doc_.get(); }
  xmlNode* root() { return xmlDocGetRootElement(doc_.get()); }

 private:
  std::unique_ptr<detail::SourceText> source_;  // declared first: freed after the tree pointing to it
  std::unique_ptr<xmlDoc, XmlDocDeleter> doc_;
};

// Parses with no network, no DTD (any DOCTYPE is an error "xml.doctype"), no entity
// expansion, and the limits above. Errors carry line and column in `where`.
Expected<Document> parse_xml(std::string_view xml, const ParseLimits& limits = {});

// Element test: namespace URI and local name.
bool is_element(const xmlNode* node, std::string_view ns_uri, std::string_view local_name);
// First / next element child with that name (nullptr if none).
const xmlNode* first_child(const xmlNode* parent, std::string_view ns_uri, std::string_view local_name);
const xmlNode* next_sibling(const xmlNode* node, std::string_view ns_uri, std::string_view local_name);
// Number of element children with that name.
std::size_t count_children(const xmlNode* parent, std::string_view ns_uri, std::string_view local_name);

// A text or CDATA node: the pieces of an element's text content. Comments and processing
// instructions are not (comment injection cannot truncate a value).
inline bool is_text_piece(const xmlNode* node) {
  return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}
// The whole text content of an element: its text pieces (above) concatenated.
std::string text_content(const xmlNode* element);
// The same written into `text` (replacing what it held): a model's field filled in place.
void text_content_into(const xmlNode* element, std::string& text);

// Attribute without namespace: whether it is there, its value ("" when absent), or both
// from one lookup (nullopt when absent, so present-but-empty stays distinct).
bool has_attribute(const xmlNode* element, std::string_view name);
std::string attribute(const xmlNode* element, std::string_view name);
std::optional<std::string> optional_attribute(const xmlNode* element, std::string_view name);
// Both from one lookup, the value written into `value` (a model's field, filled in place
// with no temporary string); an absent attribute returns false and leaves `value` as it is.
bool attribute_into(const xmlNode* element, std::string_view name, std::string& value);

// Visits every element of the subtree in document order, without recursion
// (depth is bounded only by the parse limits).
template <class Visitor>
void for_each_element(const xmlNode* root, Visitor&& visit) {
  const xmlNode* node = root;
  while (node != nullptr) {
    if (node->type == XML_ELEMENT_NODE) visit(node);
    if (node->type == XML_ELEMENT_NODE && node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node != nullptr && node != root && node->next == nullptr) node = node->parent;
    if (node == nullptr || node == root) break;
    node = node->next;
  }
}

// Location of a node (line, /Response/Assertion/... path), optionally naming an attribute.
Location location_of(const xmlNode* node, std::string_view attribute_name = {});

}  // namespace saml
