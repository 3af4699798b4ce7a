// verdict_to_text: a compact summary for people. Accepted: the verified identity, roles,
// validity window and signatures. Rejected: every finding with its location and fix.
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "checks/time_window.h"
#include "report/finding_report.h"
#include "saml/report.h"
#include "saml/rules.h"
#include "time/duration_text.h"
#include "report/painter.h"
#include "util/printable.h"

namespace saml {
namespace {

using util::Painter;
using util::terminal_safe;

void append_finding(std::string& out, const Finding& finding, Profile profile, const Painter& paint) {
  out += detail::finding_text(finding, profile, paint, "");
}

// The short name of an algorithm URI: the part after '#'.
std::string algorithm_name(const std::string& uri) {
  const auto hash = uri.rfind('#');
  return hash == std::string::npos ? uri : uri.substr(hash + 1);
}

std::string pad(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

void append_roles(std::string& out, const AwsView& aws) {
  struct Row { std::string account, role, provider; };
  std::vector<Row> rows{{"ACCOUNT", "ROLE", "PROVIDER"}};
  for (const RolePair& pair : aws.roles) {
    std::string provider = pair.provider.name;
    if (pair.provider.account != pair.role.account) provider += " (account " + pair.provider.account + ")";
    rows.push_back({terminal_safe(pair.role.account), terminal_safe(pair.role.path + pair.role.name),
                    terminal_safe(provider)});
  }
  std::size_t account_width = 0;
  std::size_t role_width = 0;
  for (const Row& row : rows) {
    account_width = std::max(account_width, row.account.size());
    role_width = std::max(role_width, row.role.size());
  }
  out += "  roles:\n";
  for (const Row& row : rows) {
    out += "    " + pad(row.account, account_width + 2) + pad(row.role, role_width + 2) +
           row.provider + "\n";
  }
}

// The earliest NotOnOrAfter of the conditions, the confirmations and the sessions.
// Which time judged what: the message's conditions at `now`, certificates at `cert_now`.
std::string times_text(const Policy& policy) {
  return "  judged at:     conditions " + format_xs_datetime(policy.now) + " (" +
         time_source_name(policy.now_source) + "), certificates " +
         format_xs_datetime(policy.cert_now) + " (" + time_source_name(policy.cert_now_source) +
         ")\n";
}

std::string skew_text(const Policy& policy) {
  return policy.skew.count() == 0 ? "" : " + skew " + std::to_string(policy.skew.count()) + " s";
}

void append_accepted(std::string& out, const Verdict& verdict, const Policy& policy,
                     const Painter& paint) {
  const Assertion& assertion = *verdict.assertion;
  out += "  issuer:        " + terminal_safe(assertion.issuer) + "\n";
  out += "  NameID:        " + terminal_safe(assertion.name_id) + "\n";
  // The IAM federation view means something only where AssumeRoleWithSAML reads it.
  if (verdict.aws && verdict.profile == Profile::Aws) {
    const AwsView& aws = *verdict.aws;
    out += "  session name:  " + terminal_safe(aws.role_session_name.value_or("(none)")) + "\n";
    out += "  duration:      " + session_duration_text(aws.session_duration) + "\n";
    append_roles(out, aws);
  }
  if (const Instant* deadline = time_window(assertion).closes) {
    const TimePoint until = *deadline->value + policy.skew;
    out += "  valid:         for another " + format_exact_duration(until - policy.now) +
           " (until " + terminal_safe(deadline->text) + skew_text(policy) + ")\n";
  }
  for (const SignatureReport& report : verdict.signatures.signatures) {
    std::string line = "  signed:        " + report.signed_element + " (ID " +
                       terminal_safe(report.signed_id) + ") " + signature_status_name(report.status);
    if (report.status == SignatureStatus::Verified) {
      line += ", " + algorithm_name(report.signature_method) + " / " +
              algorithm_name(report.digest_method);
    }
    if (report.key_used) {
      const CertificateValidity validity = certificate_validity(*report.key_used, policy.cert_now);
      std::string subject = report.key_used->subject;
      if (subject.empty()) {
        subject = validity == CertificateValidity::Undated ? "(public key)" : "(trusted by fingerprint)";
      }
      line += ", key " + terminal_safe(subject) + " SHA-256 " + format_fingerprint(report.key_used->fingerprint);
      // The same states saml-decode shows; neither changes the verdict (SIG014).
      if (validity == CertificateValidity::NotYetValid) line += " (certificate not yet valid)";
      if (validity == CertificateValidity::Expired) line += " (certificate expired)";
    }
    out += line + "\n";
  }
  // An accepted verdict has no errors; list its warnings and notes.
  if (!verdict.findings.empty()) {
    const bool warnings = std::any_of(verdict.findings.begin(), verdict.findings.end(),
                                      [](const Finding& f) { return f.severity == Severity::Warning; });
    out += paint.yellow(warnings ? "warnings:" : "notes:") + "\n";
    for (const Finding& finding : verdict.findings) append_finding(out, finding, verdict.profile, paint);
  }
}

// Which key decrypted the EncryptedAssertion, and with what (nothing for a plaintext one;
// a failure is a finding of its own).
void append_decryption(std::string& out, const Verdict& verdict) {
  if (!verdict.encryption || !verdict.encryption->decrypted) return;
  const EncryptionReport& encryption = *verdict.encryption;
  out += "  decrypted:     with " + decryption_key_text(encryption) + "; " +
         algorithm_short_name(encryption.key.transport) + " / " +
         algorithm_short_name(encryption.info.data_algorithm) + "\n";
}

bool only_time_errors(const std::vector<Finding>& findings) {
  bool any = false;
  for (const Finding& finding : findings) {
    if (finding.severity != Severity::Error) continue;
    if (!finding.is(RuleId::not_yet_valid) && !finding.is(RuleId::expired) &&
        !finding.is(RuleId::session_expired) && !finding.is(RuleId::confirmation_expired) &&
        !finding.is(RuleId::confirmation_not_yet_valid) && !finding.is(RuleId::issued_too_long_ago)) {
      return false;
    }
    any = true;
  }
  return any;
}

void append_time_hint(std::string& out, const Capture& capture, const Verdict& verdict,
                      const Policy& policy) {
  if (!verdict.assertion || !only_time_errors(verdict.findings)) return;
  const Assertion& assertion = *verdict.assertion;
  std::string when;
  const TimeWindow window = time_window(assertion);
  const Instant* deadline = window.closes;
  if (deadline != nullptr && policy.now >= *deadline->value + policy.skew) {
    when = "the validity window closed " +
           format_exact_duration(policy.now - (*deadline->value + policy.skew)) + " ago (" +
           deadline->text + skew_text(policy) + ")";
  } else {
    const Instant* opens = window.opens;
    when = "the validity window opens only in " +
           (opens != nullptr ? format_exact_duration(*opens->value - (policy.now + policy.skew)) + " (" +
                                   opens->text + skew_text(policy) + ")"
                             : std::string("the future"));
  }
  out += "hint: only time checks failed; " + when + ".\n";
  const Instant& issued = assertion.issue_instant.value ? assertion.issue_instant
                                                        : verdict.response->issue_instant;
  if (capture.captured_at && policy.now_source != TimeSource::Capture) {
    out += "      The capture records when it was made: run again with --now " +
           format_xs_datetime(*capture.captured_at) + " to evaluate it at that moment.\n";
  } else if (issued.value) {
    out += "      To evaluate the response at capture time, run again with --now " + issued.text +
           " (its IssueInstant).\n";
  }
}

}  // namespace

std::string verdict_to_text(const Capture& capture, const Verdict& verdict, const Policy& policy,
                            const TextStyle& style, std::string_view aws_refusal) {
  const Painter paint(style.color);
  std::string out;
  std::string input = "  input:         " + terminal_safe(describe_origin(capture)) + "\n";
  for (const std::string& note : capture.notes) input += "  note:          " + terminal_safe(note) + "\n";
  input += times_text(policy);
  input += "  profile:       " + std::string(profile_name(verdict.profile)) + " (" +
           terminal_safe(verdict.profile_reason) + ")\n";
  if (verdict.accepted && verdict.assertion) {
    out += (aws_refusal.empty() ? paint.green("ACCEPTED")
                                : paint.red("REFUSED BY AWS") + ": the SAML checks pass, but " +
                                      std::string(aws_refusal)) +
           "\n" + input;
    append_decryption(out, verdict);
    append_accepted(out, verdict, policy, paint);
    return out;
  }
  const std::size_t errors = static_cast<std::size_t>(std::count_if(
      verdict.findings.begin(), verdict.findings.end(),
      [](const Finding& f) { return f.severity == Severity::Error; }));
  const std::size_t total = verdict.findings.size();
  out += paint.red("REJECTED: " + std::to_string(total) + (total == 1 ? " problem" : " problems"));
  if (errors != total) out += " (" + std::to_string(errors) + (errors == 1 ? " error)" : " errors)");
  out += "\n" + input;
  append_decryption(out, verdict);
  for (const Finding& finding : verdict.findings) append_finding(out, finding, verdict.profile, paint);
  append_time_hint(out, capture, verdict, policy);
  return out;
}

}  // namespace saml
