// SIG014: the signing certificate's dates, judged by certificate_validity (one definition
// for decode, verify and lint).
#include <string>

#include "saml/checks.h"
#include "saml/rules.h"
#include "time/duration_text.h"

namespace saml {

void check_signing_certificate_dates(const DsigResult& signatures, const Policy& policy,
                                     std::vector<Finding>& findings) {
  for (const SignatureReport& report : signatures.signatures) {
    if (report.status != SignatureStatus::Verified || !report.key_used) continue;
    const CertificateInfo& cert = *report.key_used;
    // Judged at the certificate clock (--cert-now, default the clock), not at the message's
    // --now. Only expiry is reported: a certificate "not yet valid" is usually one the IdP
    // re-issued for the same key after the message was signed (a capture replayed at its
    // own time), and AWS ignores the dates either way.
    if (certificate_validity(cert, policy.cert_now) != CertificateValidity::Expired) continue;
    findings.push_back(make_finding(RuleId::certificate_expired,
                                    "certificate " + cert.subject + " of the key that verified the signature on the " +
                                        report.signed_element + " expired " +
                                        format_exact_duration(policy.cert_now - *cert.not_after) +
                                        " before the certificate time (notAfter " + format_xs_datetime(*cert.not_after) +
                                        ", certificates judged at " + format_xs_datetime(policy.cert_now) +
                                        "); AWS verifies with the key and does not reject on the certificate's dates",
                                    report.where));
  }
}

}  // namespace saml
