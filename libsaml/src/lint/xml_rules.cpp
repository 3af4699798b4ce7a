// XML006: elements in the SAML protocol or assertion namespace that SAML 2.0 does not define.
#include <algorithm>
#include <array>
#include <string>

#include "lint/lint_rules.h"

namespace saml::lint {
namespace {

constexpr std::array<std::string_view, 32> kProtocolElements = {
    "Artifact", "ArtifactResolve", "ArtifactResponse", "AssertionIDRequest", "AttributeQuery",
    "AuthnQuery", "AuthnRequest", "AuthzDecisionQuery", "Extensions", "GetComplete", "IDPEntry",
    "IDPList", "LogoutRequest", "LogoutResponse", "ManageNameIDRequest", "ManageNameIDResponse",
    "NameIDMappingRequest", "NameIDMappingResponse", "NameIDPolicy", "NewEncryptedID", "NewID",
    "RequestedAuthnContext", "RequesterID", "Response", "Scoping", "SessionIndex", "Status",
    "StatusCode", "StatusDetail", "StatusMessage", "SubjectQuery", "Terminate"};

constexpr std::array<std::string_view, 33> kAssertionElements = {
    "Action", "Advice", "Assertion", "AssertionIDRef", "AssertionURIRef", "Attribute",
    "AttributeStatement", "AttributeValue", "Audience", "AudienceRestriction",
    "AuthenticatingAuthority", "AuthnContext", "AuthnContextClassRef", "AuthnContextDecl",
    "AuthnContextDeclRef", "AuthnStatement", "AuthzDecisionStatement", "BaseID", "Condition",
    "Conditions", "EncryptedAssertion", "EncryptedAttribute", "EncryptedID", "Evidence",
    "Issuer", "NameID", "OneTimeUse", "ProxyRestriction", "Statement", "Subject",
    "SubjectConfirmation", "SubjectConfirmationData", "SubjectLocality"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

Outcome check_unknown_saml_elements(const CheckContext& context, RuleReport& report) {
  if (!context.document || context.document->root() == nullptr) {
    return Outcome::NotApplicable;
  }
  for_each_element(context.document->root(), [&](const xmlNode* node) {
    if (node->ns == nullptr || node->ns->href == nullptr) return;
    const std::string_view uri = reinterpret_cast<const char*>(node->ns->href);
    const std::string_view name = reinterpret_cast<const char*>(node->name);
    const bool protocol = uri == ns::protocol;
    if (!protocol && uri != ns::assertion) return;
    if (protocol ? contains(kProtocolElements, name) : contains(kAssertionElements, name)) return;
    report.add("element " + std::string(name) + " is not defined in the SAML 2.0 " +
            (protocol ? "protocol" : "assertion") + " namespace " + std::string(uri),
        location_of(node));
  });
  return Outcome::Checked;
}

}  // namespace saml::lint
