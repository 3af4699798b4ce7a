#include "dsig/id_index.h"

#include <map>
#include <string>

#include "saml/xml.h"
#include "saml/rules.h"

namespace saml::detail {
namespace {

constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";

bool is_saml_element(const xmlNode* node) {
  if (node->ns == nullptr || node->ns->href == nullptr) return false;
  const std::string_view uri = reinterpret_cast<const char*>(node->ns->href);
  return uri == ns::protocol || uri == ns::assertion;
}

struct IdPlace {
  const xmlNode* element = nullptr;
  const char* attribute = nullptr;  // "ID" or "xml:id"
};

struct IdUse {
  xmlAttr* attr = nullptr;  // the registrable attribute (SAML element, plain ID)
  std::vector<IdPlace> places;  // located only when the ID is duplicated
};

}  // namespace

std::vector<Finding> index_saml_ids(xmlDoc* doc) {
  std::map<std::string, IdUse> uses;
  for_each_element(xmlDocGetRootElement(doc), [&](const xmlNode* element) {
    for (xmlAttr* attr = element->properties; attr != nullptr; attr = attr->next) {
      const std::string_view name = reinterpret_cast<const char*>(attr->name);
      const bool plain_id = attr->ns == nullptr && name == "ID";
      const bool xml_id = attr->ns != nullptr && attr->ns->href != nullptr &&
                          reinterpret_cast<const char*>(attr->ns->href) == kXmlNs && name == "id";
      if (!plain_id && !xml_id) continue;
      xmlChar* raw = xmlNodeListGetString(doc, attr->children, 1);
      const std::string id = raw ? reinterpret_cast<const char*>(raw) : "";
      xmlFree(raw);
      IdUse& use = uses[id];
      use.places.push_back({element, plain_id ? "ID" : "xml:id"});
      if (plain_id && is_saml_element(element)) use.attr = attr;
    }
  });

  std::vector<Finding> findings;
  for (auto& [id, use] : uses) {
    if (use.places.size() > 1) {
      std::string where;
      for (const IdPlace& place : use.places) {
        const Location at = location_of(place.element, place.attribute);
        where += (where.empty() ? "" : ", ") + at.element + " (line " + std::to_string(at.line) + ")";
      }
      const IdPlace& first = use.places.front();
      findings.push_back(make_finding(RuleId::duplicate_ids,
                                      "ID '" + id + "' is used " + std::to_string(use.places.size()) +
                                          " times: " + where + "; no reference may resolve to it",
                                      location_of(first.element, first.attribute)));
      continue;
    }
    if (use.attr == nullptr) continue;
    // Already registered (a second call on the same document) needs nothing more.
    xmlAttr* registered = xmlGetID(doc, reinterpret_cast<const xmlChar*>(id.c_str()));
    if (registered == use.attr) continue;
    if (registered == nullptr) xmlAddID(nullptr, doc, reinterpret_cast<const xmlChar*>(id.c_str()), use.attr);
  }
  return findings;
}

}  // namespace saml::detail
