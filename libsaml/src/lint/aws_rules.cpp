// AWS013..AWS015 and AWS026: regional Recipients, duplicate roles, long sessions, and IAM
// attributes sent to IAM Identity Center.
#include <algorithm>
#include <numeric>
#include <string>
#include <tuple>
#include <vector>

#include "aws/quote.h"
#include "lint/lint_rules.h"
#include "saml/aws.h"
#include "saml/aws_endpoints.h"

namespace saml::lint {
namespace {

constexpr long kDefaultMaxSessionDuration = 3600;
constexpr std::string_view kGlobalSignin = "https://signin.aws.amazon.com/saml";

bool is_regional_signin(std::string_view url) {
  const auto endpoint = classify_aws_endpoint(url);
  return endpoint && endpoint->partition == "aws" && !endpoint->region.empty() &&
         (endpoint->kind == AwsEndpointKind::FederationSignin ||
          endpoint->kind == AwsEndpointKind::FederationProviderAcs);
}

}  // namespace

Outcome check_regional_recipient(const CheckContext& context, RuleReport& report) {
  const auto& assertion = context.assertion;
  if (!assertion || assertion->confirmations.empty()) return Outcome::NotApplicable;
  for (const SubjectConfirmation& confirmation : assertion->confirmations) {
    if (!is_regional_signin(confirmation.recipient)) continue;
    report.add("Recipient " + confirmation.recipient +
                      " is regional: saml:aud will be that URL, which the console's default trust "
                      "policy (saml:aud = " + std::string(kGlobalSignin) + ") does not accept",
        confirmation.where);
  }
  return Outcome::Checked;
}

// A role pair's fields, for ordering and comparing pairs without printing their ARNs.
auto pair_fields(const RolePair& pair) {
  return std::tie(pair.role.partition, pair.role.account, pair.role.kind, pair.role.path, pair.role.name,
                  pair.provider.partition, pair.provider.account, pair.provider.kind, pair.provider.path,
                  pair.provider.name);
}

Outcome check_duplicate_roles(const CheckContext& context, RuleReport& report) {
  const auto& aws = context.aws;
  if (!aws || aws->roles.empty()) return Outcome::NotApplicable;
  const std::vector<RolePair>& roles = aws->roles;
  if (roles.size() < 2) return Outcome::Checked;
  // Positions sorted by pair, equal pairs in document order: a position whose pair equals the
  // one before it in this order repeats an earlier value (n log n on a flood of roles).
  std::vector<std::size_t> order(roles.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return pair_fields(roles[a]) < pair_fields(roles[b]);
  });
  std::vector<bool> repeated(roles.size(), false);
  for (std::size_t k = 1; k < order.size(); ++k) {
    repeated[order[k]] = pair_fields(roles[order[k]]) == pair_fields(roles[order[k - 1]]);
  }
  const Attribute* role = context.assertion->find_attribute(aws_attr::role);
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (!repeated[i]) continue;
    report.add("role " + roles[i].role.to_string() + " with provider " + roles[i].provider.to_string() +
                   " is sent more than once",
               role ? role->where : Location{});
  }
  return Outcome::Checked;
}

Outcome check_long_session_duration(const CheckContext& context, RuleReport& report) {
  const auto& aws = context.aws;
  if (!aws || !aws->session_duration) return Outcome::NotApplicable;
  if (*aws->session_duration <= kDefaultMaxSessionDuration) return Outcome::Checked;
  const Attribute* attribute = context.assertion->find_attribute(aws_attr::session_duration);
  report.add("SessionDuration " + std::to_string(*aws->session_duration) +
                    " s is over 3600 s, a role's default MaxSessionDuration",
      attribute ? attribute->where : Location{});
  return Outcome::Checked;
}

Outcome check_identity_center_roles(const CheckContext& context, RuleReport& report) {
  const auto& assertion = context.assertion;
  if (!assertion) return Outcome::NotApplicable;
  for (std::string_view name :
       {aws_attr::role, aws_attr::role_session_name, aws_attr::session_duration}) {
    const Attribute* attribute = assertion->find_attribute(name);
    if (attribute == nullptr) continue;
    report.add("attribute " + std::string(name) + " is ignored by IAM Identity Center",
        attribute->where);
  }
  return Outcome::Checked;
}

}  // namespace saml::lint
