// SIG012..SIG016: trust given at all, Response-only signing, the signing certificate's dates
// and key size. They read the reports of verified signatures only.
#include <chrono>
#include <string>

#include "checks/duration_text.h"
#include "lint/lint_rules.h"

namespace saml::lint {
namespace {

constexpr std::chrono::hours kExpiryWarning{24 * 30};
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
      "SIG012", "no trusted key given (--cert, --fingerprint or --metadata): " +
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

Outcome check_certificate_expired(const Context& context, std::vector<Finding>& findings) {
  return for_each_signing_key(context, [&](const SignatureReport& report) {
    const auto& not_after = report.key_used->not_after;
    if (!not_after || context.policy.cert_now < *not_after) return;
    findings.push_back(make_finding(
        "SIG014", key_name(report) + " expired " +
                      format_exact_duration(context.policy.cert_now - *not_after) + " before the certificate time (notAfter " +
                      format_xs_datetime(*not_after) + ", certificates judged at " +
                      format_xs_datetime(context.policy.cert_now) + ")",
        report.where));
  });
}

Outcome check_certificate_expiring(const Context& context, std::vector<Finding>& findings) {
  return for_each_signing_key(context, [&](const SignatureReport& report) {
    const auto& not_after = report.key_used->not_after;
    if (!not_after || context.policy.cert_now >= *not_after ||
        *not_after - context.policy.cert_now > kExpiryWarning) {
      return;
    }
    findings.push_back(make_finding(
        "SIG015", key_name(report) + " expires in " +
                      format_exact_duration(*not_after - context.policy.cert_now) + " (notAfter " +
                      format_xs_datetime(*not_after) + ", certificates judged at " +
                      format_xs_datetime(context.policy.cert_now) + ")",
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

}  // namespace saml::lint
