// Orchestrates the signature stage: IDs, the profile for every ds:Signature, then the
// cryptography with trusted keys only.
#include <algorithm>
#include <string>

#include "dsig/diagnostics.h"
#include "dsig/id_index.h"
#include "dsig/profile.h"
#include "dsig/xmlsec_verify.h"
#include "saml/dsig.h"
#include "trust/certificate.h"
#include "trust/pinned_key.h"
#include "trust/trust_store_internal.h"
#include "saml/rules.h"

namespace saml {
namespace {

using detail::KeyFamily;
using detail::XmlsecOutcome;

// A trusted key to try; `certificate` points into the TrustStore or the SignatureReport,
// both alive while the signature is verified.
struct Candidate {
  std::shared_ptr<const detail::PinnedKey> key;
  const CertificateInfo* certificate;
};

// A KeyInfo certificate: a trusted one recognised by its text (no copy of its DER), or the
// DER decoded from the text.
struct MessageCertificate {
  const TrustedKey* trusted = nullptr;
  std::string decoded;

  std::string_view der() const { return trusted != nullptr ? std::string_view(trusted->der) : decoded; }
};

// A message certificate is this trusted key: the same certificate, or, for a key trusted
// as a bare public key, a certificate holding that public key.
bool holds_trusted_key(const CertificateInfo& cert, const TrustedKey& trusted) {
  if (trusted.public_key_only) return cert.public_key_fingerprint == trusted.certificate.public_key_fingerprint;
  return cert.fingerprint == trusted.certificate.fingerprint;
}

bool family_matches(KeyFamily family, int evp_type) {
  return (family == KeyFamily::Rsa && evp_type == EVP_PKEY_RSA) ||
         (family == KeyFamily::Ec && evp_type == EVP_PKEY_EC);
}

// Keys to try, best first: a trusted key whose certificate the message names, then a
// message certificate whose fingerprint is trusted, then every other trusted key of the
// right family (rollover). A message certificate is never trusted on its own.
std::vector<Candidate> candidate_keys(const TrustStore& trust, const SignatureReport& report,
                                      const std::vector<MessageCertificate>& keyinfo, KeyFamily family) {
  std::vector<Candidate> named;
  std::vector<Candidate> others;
  for (const TrustedKey& trusted : trust.keys()) {
    if (!family_matches(family, trusted.pinned->evp_type)) continue;
    const bool in_message = std::any_of(
        report.keyinfo_certificates.begin(), report.keyinfo_certificates.end(),
        [&](const CertificateInfo& cert) { return holds_trusted_key(cert, trusted); });
    (in_message ? named : others).push_back({trusted.pinned, &trusted.certificate});
  }
  for (std::size_t i = 0; i < keyinfo.size() && i < report.keyinfo_certificates.size(); ++i) {
    const CertificateInfo& info = report.keyinfo_certificates[i];
    const auto& pins = trust.fingerprints();
    if (std::find(pins.begin(), pins.end(), info.fingerprint) == pins.end()) continue;
    auto cert = detail::certificate_from_der(keyinfo[i].der());
    if (!cert) continue;
    auto pinned = detail::pin_public_key(X509_get0_pubkey(cert->get()));
    if (pinned && family_matches(family, (*pinned)->evp_type)) named.push_back({*pinned, &info});
  }
  named.insert(named.end(), others.begin(), others.end());
  return named;
}

std::string describe_keys(const std::vector<Candidate>& candidates) {
  std::string text;
  for (const Candidate& candidate : candidates) {
    if (!text.empty()) text += "; ";
    text += (candidate.certificate->subject.empty() ? std::string("(public key)")
                                                    : candidate.certificate->subject) +
            " SHA-256 " + format_fingerprint(candidate.certificate->fingerprint);
  }
  return text;
}

// Everything the message's KeyInfo names: certificates with fingerprints, then the rest.
std::string describe_named_keys(const SignatureReport& report, const xmlNode* signature) {
  std::string text;
  for (const CertificateInfo& cert : report.keyinfo_certificates) {
    text += (text.empty() ? "" : "; ") + cert.subject + " SHA-256 " + format_fingerprint(cert.fingerprint);
  }
  const std::string rest = detail::describe_key_info(signature);
  if (!rest.empty()) text += (text.empty() ? "" : "; ") + rest;
  return text.empty() ? "no key" : text;
}

// "<Assertion ID="...">", for findings only (built when one is made).
std::string signed_element_text(const SignatureReport& report) {
  return "<" + report.signed_element + " ID=\"" + report.signed_id + "\">";
}

std::string describe_untrusted(const SignatureReport& report) {
  std::string text;
  for (std::size_t i = 0; i < report.keyinfo_certificates.size(); ++i) {
    if (report.keyinfo_trusted[i]) continue;
    if (!text.empty()) text += "; ";
    text += report.keyinfo_certificates[i].subject + " SHA-256 " +
            format_fingerprint(report.keyinfo_certificates[i].fingerprint);
  }
  return text;
}

// Each KeyInfo certificate, in order; text that is not valid base64 is left out. A copy of
// a trusted certificate is recognised by its text, with no copy or decoding of it (decoding
// was a twentieth of a verification); other text is decoded and may still be a trusted
// certificate's DER.
std::vector<MessageCertificate> keyinfo_certificates(const TrustStore& trust,
                                                     const detail::SignatureShape& shape) {
  std::vector<MessageCertificate> certificates;
  certificates.reserve(shape.keyinfo_certificates.size());
  for (const xmlNode* element : shape.keyinfo_certificates) {
    if (const TrustedKey* trusted = detail::find_trusted_certificate_text(trust, element)) {
      certificates.push_back({trusted, {}});
    } else if (auto der = detail::der_from_base64_text(text_content(element))) {
      certificates.push_back({detail::find_trusted_certificate(trust, *der), std::move(*der)});
    }
  }
  return certificates;
}

// Where the verifier writes: the caller's DsigResult and the caller's findings.
struct VerifierOutput {
  std::vector<SignatureReport>& signatures;
  std::vector<const xmlNode*>& covered;
  std::vector<Finding>& findings;
};

class SignatureVerifier {
 public:
  SignatureVerifier(xmlDoc* doc, const TrustStore& trust, const DsigPolicy& policy,
                    VerifierOutput result)
      : doc_(doc), trust_(trust), policy_(policy), result_(result) {}

