// SIG012, SIG013, SIG015, SIG016, SIG020: trust given at all, Response-only signing, the
// signing certificate's coming expiry and key size, inclusive canonicalization. (SIG014,
// a certificate outside its dates, is reported by verify: checks/certificate_checks.cpp.)
#include <chrono>
#include <string>

#include "dsig/algorithms.h"
#include "lint/lint_rules.h"
#include "time/duration_text.h"

namespace saml::lint {
namespace {

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
  report.add("no trusted key given (--cert, --pubkey, --fingerprint or --metadata): " +
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

Outcome check_certificate_expiring(const CheckContext& context, RuleReport& report) {
  return for_each_signing_key(context, [&](const SignatureReport& signature) {
    if (certificate_validity(*signature.key_used, context.policy.cert_now) != CertificateValidity::ExpiringSoon) {
      return;
    }
    const auto& not_after = signature.key_used->not_after;
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

// Every signature in the message, trusted or not: the canonicalization is the IdP's setting.
Outcome check_inclusive_c14n(const CheckContext& context, RuleReport& report) {
  const auto& signatures = context.signatures.signatures;
  for (const SignatureReport& signature : signatures) {
    std::string uses;
    if (detail::is_inclusive_c14n(signature.c14n_method)) uses = "SignedInfo canonicalization " + signature.c14n_method;
    if (detail::is_inclusive_c14n(signature.reference_c14n_method)) {
      uses += (uses.empty() ? "" : " and ") + std::string("Reference transform ") + signature.reference_c14n_method;
    }
    if (uses.empty()) continue;
    report.add("the signature on the " + signature.signed_element + " (ID \"" + signature.signed_id +
                   "\") uses inclusive c14n: " + uses,
               signature.where);
  }
  return signatures.empty() ? Outcome::NotApplicable : Outcome::Checked;
}

}  // namespace saml::lint
