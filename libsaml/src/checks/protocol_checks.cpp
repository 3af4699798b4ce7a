// PRO001..PRO004: version, status, issuer, destination.
#include <string>

#include "checks/instant_checks.h"
#include "saml/checks.h"
#include "saml/rules.h"

namespace saml {
namespace {

constexpr std::string_view kSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success";

void check_version(std::string_view element, bool present, const std::string& version,
                   const NodeRef& where, std::vector<Finding>& findings) {
  if (present && version == "2.0") return;
  std::string message = std::string(element) +
                        (present ? " Version is \"" + version + "\", not \"2.0\""
                                 : std::string(" has no Version attribute; AWS requires \"2.0\""));
  findings.push_back(make_finding(RuleId::version_not_2, std::move(message), where));
}

void check_status(const Status& status, const NodeRef& response_where,
                  std::vector<Finding>& findings) {
  if (!status.present) {
    findings.push_back(make_finding(RuleId::status_not_success, "Response has no Status/StatusCode", response_where));
    return;
  }
  if (status.code == kSuccess) return;
  std::string message = "top-level StatusCode is \"" + status.code + "\"";
  if (!status.second_level.empty()) {
    message += ", nested StatusCode \"" + status.second_level + "\"";
    if (status.second_level == kSuccess) message += " (a nested Success does not count)";
  }
  if (!status.message.empty()) message += ", StatusMessage \"" + status.message + "\"";
  findings.push_back(make_finding(RuleId::status_not_success, std::move(message), status.where));
}

// The Recipient of the single bearer confirmation, or nullptr (SUB002/SUB004 report why).
const std::string* bearer_recipient(const Assertion& assertion) {
  if (assertion.confirmations.size() != 1) return nullptr;
  const SubjectConfirmation& confirmation = assertion.confirmations.front();
  return confirmation.has_recipient ? &confirmation.recipient : nullptr;
}

}  // namespace

void check_response(const Response& response, std::vector<Finding>& findings) {
  const NodeRef version_where{response.where.node, "Version"};
  check_version("Response", response.has_version, response.version, version_where, findings);
  check_status(response.status, response.where, findings);
  check_instant_value(response.issue_instant, "Response IssueInstant", findings);
}

void check_assertion_protocol(const Response& response, const Assertion& assertion,
                              std::vector<Finding>& findings) {
  const NodeRef version_where{assertion.where.node, "Version"};
  check_version("Assertion", !assertion.version.empty(), assertion.version, version_where, findings);

  if (!assertion.has_issuer || assertion.issuer.empty()) {
    findings.push_back(make_finding(RuleId::issuer_missing, "the Assertion has no Issuer (or an empty one)",
                                    assertion.where));
  }

  const std::string* recipient = bearer_recipient(assertion);
  if (response.has_destination && recipient != nullptr && response.destination != *recipient) {
    findings.push_back(make_finding(RuleId::destination_mismatch,
                                    "Destination \"" + response.destination +
                                        "\" differs from the SubjectConfirmationData Recipient \"" +
                                        *recipient + "\"",
                                    NodeRef{response.where.node, "Destination"}));
  }
}

}  // namespace saml
