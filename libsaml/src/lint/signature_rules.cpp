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

bool verified_signature_on(const CheckContext& context, const xmlNode* node) {
  for (const SignatureReport& report : context.signatures.signatures) {
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
Outcome for_each_signing_key(const CheckContext& context, Visitor&& visit) {
  bool any = false;
  for (const SignatureReport& report : context.signatures.signatures) {
    if (report.status != SignatureStatus::Verified || !report.key_used) continue;
    any = true;
    visit(report);
  }
  return any ? Outcome::Checked : Outcome::NotApplicable;
}

}  // namespace

Outcome check_not_verified(const CheckContext& context, RuleReport& report) {
  if (!context.trust.empty()) return Outcome::Checked;
  const std::size_t count = context.signatures.signatures.size();
  report.add("no trusted key given (--cert, --fingerprint or --metadata): " +
                    std::to_string(count) + " signature(s) not verified, signed content not checked");
  return Outcome::Checked;
}

Outcome check_response_only_signed(const CheckContext& context, RuleReport& report) {
  const auto& assertion = context.assertion;
  if (!assertion || context.document == nullptr) return Outcome::NotApplicable;
  if (verified_signature_on(context, assertion->node)) return Outcome::Checked;
  report.add("the Assertion (ID \"" + assertion->id +
                                      "\") has no signature of its own; only the Response's "
                                      "signature covers it",
                                  assertion->where);
  return Outcome::Checked;
}

Outcome check_certificate_expired(const CheckContext& context, RuleReport& report) {
  return for_each_signing_key(context, [&](const SignatureReport& signature) {
    const auto& not_after = signature.key_used->not_after;
    if (!not_after || context.policy.cert_now < *not_after) return;
    report.add(key_name(signature) + " expired " +
                      format_exact_duration(context.policy.cert_now - *not_after) + " before the certificate time (notAfter " +
                      format_xs_datetime(*not_after) + ", certificates judged at " +
                      format_xs_datetime(context.policy.cert_now) + ")",
        signature.where);
  });
}

Outcome check_certificate_expiring(const CheckContext& context, RuleReport& report) {
  return for_each_signing_key(context, [&](const SignatureReport& signature) {
    const auto& not_after = signature.key_used->not_after;
    if (!not_after || context.policy.cert_now >= *not_after ||
        *not_after - context.policy.cert_now > kExpiryWarning) {
      return;
    }
    report.add(key_name(signature) + " expires in " +
                      format_exact_duration(*not_after - context.policy.cert_now) + " (notAfter " +
                      format_xs_datetime(*not_after) + ", certificates judged at " +
                      format_xs_datetime(context.policy.cert_now) + ")",
        signature.where);
  });
}

Outcome check_key_size(const CheckContext& context, RuleReport& report) {
  return for_each_signing_key(context, [&](const SignatureReport& signature) {
    const CertificateInfo& cert = *signature.key_used;
    if (cert.key_type != "RSA" || cert.key_bits >= kMinRsaBits) return;
    report.add(key_name(signature) + " is RSA-" + std::to_string(cert.key_bits) +
                                        "; use at least 2048 bits",
                                    signature.where);
  });
}

}  // namespace saml::lint
