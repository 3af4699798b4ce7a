// SIG012, SIG013, SIG015, SIG016, SIG020: trust given at all, Response-only signing, the
// signing certificate's coming expiry and key size, inclusive canonicalization. (SIG014,
// a certificate outside its dates, is reported by verify: checks/certificate_checks.cpp.)
#include <chrono>
#include <string>

#include "checks/duration_text.h"
#include "dsig/algorithms.h"
#include "lint/lint_rules.h"

namespace saml::lint {
namespace {

constexpr int kMinRsaBits = 2048;

bool verified_signature_on(const Context& context, const xmlNode* node) {
  for (const SignatureReport& report : context.verdict.signatures.signatures) {
    if (report.signed_node == node && report.status == SignatureStatus::Verified) return true;
  }
  return false;
}

std::string key_name(const SignatureReport& report) {
  const CertificateInfo& cert = *report.key_used;
  return (cert.subject.empty() ? "key " + format_fingerprint(cert.fingerprint)
                               : "certificate " + cert.subject) +
         " (signature on the " + report.signed_element + ")";
}

// Calls `visit` for each verified signature's key; NotApplicable when there is none.
template <class Visitor>
Outcome for_each_signing_key(const Context& context, Visitor&& visit) {
  bool any = false;
  for (const SignatureReport& report : context.verdict.signatures.signatures) {
    if (report.status != SignatureStatus::Verified || !report.key_used) continue;
    any = true;
    visit(report);
  }
  return any ? Outcome::Checked : Outcome::NotApplicable;
}

}  // namespace

Outcome check_not_verified(const Context& context, std::vector<Finding>& findings) {
  if (!context.trust.empty()) return Outcome::Checked;
  const std::size_t count = context.verdict.signatures.signatures.size();
  findings.push_back(make_finding(
      "SIG012", "no trusted key given (--cert, --pubkey, --fingerprint or --metadata): " +
                    std::to_string(count) + " signature(s) not verified, signed content not checked"));
  return Outcome::Checked;
}

Outcome check_response_only_signed(const Context& context, std::vector<Finding>& findings) {
  const auto& assertion = context.verdict.assertion;
  if (!assertion || context.verdict.document == nullptr) return Outcome::NotApplicable;
  if (verified_signature_on(context, assertion->node)) return Outcome::Checked;
  findings.push_back(make_finding("SIG013",
                                  "the Assertion (ID \"" + assertion->id +
                                      "\") has no signature of its own; only the Response's "
                                      "signature covers it",
                                  assertion->where));
  return Outcome::Checked;
}

Outcome check_certificate_expiring(const Context& context, std::vector<Finding>& findings) {
  return for_each_signing_key(context, [&](const SignatureReport& report) {
    if (certificate_validity(*report.key_used, context.policy.now) != CertificateValidity::ExpiringSoon) return;
    const auto& not_after = report.key_used->not_after;
    findings.push_back(make_finding(
        "SIG015", key_name(report) + " expires in " +
                      format_exact_duration(*not_after - context.policy.now) + " (notAfter " +
                      format_xs_datetime(*not_after) + ", now " +
                      format_xs_datetime(context.policy.now) + ")",
        report.where));
  });
}

Outcome check_key_size(const Context& context, std::vector<Finding>& findings) {
  return for_each_signing_key(context, [&](const SignatureReport& report) {
    const CertificateInfo& cert = *report.key_used;
    if (cert.key_type != "RSA" || cert.key_bits >= kMinRsaBits) return;
    findings.push_back(make_finding("SIG016",
                                    key_name(report) + " is RSA-" + std::to_string(cert.key_bits) +
                                        "; use at least 2048 bits",
                                    report.where));
  });
}

// Every signature in the message, trusted or not: the canonicalization is the IdP's setting.
Outcome check_inclusive_c14n(const Context& context, std::vector<Finding>& findings) {
  const auto& signatures = context.verdict.signatures.signatures;
  for (const SignatureReport& report : signatures) {
    std::string uses;
    if (detail::is_inclusive_c14n(report.c14n_method)) uses = "SignedInfo canonicalization " + report.c14n_method;
    if (detail::is_inclusive_c14n(report.reference_c14n_method)) {
      uses += (uses.empty() ? "" : " and ") + std::string("Reference transform ") + report.reference_c14n_method;
    }
    if (uses.empty()) continue;
    findings.push_back(make_finding("SIG020",
                                    "the signature on the " + report.signed_element + " (ID \"" +
                                        report.signed_id + "\") uses inclusive c14n: " + uses,
                                    report.where));
  }
  return signatures.empty() ? Outcome::NotApplicable : Outcome::Checked;
}

}  // namespace saml::lint
