// MET009: the key that verified a response is a signing certificate of the --metadata
// documents. It reads verified values only.
#include <algorithm>
#include <string>

#include "lint/lint_rules.h"

namespace saml::lint {
namespace {

std::string metadata_sources(const std::vector<IdpMetadata>& metadata) {
  std::string text;
  for (const IdpMetadata& document : metadata) {
    text += (text.empty() ? "" : ", ") + document.source;
  }
  return text;
}

bool in_metadata(const std::vector<IdpMetadata>& metadata, const Sha256& fingerprint) {
  return std::any_of(metadata.begin(), metadata.end(), [&](const IdpMetadata& document) {
    const auto& certs = document.signing_certificates;
    return std::find(certs.begin(), certs.end(), fingerprint) != certs.end();
  });
}

}  // namespace

Outcome check_key_in_metadata(const CheckContext& context, RuleReport& report) {
  if (context.lint == nullptr || context.lint->metadata.empty()) return Outcome::NotApplicable;
  const auto& metadata = context.lint->metadata;
  bool any = false;
  for (const SignatureReport& signature : context.signatures.signatures) {
    if (signature.status != SignatureStatus::Verified || !signature.key_used) continue;
    any = true;
    const CertificateInfo& cert = *signature.key_used;
    if (in_metadata(metadata, cert.fingerprint)) continue;
    report.add("the " + (cert.subject.empty() ? std::string("key") : "certificate " + cert.subject) +
                      " (SHA-256 " + format_fingerprint(cert.fingerprint) +
                      ") that verified the signature on the " + signature.signed_element +
                      " is not a signing certificate of " + metadata_sources(metadata),
        signature.where);
  }
  return any ? Outcome::Checked : Outcome::NotApplicable;
}

}  // namespace saml::lint
