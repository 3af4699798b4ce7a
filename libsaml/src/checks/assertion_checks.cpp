// The checks saml-verify runs on an assertion a trusted signature covers.
#include "saml/checks.h"

namespace saml {

void check_verified_assertion(const Response& response, const Assertion& assertion,
                              const Policy& policy, Profile profile, std::vector<Finding>& findings) {
  check_assertion_protocol(response, assertion, findings);
  check_subject(assertion, policy, profile, findings);
  check_times(assertion, policy, findings);
  check_audiences(assertion, policy, profile, findings);
  check_issue_age(assertion, policy, findings);
}

}  // namespace saml
