#include "xml/tree_limits.h"

#include <string>

namespace saml {
namespace {

// Attributes plus namespace declarations: both cost memory and both are attacker-controlled.
std::size_t attribute_count(const xmlNode* element) {
  std::size_t count = 0;
  for (const xmlAttr* attr = element->properties; attr != nullptr; attr = attr->next) {
    ++count;
  }
  for (const xmlNs* ns = element->nsDef; ns != nullptr; ns = ns->next) {
    ++count;
  }
  return count;
}

std::string describe(const Location& where) {
  return "line " + std::to_string(where.line) + ", " + where.element;
}

Error limit_error(ErrorCode code, const std::string& message, const xmlNode* node) {
  Location where = location_of(node);
  return Error{ErrorKind::Limit, code, message + " (at " + describe(where) + ")",
               std::move(where)};
}

Error refused_node(const xmlNode* node) {
  Location where = location_of(node);
  if (node->type == XML_ENTITY_REF_NODE) {
    return Error{ErrorKind::Decode, ErrorCode::XmlEntity,
                 "entity references are not allowed (at " + describe(where) + ")",
                 std::move(where)};
  }
  return Error{ErrorKind::Decode, ErrorCode::XmlNodeType,
               "unexpected node of libxml2 type " + std::to_string(static_cast<int>(node->type)) +
                   " (at " + describe(where) + ")",
               std::move(where)};
}

// Pre-order successor of `node` inside the document; tracks element depth.
const xmlNode* next_in_walk(const xmlNode* node, int& depth) {
  if (node->type == XML_ELEMENT_NODE && node->children != nullptr) {
    ++depth;
    return node->children;
  }
  while (node->next == nullptr) {
    node = node->parent;
    --depth;
    if (node == nullptr || node->type != XML_ELEMENT_NODE) {
      return nullptr;
    }
  }
  return node->next;
}

}  // namespace

Expected<Ok> check_tree_limits(const xmlDoc* doc, const ParseLimits& limits) {
  std::size_t nodes = 0;
  int depth = 1;  // of the node being visited, counting itself if it is an element
  for (const xmlNode* node = doc->children; node != nullptr; node = next_in_walk(node, depth)) {
    if (++nodes > limits.max_nodes) {
      return limit_error(ErrorCode::XmlNodes,
                         "the document has more than " + std::to_string(limits.max_nodes) +
                             " nodes",
                         node);
    }
    switch (node->type) {
      case XML_ELEMENT_NODE:
        if (depth > limits.max_depth) {
          return limit_error(ErrorCode::XmlDepth,
                             "elements are nested more than " + std::to_string(limits.max_depth) +
                                 " deep",
                             node);
        }
        if (const std::size_t count = attribute_count(node); count > limits.max_attributes) {
          return limit_error(ErrorCode::XmlAttributes,
                             "an element has " + std::to_string(count) +
                                 " attributes (namespace declarations included), more than "
                                 "the limit of " +
                                 std::to_string(limits.max_attributes),
                             node);
        }
        break;
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
      case XML_COMMENT_NODE:
      case XML_PI_NODE:
        break;
      default:
        return refused_node(node);
    }
  }
  return Ok{};
}

}  // namespace saml
