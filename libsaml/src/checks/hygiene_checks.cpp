// HYG001 (issued too long ago) and AWS011 (message too large for AssumeRoleWithSAML).
#include <chrono>
#include <string>

#include "checks/duration_text.h"
#include "saml/checks.h"
#include "saml/rules.h"

namespace saml {
namespace {

constexpr std::chrono::seconds kRedeemWithin{300};
constexpr std::size_t kMaxBase64Chars = 100000;

}  // namespace

void check_issue_age(const Assertion& assertion, const Policy& policy,
                     std::vector<Finding>& findings) {
  const Instant& issued = assertion.issue_instant;
  if (!issued.value) return;
  const auto age = policy.now - *issued.value;
  if (age <= kRedeemWithin + policy.skew) return;
  findings.push_back(make_finding(RuleId::issued_too_long_ago,
                                  "issued " + format_exact_duration(age) + " ago (IssueInstant " +
                                      issued.text + ", now " + format_xs_datetime(policy.now) +
                                      "); STS refuses responses older than 5 min",
                                  issued.where));
}

void check_message_size(const Capture& capture, std::vector<Finding>& findings) {
  // Raw XML is measured as the base64 text an IdP would post for it.
  const bool measured = capture.base64_length != 0;
  const std::size_t length = measured ? capture.base64_length : 4 * ((capture.xml.size() + 2) / 3);
  if (length <= kMaxBase64Chars) return;
  findings.push_back(make_finding(
      RuleId::message_too_large,
      "the message is " + std::to_string(length) + " base64 characters" +
          (measured ? "" : " once encoded (" + std::to_string(capture.xml.size()) + " bytes of XML)") +
          "; AssumeRoleWithSAML accepts at most 100,000"));
}

}  // namespace saml