  void verify(const xmlNode* signature) {
    // Filled where it stays (a SignatureReport is a dozen strings: moving one costs); the
    // profile check writes the signed element, its ID, the algorithms and the URI into it.
    SignatureReport& report = result_.signatures.emplace_back();
    report.where = NodeRef{signature, {}};
    detail::SignatureShape shape;
    std::vector<Finding> problems = detail::check_signature_profile(doc_, signature, policy_, shape, report);
    const std::vector<MessageCertificate> certificates = keyinfo_certificates(trust_, shape);
    describe_message_certificates(certificates, report);
    const bool profile_holds = !has_errors(problems);
    append(problems);
    if (!profile_holds) {
      report.status = SignatureStatus::ProfileViolation;
    } else {
      verify_crypto(shape, certificates, report);
    }
    if (report.status == SignatureStatus::Verified) result_.covered.push_back(report.signed_node);
  }

 private:
  void append(std::vector<Finding>& findings) {
    for (Finding& finding : findings) result_.findings.push_back(std::move(finding));
  }

  void describe_message_certificates(const std::vector<MessageCertificate>& certificates, SignatureReport& report) {
    report.keyinfo_certificates.reserve(certificates.size());
    report.keyinfo_trusted.reserve(certificates.size());
    for (const MessageCertificate& certificate : certificates) {
      // A trusted certificate is described by the store: no X509 parse per message.
      if (const TrustedKey* known = certificate.trusted) {
        report.keyinfo_certificates.push_back(known->certificate);
      } else if (Expected<CertificateInfo> parsed = inspect_certificate_der(certificate.der())) {
        report.keyinfo_certificates.push_back(std::move(*parsed));
      } else {
        continue;
      }
      const CertificateInfo& info = report.keyinfo_certificates.back();
      const bool by_key = std::any_of(trust_.keys().begin(), trust_.keys().end(),
                                      [&](const TrustedKey& key) { return holds_trusted_key(info, key); });
      const auto& pins = trust_.fingerprints();
      const bool by_pin = std::find(pins.begin(), pins.end(), info.fingerprint) != pins.end();
      report.keyinfo_trusted.push_back(by_key || by_pin);
    }
  }

