// The AWS side's findings: every reason, warning and configuration problem code maps to one
// rule of the table (IAM0xx for roles, trust policies and Identity Center, OKT0xx for Okta's
// mapping). This table is the only place the codes meet the rule IDs.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "saml/iam.h"

namespace saml::iam {
namespace {

struct CodeRule {
  std::string_view code;
  std::string_view rule;
};

constexpr std::array<CodeRule, 18> kCodeRules = {{
    {"principal-other-provider", "IAM001"},
    {"action-not-allowed", "IAM002"},
    {"aud-mismatch", "IAM003"},
    {"condition-mismatch", "IAM004"},
    {"deny-statement", "IAM005"},
    {"missing-tagsession", "IAM006"},
    {"missing-setsourceidentity", "IAM007"},
    {"reserved-sso-role", "IAM008"},
    {"invalid-policy", "IAM009"},
    {"duration-over-max", "IAM010"},
    {"condition-unknown", "IAM011"},
    {"role-not-in-input", "IAM012"},
    {"provider-expired", "IAM013"},
    {"provider-not-given", "IAM014"},
    {"filter-captures", "OKT001"},
    {"pattern-variables", "OKT001"},
    {"invalid-role-value", "OKT002"},
    {"provider-names", "OKT003"},
}};

constexpr std::string_view kPartialExportRule = "IAM015";
constexpr std::string_view kNoIdentityStoreUserRule = "IAM016";
constexpr std::string_view kMissingRoleRule = "OKT004";
constexpr std::string_view kUnexpectedRoleRule = "OKT005";

std::string_view rule_for(std::string_view code) {
  for (const CodeRule& entry : kCodeRules) {
    if (entry.code == code) return entry.rule;
  }
  return {};
}

void role_findings(const RoleDecision& role, std::vector<Finding>& findings) {
  for (const RoleNote& note : role.notes) {
    findings.push_back(make_finding(rule_for(note.code), role.role_arn + ": " + note.text));
  }
}

}  // namespace

std::vector<Finding> aws_side_findings(const AwsSide& side) {
  std::vector<Finding> findings;
  if (side.iam) {
    for (const std::string& note : side.iam->notes) findings.push_back(make_finding(kPartialExportRule, note));
    for (const RoleDecision& role : side.iam->roles) role_findings(role, findings);
  }
  if (side.okta) {
    for (const OktaProblem& problem : side.okta->config_problems) {
      findings.push_back(make_finding(rule_for(problem.code), problem.message));
    }
    for (const std::string& value : side.okta->missing) {
      findings.push_back(make_finding(kMissingRoleRule, "Okta's mapping gives " + value +
                                                            ", which the assertion does not carry"));
    }
    for (const std::string& value : side.okta->unexpected) {
      findings.push_back(make_finding(kUnexpectedRoleRule, "the assertion carries " + value +
                                                               ", which Okta's mapping does not give"));
    }
  }
  if (side.identity_store && !side.identity_store->matched) {
    findings.push_back(make_finding(kNoIdentityStoreUserRule,
                                    "the NameID matches no UserName in the identity store export"));
  }
  return findings;
}

}  // namespace saml::iam
