// MET008, MET009: a response against the --metadata documents (Issuer = entityID, signing
// key among the metadata's signing certificates). They read verified values only.
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

Outcome check_issuer_in_metadata(const Context& context, std::vector<Finding>& findings) {
  const auto& metadata = context.options.metadata;
  const auto& assertion = context.verdict.assertion;
  if (metadata.empty() || !assertion || !assertion->has_issuer) return Outcome::NotApplicable;
  std::string entity_ids;
  for (const IdpMetadata& document : metadata) {
    for (const std::string& id : document.entity_ids) {
      if (id == assertion->issuer) return Outcome::Checked;
      entity_ids += (entity_ids.empty() ? "\"" : ", \"") + id + "\"";
    }
  }
  findings.push_back(make_finding("MET008",
                                  "Issuer \"" + assertion->issuer + "\" is not the entityID of " +
                                      metadata_sources(metadata) + " (" +
                                      (entity_ids.empty() ? "none" : entity_ids) + ")",
                                  assertion->where));
  return Outcome::Checked;
}

Outcome check_key_in_metadata(const Context& context, std::vector<Finding>& findings) {
  const auto& metadata = context.options.metadata;
  if (metadata.empty()) return Outcome::NotApplicable;
  bool any = false;
  for (const SignatureReport& report : context.verdict.signatures.signatures) {
    if (report.status != SignatureStatus::Verified || !report.key_used) continue;
    any = true;
    const CertificateInfo& cert = *report.key_used;
    if (in_metadata(metadata, cert.fingerprint)) continue;
    findings.push_back(make_finding(
        "MET009", "the " + (cert.subject.empty() ? std::string("key") : "certificate " + cert.subject) +
                      " (SHA-256 " + format_fingerprint(cert.fingerprint) +
                      ") that verified the signature on the " + report.signed_element +
                      " is not a signing certificate of " + metadata_sources(metadata),
        report.where));
  }
  return any ? Outcome::Checked : Outcome::NotApplicable;
}

}  // namespace saml::lint
