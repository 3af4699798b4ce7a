// The AWS side's findings: every reason, warning and configuration problem code maps to one
// rule of the table (IAM0xx for roles, trust policies and Identity Center, OKT0xx for Okta's
// mapping). This table is the only place the codes meet the rules.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "saml/iam.h"
#include "saml/rules.h"

namespace saml::iam {
namespace {

struct CodeRule {
  std::string_view code;
  RuleId rule;
};

constexpr std::array<CodeRule, 18> kCodeRules = {{
    {"principal-other-provider", RuleId::trust_other_provider},
    {"action-not-allowed", RuleId::trust_action_not_allowed},
    {"aud-mismatch", RuleId::trust_aud_mismatch},
    {"condition-mismatch", RuleId::trust_condition_mismatch},
    {"deny-statement", RuleId::trust_explicit_deny},
    {"missing-tagsession", RuleId::trust_missing_tag_session},
    {"missing-setsourceidentity", RuleId::trust_missing_set_source_identity},
    {"reserved-sso-role", RuleId::reserved_sso_role},
    {"invalid-policy", RuleId::trust_policy_invalid},
    {"duration-over-max", RuleId::duration_over_role_max},
    {"condition-unknown", RuleId::trust_condition_unknown},
    {"role-not-in-input", RuleId::role_not_in_exports},
    {"provider-expired", RuleId::saml_provider_expired},
    {"provider-not-given", RuleId::saml_provider_not_given},
    {"filter-captures", RuleId::okta_mapping_incomplete},
    {"pattern-variables", RuleId::okta_mapping_incomplete},
    {"invalid-role-value", RuleId::okta_invalid_role_value},
    {"provider-names", RuleId::okta_provider_names_differ},
}};

// Every code the iam stage produces is in the table.
RuleId rule_for(std::string_view code) {
  for (const CodeRule& entry : kCodeRules) {
    if (entry.code == code) return entry.rule;
  }
  return RuleId::trust_policy_invalid;
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
    for (const std::string& note : side.iam->notes) findings.push_back(make_finding(RuleId::iam_export_partial, note));
    for (const RoleDecision& role : side.iam->roles) role_findings(role, findings);
  }
  if (side.okta) {
    for (const OktaProblem& problem : side.okta->config_problems) {
      findings.push_back(make_finding(rule_for(problem.code), problem.message));
    }
    for (const std::string& value : side.okta->missing) {
      findings.push_back(make_finding(RuleId::okta_role_missing, "Okta's mapping gives " + value +
                                                            ", which the assertion does not carry"));
    }
    for (const std::string& value : side.okta->unexpected) {
      findings.push_back(make_finding(RuleId::okta_role_unexpected, "the assertion carries " + value +
                                                               ", which Okta's mapping does not give"));
    }
  }
  if (side.identity_store && !side.identity_store->matched) {
    findings.push_back(make_finding(RuleId::identity_store_no_user,
                                    "the NameID matches no UserName in the identity store export"));
  }
  return findings;
}

}  // namespace saml::iam
