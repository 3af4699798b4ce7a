// SUB001..SUB005: NameID and the single bearer SubjectConfirmation.
#include <string>

#include "saml/aws_endpoints.h"
#include "saml/checks.h"
#include "saml/rules.h"

namespace saml {
namespace {

constexpr std::string_view kBearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

bool recipient_accepted(const std::string& recipient, const Policy& policy, Profile profile) {
  if (policy.recipients.empty()) {
    return profile == Profile::AwsIdentityCenter ? is_identity_center_acs_url(recipient)
                                                 : is_aws_signin_endpoint(recipient);
  }
  for (const std::string& accepted : policy.recipients) {
    if (recipient == accepted) return true;
  }
  return false;
}

std::string accepted_recipients_text(const Policy& policy, Profile profile) {
  if (policy.recipients.empty() && profile == Profile::AwsIdentityCenter) {
    return "an IAM Identity Center ACS URL (https://<region>.signin.aws/platform/saml/acs/<id>, "
           "https://<region>.sso.signin.aws/..., https://<region>.signin.aws.amazon.com/...)";
  }
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
                             Profile profile, std::vector<Finding>& findings) {
  // The SubjectConfirmationData's location naming one attribute, built only for a finding.
  const auto data_where = [&](const char* attribute) {
    Location where = confirmation.where;
    where.element += "/SubjectConfirmationData";
    where.attribute = attribute;
    return where;
  };
  if (!confirmation.has_data || !confirmation.not_on_or_after.present) {
    findings.push_back(make_finding(
        RuleId::confirmation_expiry_missing,
        confirmation.has_data ? "SubjectConfirmationData has no NotOnOrAfter"
                              : "the bearer SubjectConfirmation has no SubjectConfirmationData",
        data_where("NotOnOrAfter")));
  }
  if (!confirmation.has_recipient) {
    findings.push_back(make_finding(RuleId::recipient_missing, "SubjectConfirmationData has no Recipient",
                                    data_where("Recipient")));
  } else if ((profile != Profile::Generic || !policy.recipients.empty()) &&
             !recipient_accepted(confirmation.recipient, policy, profile)) {
    findings.push_back(make_finding(RuleId::recipient_not_accepted,
                                    "Recipient \"" + confirmation.recipient +
                                        "\" is not accepted; expected " +
                                        accepted_recipients_text(policy, profile),
                                    data_where("Recipient")));
  }
}

}  // namespace

void check_subject(const Assertion& assertion, const Policy& policy, Profile profile,
                   std::vector<Finding>& findings) {
  if (!assertion.has_subject) {
    findings.push_back(make_finding(RuleId::name_id_missing, "the Assertion has no Subject", assertion.where));
  } else if (!assertion.has_name_id || assertion.name_id.empty()) {
    Location where = assertion.where;
    where.element += "/Subject";
    findings.push_back(make_finding(RuleId::name_id_missing, "the Subject has no NameID (or an empty one)", where));
  }

  const auto& confirmations = assertion.confirmations;
  if (confirmations.size() != 1) {
    Location where = assertion.where;
    where.element += "/Subject";
    findings.push_back(make_finding(RuleId::not_one_bearer,
                                    "the Subject has " + std::to_string(confirmations.size()) +
                                        " SubjectConfirmation elements; exactly one is required",
                                    confirmations.empty() ? where : confirmations[1].where));
    return;
  }
  const SubjectConfirmation& confirmation = confirmations.front();
  if (confirmation.method != kBearer) {
    Location where = confirmation.where;
    where.attribute = "Method";
    findings.push_back(make_finding(RuleId::not_one_bearer,
                                    "SubjectConfirmation Method is \"" + confirmation.method +
                                        "\", not \"" + std::string(kBearer) + "\"",
                                    where));
    return;
  }
  check_confirmation_data(confirmation, policy, profile, findings);
}

}  // namespace saml
