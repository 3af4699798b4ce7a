#include "floor_checks.h"

#include <cstdio>
#include <cstring>

namespace samlbench {
namespace {

constexpr const char* kEndpoint = "https://signin.aws.amazon.com/saml";
constexpr const char* kSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success";
constexpr const char* kBearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
constexpr const char* kAudience = "urn:amazon:webservices";
constexpr const char* kRole = "https://aws.amazon.com/SAML/Attributes/Role";
constexpr const char* kSessionName = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";

bool attribute_is(const xmlNode* node, const char* name, const char* expected) {
  const xmlAttr* attr = node ? xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) : nullptr;
  const xmlNode* text = attr ? attr->children : nullptr;
  return text != nullptr && std::strcmp(reinterpret_cast<const char*>(text->content), expected) == 0;
}

bool text_is(const xmlNode* element, const char* expected) {
  const xmlNode* text = element ? element->children : nullptr;
  return text != nullptr && text->type == XML_TEXT_NODE && std::strcmp(reinterpret_cast<const char*>(text->content), expected) == 0;
}

// An xs:dateTime in UTC ("2024-05-01T12:05:00Z", fraction ignored); -1 when absent or not one.
std::time_t instant(const xmlNode* node, const char* name) {
  const xmlAttr* attr = node ? xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) : nullptr;
  if (attr == nullptr || attr->children == nullptr) return -1;
  std::tm parts{};
  if (std::sscanf(reinterpret_cast<const char*>(attr->children->content), "%4d-%2d-%2dT%2d:%2d:%2d", &parts.tm_year,
                  &parts.tm_mon, &parts.tm_mday, &parts.tm_hour, &parts.tm_min, &parts.tm_sec) != 6) {
    return -1;
  }
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  return timegm(&parts);
}

bool has_attribute(const xmlNode* statement, const char* name) {
  for (const xmlNode* node = statement ? statement->children : nullptr; node; node = node->next) {
    if (node->type == XML_ELEMENT_NODE && attribute_is(node, "Name", name) && child_named(node, "AttributeValue")) {
      return true;
    }
  }
  return false;
}

}  // namespace

const xmlNode* child_named(const xmlNode* parent, const char* local_name) {
  for (const xmlNode* node = parent ? parent->children : nullptr; node; node = node->next) {
    if (node->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(node->name), local_name) == 0) {
      return node;
    }
  }
  return nullptr;
}

bool floor_saml_checks(const xmlNode* response, const xmlNode* assertion, std::time_t now) {
  if (!attribute_is(child_named(child_named(response, "Status"), "StatusCode"), "Value", kSuccess) ||
      !attribute_is(response, "Destination", kEndpoint)) {
    return false;
  }
  const xmlNode* issuer = child_named(assertion, "Issuer");
  if (issuer == nullptr || issuer->children == nullptr) return false;
  const xmlNode* confirmation = child_named(child_named(assertion, "Subject"), "SubjectConfirmation");
  const xmlNode* data = child_named(confirmation, "SubjectConfirmationData");
  if (!attribute_is(confirmation, "Method", kBearer) || !attribute_is(data, "Recipient", kEndpoint) ||
      !(now < instant(data, "NotOnOrAfter"))) {
    return false;
  }
  const xmlNode* conditions = child_named(assertion, "Conditions");
  const std::time_t not_before = instant(conditions, "NotBefore");
  if (not_before < 0 || now < not_before || !(now < instant(conditions, "NotOnOrAfter")) ||
      !text_is(child_named(child_named(conditions, "AudienceRestriction"), "Audience"), kAudience)) {
    return false;
  }
  const xmlNode* statement = child_named(assertion, "AttributeStatement");
  return has_attribute(statement, kRole) && has_attribute(statement, kSessionName);
}

}  // namespace samlbench
