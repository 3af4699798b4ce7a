// PRO005 (the Response names another Issuer than its Assertion), PRO006 (--issuer) and
// MET008 (the Issuer is not the entityID of the metadata whose key verified the message).
#include <algorithm>
#include <string>

#include "checks/rule_checks.h"

namespace saml {
namespace {

std::string quoted_list(const std::vector<std::string>& values) {
  std::string text;
  for (const std::string& value : values) text += (text.empty() ? "\"" : ", \"") + value + "\"";
  return text.empty() ? "none" : text;
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Calls visit(issuer, where, whose) for the Assertion's Issuer and the Response's, when present.
template <class Visit>
void for_each_issuer(const CheckContext& context, Visit visit) {
  const Assertion& assertion = *context.assertion;
  if (assertion.has_issuer) visit(assertion.issuer, assertion.where, "Assertion");
  if (context.response != nullptr && context.response->has_issuer) {
    visit(context.response->issuer, context.response->where, "Response");
  }
}

// The entityIDs of the metadata that supplied the keys of the verified signatures covering
// the assertion (its own, or the Response's).
std::vector<std::string> verifying_entity_ids(const CheckContext& context) {
  std::vector<std::string> ids;
  for (const SignatureReport& signature : context.signatures.signatures) {
    if (signature.status != SignatureStatus::Verified || !signature.key_used) continue;
    const bool covers = signature.signed_node == context.assertion->node ||
                        (context.response != nullptr && signature.signed_node == context.response->node);
    if (!covers) continue;
    for (const TrustedKey& key : context.trust.keys()) {
      if (key.certificate.fingerprint != signature.key_used->fingerprint) continue;
      ids.insert(ids.end(), key.entity_ids.begin(), key.entity_ids.end());
    }
  }
  return ids;
}

}  // namespace

Outcome check_response_issuer(const CheckContext& context, RuleReport& report) {
  if (context.assertion == nullptr || context.response == nullptr || !context.response->has_issuer ||
      !context.assertion->has_issuer) {
    return Outcome::NotApplicable;
  }
  if (context.response->issuer != context.assertion->issuer) {
    report.add("the Response's Issuer \"" + context.response->issuer + "\" is not the Assertion's \"" +
                   context.assertion->issuer + "\"",
               context.response->where);
  }
  return Outcome::Checked;
}

Outcome check_expected_issuer(const CheckContext& context, RuleReport& report) {
  const std::vector<std::string>& expected = context.policy.issuers;
  if (context.assertion == nullptr || expected.empty()) return Outcome::NotApplicable;
  for_each_issuer(context, [&](const std::string& issuer, const NodeRef& where, const char* whose) {
    if (contains(expected, issuer)) return;
    report.add(std::string("the ") + whose + "'s Issuer \"" + issuer + "\" is not an expected IdP (" +
                   quoted_list(expected) + ", from --issuer)",
               where);
  });
  return Outcome::Checked;
}

Outcome check_issuer_in_metadata(const CheckContext& context, RuleReport& report) {
  if (context.assertion == nullptr) return Outcome::NotApplicable;
  const std::vector<std::string> entity_ids = verifying_entity_ids(context);
  if (entity_ids.empty()) return Outcome::NotApplicable;  // the key was not given as metadata
  for_each_issuer(context, [&](const std::string& issuer, const NodeRef& where, const char* whose) {
    if (contains(entity_ids, issuer)) return;
    report.add(std::string("the ") + whose + "'s Issuer \"" + issuer +
                   "\" is not the entityID of the metadata whose key verified it (" +
                   quoted_list(entity_ids) + "): AWS answers \"Issuer not present in specified provider\"",
               where);
  });
  return Outcome::Checked;
}

}  // namespace saml