  void verify_crypto(const detail::SignatureShape& shape, const std::vector<MessageCertificate>& certificates,
                     SignatureReport& report) {
    const std::vector<Candidate> candidates =
        candidate_keys(trust_, report, certificates, shape.key_family);
    const std::string untrusted = describe_untrusted(report);
    if (!untrusted.empty()) {
      result_.findings.push_back(make_finding(
          RuleId::keyinfo_certificate_untrusted, "the signature on " + signed_element_text(report) + " carries certificate(s) matching no trusted key: " + untrusted,
          report.where));
    }
    if (candidates.empty()) {
      report.status = SignatureStatus::Untrusted;
      result_.findings.push_back(make_finding(
          RuleId::no_trusted_key, "no trusted " + std::string(shape.key_family == KeyFamily::Ec ? "EC" : "RSA") +
                        " key to verify the signature on " + signed_element_text(report) +
                        (untrusted.empty() ? std::string() : "; it names " + untrusted),
          report.where));
      return;
    }
    std::string failure;
    std::string length_hint;
    for (const Candidate& candidate : candidates) {
      XmlsecOutcome outcome = detail::verify_with_key(shape.signature, *candidate.key, policy_);
      report.canonical_reference = std::move(outcome.canonical_reference);
      report.canonical_signed_info = std::move(outcome.canonical_signed_info);
      switch (outcome.kind) {
        case XmlsecOutcome::Kind::Valid:
          report.status = SignatureStatus::Verified;
          report.key_used = *candidate.certificate;
          return;
        case XmlsecOutcome::Kind::DigestMismatch: {
          // Digests do not depend on the key: the content changed after signing.
          report.status = SignatureStatus::Invalid;
          const std::string hints = detail::digest_failure_hints(report.signed_node, shape.signature, report.digest_method);
          result_.findings.push_back(make_finding(
              RuleId::signature_invalid, "digest of Reference '" + outcome.detail + "' does not match: " + signed_element_text(report) +
                            " was changed after it was signed" +
                            (hints.empty() ? std::string(" (edited, re-indented or re-encoded)") : "; " + hints),
              report.where));
          return;
        }
        case XmlsecOutcome::Kind::BadSignature:
          if (length_hint.empty()) length_hint = detail::signature_length_hint(shape.signature, *candidate.key);
          break;
        case XmlsecOutcome::Kind::Failed: failure = outcome.detail; break;
      }
    }
    report.status = untrusted.empty() ? SignatureStatus::Invalid : SignatureStatus::Untrusted;
    if (!failure.empty()) {
      result_.findings.push_back(make_finding(
          RuleId::signature_invalid, "the signature on " + signed_element_text(report) + " could not be processed: " + failure, report.where));
    } else if (!untrusted.empty()) {
      result_.findings.push_back(make_finding(
          RuleId::no_trusted_key, "the signature on " + signed_element_text(report) + " was made by a key that is not trusted (the message names " +
                        untrusted + "); trusted keys tried: " + describe_keys(candidates),
          report.where));
    } else {
      result_.findings.push_back(make_finding(
          RuleId::signature_invalid, "the signature value on " + signed_element_text(report) + " does not verify with the trusted key(s) tried: " +
                        describe_keys(candidates) + "; the message names " +
                        describe_named_keys(report, shape.signature) + length_hint,
          report.where));
    }
  }

  xmlDoc* doc_;
  const TrustStore& trust_;
  const DsigPolicy& policy_;
  VerifierOutput result_;
};

}  // namespace

const char* signature_status_name(SignatureStatus status) {
  switch (status) {
    case SignatureStatus::Verified: return "verified";
    case SignatureStatus::ProfileViolation: return "profile-violation";
    case SignatureStatus::Untrusted: return "untrusted";
    case SignatureStatus::Invalid: return "invalid";
  }
  return "invalid";
}

bool DsigResult::covers(const xmlNode* element) const {
  for (const xmlNode* node = element; node != nullptr; node = node->parent) {
    if (std::find(covered.begin(), covered.end(), node) != covered.end()) return true;
  }
  return false;
}

DsigResult verify_signatures(Document& doc, const TrustStore& trust, const DsigPolicy& policy,
                             std::vector<Finding>& findings) {
  DsigResult result;
  const detail::DocumentIndex index = detail::index_saml_ids(doc.get());
  findings.insert(findings.end(), index.duplicate_ids.begin(), index.duplicate_ids.end());
  SignatureVerifier verifier(doc.get(), trust, policy, {result.signatures, result.covered, findings});
  for (const xmlNode* signature : index.signatures) verifier.verify(signature);
  return result;
}

}  // namespace saml
