// parse: the hardened libxml2 wrapper parse_xml, with small limits so that each is reached.
// Invariants for an accepted document:
//   - no DTD (no internal or external subset, no DTD or entity nodes), no entity references;
//   - element depth, node count and attributes per element within the limits;
//   - for_each_element visits exactly the elements a recursive walk finds, in the same order;
//   - text_content is exactly the text and CDATA children (comments never cut or join it);
//   - location_of gives every element a path ending in its own name.
// For a refused document: the error has a message, ErrorCode::XmlDoctype only when the
// input contains "<!DOCTYPE", and a limit error has kind Limit.
#include <libxml/tree.h>

#include <string>
#include <vector>

#include "fuzz_support.h"
#include "saml/xml.h"

namespace {

constexpr saml::ParseLimits kLimits{64 * 1024, 12, 1500, 6};

struct TreeFacts {
  std::vector<const xmlNode*> elements;  // document order
  std::size_t nodes = 0;
};

void walk(const xmlNode* node, int depth, TreeFacts& facts) {
  for (; node != nullptr; node = node->next) {
    ++facts.nodes;
    FUZZ_CHECK(node->type != XML_DTD_NODE && node->type != XML_ENTITY_DECL &&
                   node->type != XML_ENTITY_REF_NODE && node->type != XML_ENTITY_NODE,
               "an accepted document holds a DTD, entity declaration or entity reference");
    if (node->type != XML_ELEMENT_NODE) continue;
    facts.elements.push_back(node);
    FUZZ_CHECK(depth <= kLimits.max_depth, "an accepted document is nested deeper than the limit");
    std::size_t attributes = 0;
    for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) ++attributes;
    for (const xmlNs* ns = node->nsDef; ns != nullptr; ns = ns->next) ++attributes;
    FUZZ_CHECK(attributes <= kLimits.max_attributes, "an element has more attributes than the limit");
    walk(node->children, depth + 1, facts);
  }
}

// The text and CDATA children of an element, never its comments or deeper text.
std::string own_text(const xmlNode* element) {
  std::string text;
  for (const xmlNode* child = element->children; child != nullptr; child = child->next) {
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content != nullptr) {
      text += reinterpret_cast<const char*>(child->content);
    }
  }
  return text;
}

void check_element(const xmlNode* element) {
  const saml::Location where = saml::location_of(element);
  const std::string name = reinterpret_cast<const char*>(element->name);
  FUZZ_CHECK(where.element.size() > name.size() &&
                 where.element.compare(where.element.size() - name.size(), name.size(), name) == 0 &&
                 where.element[where.element.size() - name.size() - 1] == '/',
             "location_of(" + name + ") is \"" + where.element + "\"");
  FUZZ_CHECK(where.line > 0, "location_of(" + name + ") has no line");
  FUZZ_CHECK(saml::text_content(element) == own_text(element),
             "text_content(" + name + ") is not exactly its text and CDATA children");
}

void check_accepted(const saml::Document& document) {
  const xmlDoc* doc = document.get();
  FUZZ_CHECK(doc->intSubset == nullptr && doc->extSubset == nullptr, "an accepted document has a DTD");
  FUZZ_CHECK(document.root() != nullptr, "an accepted document has no root element");
  TreeFacts facts;
  walk(doc->children, 1, facts);
  FUZZ_CHECK(facts.nodes <= kLimits.max_nodes, "an accepted document has more nodes than the limit");
  std::vector<const xmlNode*> visited;
  saml::for_each_element(document.root(), [&](const xmlNode* element) { visited.push_back(element); });
  FUZZ_CHECK(visited == facts.elements, "for_each_element disagrees with a recursive walk");
  for (const xmlNode* element : facts.elements) check_element(element);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!fuzz::input_fits(size)) return -1;
  const std::string_view xml = fuzz::as_text(data, size);
  auto parsed = saml::parse_xml(xml, kLimits);
  if (parsed) {
    check_accepted(*parsed);
    return 0;
  }
  const saml::Error& error = parsed.error();
  FUZZ_CHECK(!error.message.empty(), "a refusal without a message");
  if (error.code == saml::ErrorCode::XmlDoctype) {
    FUZZ_CHECK(xml.find("<!DOCTYPE") != std::string_view::npos, "xml.doctype without a DOCTYPE");
  }
  const bool limit_code =
      error.code == saml::ErrorCode::XmlSize || error.code == saml::ErrorCode::XmlDepth ||
      error.code == saml::ErrorCode::XmlNodes || error.code == saml::ErrorCode::XmlAttributes;
  FUZZ_CHECK(limit_code == (error.kind == saml::ErrorKind::Limit),
             "error " + std::string(saml::error_code_name(error.code)) + " has the wrong kind");
  return 0;
}
