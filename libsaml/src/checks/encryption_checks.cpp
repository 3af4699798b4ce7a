// Lint checks on encrypted assertions: SIG017 (when not already decided by decryption),
// SIG018, SUB007, AWS027.
#include <string>

#include "saml/checks.h"
#include "saml/policy.h"
#include "saml/xmlenc.h"

namespace saml {
namespace {

constexpr std::string_view kHttps = "https://";
constexpr std::string_view kSigninAwsSuffix = ".signin.aws";
constexpr std::string_view kIdentityCenterPath = "/platform/saml/";
constexpr std::string_view kPortalPrefix = "portal.sso.";
constexpr std::string_view kPortalSuffix = ".amazonaws.com";
constexpr std::string_view kPortalPath = "/saml/assertion/";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool is_cbc(std::string_view algorithm) {
  return algorithm == xenc_alg::aes128_cbc || algorithm == xenc_alg::aes192_cbc ||
         algorithm == xenc_alg::aes256_cbc;
}

void check_rsa15(const EncryptionReport& encryption, std::vector<Finding>& findings) {
  if (encryption.attempted) return;  // decrypt_assertion reported it
  for (const KeyTransportInfo& key : encryption.info.keys) {
    if (key.algorithm != xenc_alg::rsa_1_5) continue;
    findings.push_back(make_finding("SIG017", "the assertion key is wrapped with RSA-1.5 (xmlenc#rsa-1_5)",
                                    key.where));
  }
}

void check_cbc(const EncryptionReport& encryption, std::vector<Finding>& findings) {
  if (!is_cbc(encryption.info.data_algorithm)) return;
  findings.push_back(make_finding("SIG018",
                                  "the assertion is encrypted with " +
                                      algorithm_short_name(encryption.info.data_algorithm) +
                                      "; AES-GCM would authenticate the ciphertext",
                                  encryption.info.where));
}

void check_acs_form(const Response& response, const Assertion* assertion, std::vector<Finding>& findings) {
  if (response.has_destination && !is_aws_provider_acs_url(response.destination) &&
      !is_identity_center_acs_url(response.destination)) {
    findings.push_back(make_finding("SUB007",
                                    "the Response with an encrypted assertion has Destination '" +
                                        response.destination + "', not a /saml/acs/<IdP-ID> URL",
                                    location_of(response.node, "Destination")));
  }
  if (assertion == nullptr) return;
  for (const SubjectConfirmation& confirmation : assertion->confirmations) {
    if (!confirmation.has_recipient || is_aws_provider_acs_url(confirmation.recipient) ||
        is_identity_center_acs_url(confirmation.recipient)) {
      continue;
    }
    findings.push_back(make_finding("SUB007",
                                    "the encrypted assertion's Recipient is '" + confirmation.recipient +
                                        "', not a /saml/acs/<IdP-ID> URL",
                                    confirmation.where));
  }
}

void check_identity_center(const Response& response, const Assertion* assertion,
                           const EncryptionReport& encryption, std::vector<Finding>& findings) {
  std::string target;
  if (response.has_destination && is_identity_center_acs_url(response.destination)) {
    target = "Destination " + response.destination;
  }
  if (target.empty() && assertion != nullptr) {
    for (const SubjectConfirmation& confirmation : assertion->confirmations) {
      if (is_identity_center_acs_url(confirmation.recipient)) target = "Recipient " + confirmation.recipient;
    }
  }
  if (target.empty()) return;
  findings.push_back(make_finding("AWS027",
                                  "an EncryptedAssertion is sent to IAM Identity Center (" + target +
                                      "), which does not accept encrypted assertions",
                                  encryption.info.where));
}

}  // namespace

bool is_identity_center_acs_url(std::string_view url) {
  if (!starts_with(url, kHttps)) return false;
  url.remove_prefix(kHttps.size());
  const std::size_t slash = url.find('/');
  if (slash == std::string_view::npos) return false;
  const std::string_view host = url.substr(0, slash);
  const std::string_view path = url.substr(slash);
  if (ends_with(host, kSigninAwsSuffix) && host.size() > kSigninAwsSuffix.size()) {
    return starts_with(path, kIdentityCenterPath) && path.size() > kIdentityCenterPath.size();
  }
  if (starts_with(host, kPortalPrefix) && ends_with(host, kPortalSuffix) &&
      host.size() > kPortalPrefix.size() + kPortalSuffix.size()) {
    return starts_with(path, kPortalPath) && path.size() > kPortalPath.size();
  }
  return false;
}

void check_encryption(const EncryptionReport& encryption, const Response& response,
                      const Assertion* assertion, std::vector<Finding>& findings) {
  check_rsa15(encryption, findings);
  check_cbc(encryption, findings);
  check_acs_form(response, assertion, findings);
  check_identity_center(response, assertion, encryption, findings);
}

}  // namespace saml
