// The encrypted-assertion rules: SIG017 (RSA-1.5 key transport, when no decryption was
// attempted: decryption reports it otherwise), SIG018 (AES-CBC), SUB007 (not sent to the
// provider-specific ACS URL), AWS027 (sent to IAM Identity Center). None applies to a
// plaintext assertion.
#include <string>

#include "checks/rule_checks.h"
#include "saml/aws_endpoints.h"

namespace saml {
namespace {

bool is_cbc(std::string_view algorithm) {
  return algorithm == xenc_alg::aes128_cbc || algorithm == xenc_alg::aes192_cbc ||
         algorithm == xenc_alg::aes256_cbc;
}

bool is_provider_or_identity_center_acs(std::string_view url) {
  return is_aws_provider_acs_url(url) || is_identity_center_acs_url(url);
}

}  // namespace

Outcome check_rsa15_transport(const CheckContext& context, RuleReport& report) {
  const EncryptionReport* encryption = context.encryption;
  if (encryption == nullptr) return Outcome::NotApplicable;
  if (encryption->attempted) return Outcome::Checked;  // decryption judged the key transport
  for (const KeyTransportInfo& key : encryption->info.keys) {
    if (key.algorithm != xenc_alg::rsa_1_5) continue;
    if (context.policy.allow_rsa15) {
      report.add("the assertion key is wrapped with RSA-1.5 (xmlenc#rsa-1_5), allowed by --allow-rsa15",
                 key.where, Severity::Warning);
    } else {
      report.add("the assertion key is wrapped with RSA-1.5 (xmlenc#rsa-1_5)", key.where);
    }
  }
  return Outcome::Checked;
}

Outcome check_cbc_encryption(const CheckContext& context, RuleReport& report) {
  const EncryptionReport* encryption = context.encryption;
  if (encryption == nullptr) return Outcome::NotApplicable;
  if (is_cbc(encryption->info.data_algorithm)) {
    report.add("the assertion is encrypted with " +
                   algorithm_short_name(encryption->info.data_algorithm) +
                   "; AES-GCM would authenticate the ciphertext",
               encryption->info.where);
  }
  return Outcome::Checked;
}

Outcome check_provider_acs_url(const CheckContext& context, RuleReport& report) {
  if (context.encryption == nullptr || context.response == nullptr) return Outcome::NotApplicable;
  const Response& response = *context.response;
  if (response.has_destination && !is_provider_or_identity_center_acs(response.destination)) {
    report.add("the Response with an encrypted assertion has Destination '" + response.destination +
                   "', not a /saml/acs/<IdP-ID> URL",
               location_of(response.node, "Destination"));
  }
  if (context.assertion == nullptr) return Outcome::Checked;
  for (const SubjectConfirmation& confirmation : context.assertion->confirmations) {
    if (!confirmation.has_recipient || is_provider_or_identity_center_acs(confirmation.recipient)) {
      continue;
    }
    report.add("the encrypted assertion's Recipient is '" + confirmation.recipient +
                   "', not a /saml/acs/<IdP-ID> URL",
               confirmation.where);
  }
  return Outcome::Checked;
}

Outcome check_identity_center_encryption(const CheckContext& context, RuleReport& report) {
  if (context.encryption == nullptr || context.response == nullptr) return Outcome::NotApplicable;
  const Response& response = *context.response;
  std::string target;
  if (response.has_destination && is_identity_center_acs_url(response.destination)) {
    target = "Destination " + response.destination;
  }
  if (target.empty() && context.assertion != nullptr) {
    for (const SubjectConfirmation& confirmation : context.assertion->confirmations) {
      if (is_identity_center_acs_url(confirmation.recipient)) target = "Recipient " + confirmation.recipient;
    }
  }
  if (!target.empty()) {
    report.add("an EncryptedAssertion is sent to IAM Identity Center (" + target +
                   "), which does not accept encrypted assertions",
               context.encryption->info.where);
  }
  return Outcome::Checked;
}

}  // namespace saml
