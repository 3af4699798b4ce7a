#include "pipeline/encrypted.h"

#include <string>

#include "pipeline/structure.h"
#include "saml/xmlenc.h"
#include "saml/rules.h"

namespace saml {
namespace {

// Appends a DsigResult of the decrypted document to the verdict's.
void merge_signatures(DsigResult inner, Verdict& verdict) {
  DsigResult& outer = verdict.signatures;
  verdict.findings.insert(verdict.findings.end(), inner.findings.begin(), inner.findings.end());
  outer.findings.insert(outer.findings.end(), inner.findings.begin(), inner.findings.end());
  outer.signatures.insert(outer.signatures.end(), inner.signatures.begin(), inner.signatures.end());
  outer.covered.insert(outer.covered.end(), inner.covered.begin(), inner.covered.end());
}

// The messages of findings[from...], as one reason.
std::string messages_since(const std::vector<Finding>& findings, std::size_t from) {
  std::string text;
  for (std::size_t i = from; i < findings.size(); ++i) {
    text += (text.empty() ? "" : "; ") + findings[i].message;
  }
  return text;
}

}  // namespace

OpenedEncryption decrypt_encrypted_assertion(const xmlNode* encrypted, const Policy& policy,
                                             std::vector<Finding>& findings) {
  OpenedEncryption opened;
  EncryptionReport& report = opened.report;
  const std::size_t before = findings.size();
  auto info = inspect_encrypted_assertion(encrypted);
  if (!info) {
    findings.push_back(make_finding(RuleId::decryption_failed, info.error().message, info.error().where));
    report.failure = messages_since(findings, before);
    return opened;
  }
  opened.readable = true;
  report.info = *info;
  if (!policy.decryption_keys || policy.decryption_keys->empty()) {
    findings.push_back(make_finding(RuleId::encrypted_no_key,
                                    "the Assertion is encrypted and no decryption key was given "
                                    "(--decrypt-key); it needs " + describe_needed_key(*info),
                                    info->where));
    report.failure = messages_since(findings, before);
    return opened;
  }
  report.attempted = true;
  const DecryptionPolicy decryption{policy.allow_rsa15, policy.parse_limits};
  auto decrypted = decrypt_assertion(encrypted, *info, *policy.decryption_keys, decryption, findings);
  if (!decrypted) {
    report.failure = messages_since(findings, before);
    return opened;
  }
  report.decrypted = true;
  report.key_source = decrypted->key_source;
  report.key_description = decrypted->key_description;
  report.key_fingerprint = decrypted->key_fingerprint;
  report.key_index = decrypted->key_index;
  report.key_transport = decrypted->key_transport;
  opened.decrypted = decrypted->document;
  return opened;
}

const xmlNode* open_encrypted_assertion(const xmlNode* encrypted, const TrustStore& trust,
                                        const Policy& policy, const DsigPolicy& dsig_policy,
                                        Verdict& verdict) {
  std::vector<Finding>& findings = verdict.findings;
  OpenedEncryption opened = decrypt_encrypted_assertion(encrypted, policy, findings);
  if (opened.readable) verdict.encryption = opened.report;
  if (!opened.decrypted) return nullptr;
  verdict.decrypted_document = opened.decrypted;

  const xmlNode* assertion = check_decrypted_assertion(*opened.decrypted, findings);
  if (assertion == nullptr) return nullptr;
  const bool response_covers_ciphertext = verdict.signatures.covers(encrypted);
  merge_signatures(verify_signatures(*opened.decrypted, trust, dsig_policy), verdict);
  // The Response signature covers the EncryptedAssertion: what it decrypts to is covered.
  if (response_covers_ciphertext) verdict.signatures.covered.push_back(assertion);
  return assertion;
}

}  // namespace saml
