#include "dsig/id_index.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "saml/xml.h"
#include "saml/rules.h"
#include "xml/xml_owned.h"

namespace saml::detail {
namespace {

constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";

bool is_saml_element(const xmlNode* node) {
  if (node->ns == nullptr || node->ns->href == nullptr) return false;
  const std::string_view uri = reinterpret_cast<const char*>(node->ns->href);
  return uri == ns::protocol || uri == ns::assertion;
}

// One ID or xml:id attribute. `text` views the attribute's single text node, or a joined copy
// kept alive by the caller (an ID split by entity references or over several nodes).
struct IdOccurrence {
  const xmlChar* text = nullptr;
  std::string_view id;
  const xmlNode* element = nullptr;
  xmlAttr* attr = nullptr;
  const char* attribute = nullptr;  // "ID" or "xml:id"
  bool registrable = false;         // plain ID on a SAML element
};

const xmlChar* attribute_text(xmlDoc* doc, const xmlAttr* attr, std::vector<XmlString>& joined) {
  if (attr->children == nullptr) return reinterpret_cast<const xmlChar*>("");
  if (const xmlChar* in_place = single_text_value(attr)) return in_place;
  joined.emplace_back(xmlNodeListGetString(doc, attr->children, 1));
  return joined.back() != nullptr ? joined.back().get() : reinterpret_cast<const xmlChar*>("");
}

}  // namespace

DocumentIndex index_saml_ids(xmlDoc* doc) {
  DocumentIndex index;
  // Occurrences sorted by ID, equal IDs in document order: the IDs of a document without
  // building a string or a map node per ID.
  std::vector<XmlString> joined;
  std::vector<IdOccurrence> occurrences;
  occurrences.reserve(2);  // a Response and its Assertion, usually
  for_each_element(xmlDocGetRootElement(doc), [&](const xmlNode* element) {
    if (is_element(element, ns::dsig, "Signature")) index.signatures.push_back(element);
    for (xmlAttr* attr = element->properties; attr != nullptr; attr = attr->next) {
      const std::string_view name = reinterpret_cast<const char*>(attr->name);
      const bool plain_id = attr->ns == nullptr && name == "ID";
      const bool xml_id = attr->ns != nullptr && attr->ns->href != nullptr &&
                          reinterpret_cast<const char*>(attr->ns->href) == kXmlNs && name == "id";
      if (!plain_id && !xml_id) continue;
      const xmlChar* text = attribute_text(doc, attr, joined);
      occurrences.push_back({text, reinterpret_cast<const char*>(text), element, attr,
                             plain_id ? "ID" : "xml:id", plain_id && is_saml_element(element)});
    }
  });
  std::stable_sort(occurrences.begin(), occurrences.end(),
                   [](const IdOccurrence& a, const IdOccurrence& b) { return a.id < b.id; });

  std::vector<Finding>& findings = index.duplicate_ids;
  for (std::size_t first = 0, end = 0; first < occurrences.size(); first = end) {
    end = first + 1;
    while (end < occurrences.size() && occurrences[end].id == occurrences[first].id) ++end;
    const IdOccurrence& use = occurrences[first];
    if (end - first > 1) {
      std::string where;
      for (std::size_t i = first; i < end; ++i) {
        const Location at = location_of(occurrences[i].element, occurrences[i].attribute);
        where += (where.empty() ? "" : ", ") + at.element + " (line " + std::to_string(at.line) + ")";
      }
      findings.push_back(make_finding(RuleId::duplicate_ids,
                                      "ID '" + std::string(use.id) + "' is used " + std::to_string(end - first) +
                                          " times: " + where + "; no reference may resolve to it",
                                      location_of(use.element, use.attribute)));
      continue;
    }
    if (!use.registrable) continue;
    // Already registered (a second call on the same document) needs nothing more.
    xmlAttr* registered = xmlGetID(doc, use.text);
    if (registered == use.attr) continue;
    if (registered == nullptr) xmlAddID(nullptr, doc, use.text, use.attr);
  }
  return index;
}

}  // namespace saml::detail
