// The text report: findings grouped by input, each with its location, message and fix, and
// a one-line summary at the end.
#include <memory>
#include <string>

#include "lint/report_common.h"
#include "lint/report_writers.h"
#include "saml/lint.h"

namespace saml {
namespace {

std::string paint(bool color, const char* code, const std::string& text) {
  return color ? "\x1b[" + std::string(code) + "m" + text + "\x1b[0m" : text;
}

std::string severity_text(Severity severity, bool color) {
  std::string name = severity_name(severity);
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

std::string entry_text(const LintEntry& entry, const LintReportOptions& options) {
  const std::string label = lint::source_label(entry);
  if (!entry.result) {
    return paint(options.color, "1", label) + ": " + severity_text(Severity::Error, options.color) +
           ": cannot lint: " + (entry.error ? entry.error->message : "unreadable") + "\n";
  }
  const LintResult& result = *entry.result;
  std::string out = paint(options.color, "1", label) + " (profile " + profile_name(result.profile) +
                    ", " + result.profile_reason + ")\n";
  if (result.encryption && result.encryption->decrypted) {
    out += "  decrypted with " + decryption_key_text(*result.encryption) + "\n";
  }
  if (result.findings.empty()) out += "  no findings\n";
  for (const Finding& finding : result.findings) {
    out += "  [" + paint(options.color, "1", finding.rule_id) + "] " +
           severity_text(finding.severity, options.color) + location_text(finding.where) + ": " +
           finding.message + "\n";
    if (const Rule* rule = find_rule(finding.rule_id)) {
      out += "    fix: " + std::string(rule->fix_for(result.profile)) + "\n";
    }
  }
  return out;
}

class TextWriter final : public LintReportWriter {
 public:
  explicit TextWriter(const LintReportOptions& options) : options_(options) {}

  std::string begin() override { return {}; }

  std::string entry(const LintEntry& entry) override {
    totals_.add(entry, options_.config);
    return entry_text(entry, options_);
  }

  std::string end() override {
    std::string out = "summary: " + plural(totals_.messages, "message") + " linted, " +
                      plural(totals_.errors, "error") + ", " + plural(totals_.warnings, "warning") +
                      ", " + std::to_string(totals_.infos) + " info";
    if (totals_.unreadable > 0) out += ", " + plural(totals_.unreadable, "unreadable input");
    out += "; " + std::to_string(totals_.failing) + " failing at --fail-on " +
           severity_name(options_.config.fail_on) + "\n";
    return out;
  }

 private:
  LintReportOptions options_;
  lint::Totals totals_;
};

}  // namespace

namespace lint {

std::unique_ptr<LintReportWriter> make_text_writer(const LintReportOptions& options) {
  return std::make_unique<TextWriter>(options);
}

}  // namespace lint
}  // namespace saml
