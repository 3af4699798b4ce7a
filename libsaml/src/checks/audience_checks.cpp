// CND003, CND004: AudienceRestriction present; each one (AND) holds an accepted audience (OR),
// compared exactly.
#include <algorithm>
#include <string>

#include "saml/aws_endpoints.h"
#include "saml/checks.h"
#include "saml/rules.h"

namespace saml {
namespace {

std::string quoted_list(const std::vector<std::string>& values) {
  std::string text;
  for (const std::string& value : values) text += (text.empty() ? "\"" : ", \"") + value + "\"";
  return text.empty() ? "none" : text;
}

}  // namespace

void check_audiences(const Assertion& assertion, const Policy& policy, Profile profile,
                     std::vector<Finding>& findings) {
  const Conditions& conditions = assertion.conditions;
  if (conditions.audience_restrictions.empty()) {
    findings.push_back(make_finding(RuleId::audience_restriction_missing,
                                    conditions.present ? "Conditions has no AudienceRestriction"
                                                       : "the Assertion has no Conditions",
                                    conditions.present ? conditions.where : assertion.where));
    return;
  }
  if (policy.audiences.empty() && profile == Profile::Generic) return;  // nothing expected
  const bool identity_center = policy.audiences.empty() && profile == Profile::AwsIdentityCenter;
  const std::vector<std::string>& accepted =
      policy.audiences.empty() ? default_aws_audiences() : policy.audiences;
  const auto is_accepted = [&](const std::string& audience) {
    if (identity_center) return is_identity_center_issuer(audience);
    return std::find(accepted.begin(), accepted.end(), audience) != accepted.end();
  };
  for (const AudienceRestriction& restriction : conditions.audience_restrictions) {
    if (std::any_of(restriction.audiences.begin(), restriction.audiences.end(), is_accepted)) continue;
    findings.push_back(make_finding(RuleId::audience_not_accepted,
                                    "AudienceRestriction lists " + quoted_list(restriction.audiences) +
                                        "; none is accepted (" +
                                        (identity_center ? "an IAM Identity Center issuer URL, "
                                                           "https://<region>.signin.aws.amazon.com/platform/saml/d-<id>)"
                                                         : quoted_list(accepted) +
                                                               (policy.audiences.empty() ? ", the AWS defaults)"
                                                                                         : ", from --audience)")),
                                    restriction.where));
  }
}

}  // namespace saml
