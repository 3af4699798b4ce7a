#include "saml/html_report.h"

namespace saml {

std::vector<HtmlIamOutcome> iam_outcomes(const iam::AwsSide& side) {
  std::vector<HtmlIamOutcome> outcomes;
  if (!side.iam) return outcomes;
  for (const iam::RoleDecision& role : side.iam->roles) {
    outcomes.push_back({role.role_arn, role.assumable, iam::decisive_reason(role)});
  }
  return outcomes;
}

}  // namespace saml
