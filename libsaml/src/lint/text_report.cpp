// lint_to_text: findings grouped by input, each with its location, message and fix, and a
// one-line summary at the end.
#include <string>

#include "lint/report_common.h"
#include "saml/lint.h"

namespace saml {
namespace {

std::string paint(bool color, const char* code, const std::string& text) {
  return color ? "\x1b[" + std::string(code) + "m" + text + "\x1b[0m" : text;
}

std::string severity_text(Severity severity, bool color) {
  const std::string name = severity_name(severity);
  switch (severity) {
    case Severity::Error: return paint(color, "31;1", name);
    case Severity::Warning: return paint(color, "33", name);
    case Severity::Info: return paint(color, "36", name);
  }
  return name;
}

std::string location_text(const Location& where) {
  std::string text;
  if (where.line > 0) text += "line " + std::to_string(where.line);
  if (!where.element.empty()) {
    text += (text.empty() ? "" : ", ") + where.element;
    if (!where.attribute.empty()) text += "@" + where.attribute;
  }
  return text.empty() ? text : " at " + text;
}

std::string plural(std::size_t count, const char* word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

void append_entry(std::string& out, const LintEntry& entry, const LintReportOptions& options) {
  const std::string label = lint::source_label(entry);
  if (!entry.result) {
    out += paint(options.color, "1", label) + ": " + severity_text(Severity::Error, options.color) +
           ": cannot lint: " + (entry.error ? entry.error->message : "unreadable") + "\n";
    return;
  }
  const LintResult& result = *entry.result;
  out += paint(options.color, "1", label) + " (profile " + profile_name(result.profile) + ", " +
         result.profile_reason + ")\n";
  if (result.encryption && result.encryption->decrypted) {
    out += "  decrypted with " + decryption_key_text(*result.encryption) + "\n";
  }
  if (result.findings.empty()) out += "  no findings\n";
  for (const Finding& finding : result.findings) {
    out += "  [" + paint(options.color, "1", finding.rule_id) + "] " +
           severity_text(finding.severity, options.color) + location_text(finding.where) + ": " +
           finding.message + "\n";
    if (const Rule* rule = find_rule(finding.rule_id)) out += "    fix: " + std::string(rule->fix) + "\n";
  }
}

}  // namespace

std::string lint_to_text(const std::vector<LintEntry>& entries, const LintReportOptions& options) {
  std::string out;
  for (const LintEntry& entry : entries) append_entry(out, entry, options);
  const lint::Totals totals = lint::count_totals(entries, options.config);
  out += "summary: " + plural(totals.messages, "message") + " linted, " +
         plural(totals.errors, "error") + ", " + plural(totals.warnings, "warning") + ", " +
         std::to_string(totals.infos) + " info";
  if (totals.unreadable > 0) out += ", " + plural(totals.unreadable, "unreadable input");
  out += "; " + std::to_string(totals.failing) + " failing at --fail-on " +
         severity_name(options.config.fail_on) + "\n";
  return out;
}

}  // namespace saml
