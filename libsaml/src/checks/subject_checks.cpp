// SUB001..SUB005: NameID and the single bearer SubjectConfirmation.
#include <string>

#include "saml/checks.h"

namespace saml {
namespace {

constexpr std::string_view kBearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

bool recipient_accepted(const std::string& recipient, const Policy& policy) {
  if (policy.recipients.empty()) return is_aws_signin_endpoint(recipient);
  for (const std::string& accepted : policy.recipients) {
    if (recipient == accepted) return true;
  }
  return false;
}

std::string accepted_recipients_text(const Policy& policy) {
  if (policy.recipients.empty()) {
    return "the AWS sign-in endpoints (https://signin.aws.amazon.com/saml, "
           "https://<region>.signin.aws.amazon.com/saml, GovCloud, China)";
  }
  std::string text;
  for (const std::string& accepted : policy.recipients) {
    text += (text.empty() ? "\"" : ", \"") + accepted + "\"";
  }
  return text + " (--recipient)";
}

void check_confirmation_data(const SubjectConfirmation& confirmation, const Policy& policy,
                             std::vector<Finding>& findings) {
  Location data_where = confirmation.where;
  data_where.element += "/SubjectConfirmationData";
  if (!confirmation.has_data || !confirmation.not_on_or_after.present) {
    Location where = data_where;
    where.attribute = "NotOnOrAfter";
    findings.push_back(make_finding(
        "SUB003",
        confirmation.has_data ? "SubjectConfirmationData has no NotOnOrAfter"
                              : "the bearer SubjectConfirmation has no SubjectConfirmationData",
        where));
  }
  Location recipient_where = data_where;
  recipient_where.attribute = "Recipient";
  if (!confirmation.has_recipient) {
    findings.push_back(make_finding("SUB004", "SubjectConfirmationData has no Recipient",
                                    recipient_where));
  } else if (!recipient_accepted(confirmation.recipient, policy)) {
    findings.push_back(make_finding("SUB005",
                                    "Recipient \"" + confirmation.recipient +
                                        "\" is not accepted; expected " +
                                        accepted_recipients_text(policy),
                                    recipient_where));
  }
}

}  // namespace

void check_subject(const Assertion& assertion, const Policy& policy,
                   std::vector<Finding>& findings) {
  if (!assertion.has_subject) {
    findings.push_back(make_finding("SUB001", "the Assertion has no Subject", assertion.where));
  } else if (!assertion.has_name_id || assertion.name_id.empty()) {
    Location where = assertion.where;
    where.element += "/Subject";
    findings.push_back(make_finding("SUB001", "the Subject has no NameID (or an empty one)", where));
  }

  const auto& confirmations = assertion.confirmations;
  if (confirmations.size() != 1) {
    Location where = assertion.where;
    where.element += "/Subject";
    findings.push_back(make_finding("SUB002",
                                    "the Subject has " + std::to_string(confirmations.size()) +
                                        " SubjectConfirmation elements; exactly one is required",
                                    confirmations.empty() ? where : confirmations[1].where));
    return;
  }
  const SubjectConfirmation& confirmation = confirmations.front();
  if (confirmation.method != kBearer) {
    Location where = confirmation.where;
    where.attribute = "Method";
    findings.push_back(make_finding("SUB002",
                                    "SubjectConfirmation Method is \"" + confirmation.method +
                                        "\", not \"" + std::string(kBearer) + "\"",
                                    where));
    return;
  }
  check_confirmation_data(confirmation, policy, findings);
}

}  // namespace saml
