// CND003, CND004: AudienceRestriction present; each one (AND) holds an accepted audience (OR),
// compared exactly.
#include <algorithm>
#include <string>

#include "saml/checks.h"

namespace saml {
namespace {

std::string quoted_list(const std::vector<std::string>& values) {
  std::string text;
  for (const std::string& value : values) text += (text.empty() ? "\"" : ", \"") + value + "\"";
  return text.empty() ? "none" : text;
}

}  // namespace

void check_audiences(const Assertion& assertion, const Policy& policy,
                     std::vector<Finding>& findings) {
  const Conditions& conditions = assertion.conditions;
  if (conditions.audience_restrictions.empty()) {
    findings.push_back(make_finding("CND003",
                                    conditions.present ? "Conditions has no AudienceRestriction"
                                                       : "the Assertion has no Conditions",
                                    conditions.present ? conditions.where : assertion.where));
    return;
  }
  const std::vector<std::string>& accepted =
      policy.audiences.empty() ? default_aws_audiences() : policy.audiences;
  for (const AudienceRestriction& restriction : conditions.audience_restrictions) {
    const bool ok = std::any_of(
        restriction.audiences.begin(), restriction.audiences.end(), [&](const std::string& a) {
          return std::find(accepted.begin(), accepted.end(), a) != accepted.end();
        });
    if (ok) continue;
    findings.push_back(make_finding("CND004",
                                    "AudienceRestriction lists " + quoted_list(restriction.audiences) +
                                        "; none is accepted (" + quoted_list(accepted) +
                                        (policy.audiences.empty() ? ", the AWS defaults)" : ", from --audience)"),
                                    restriction.where));
  }
}

}  // namespace saml
