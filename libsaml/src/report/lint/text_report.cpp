// The text report: findings grouped by input, each with its location, message and fix, and
// a one-line summary at the end.
#include <memory>
#include <string>

#include "report/finding_report.h"
#include "report/lint/report_common.h"
#include "report/lint/report_writers.h"
#include "saml/lint.h"
#include "report/painter.h"
#include "util/printable.h"

namespace saml {
namespace {

using util::Painter;
using util::terminal_safe;

std::string plural(std::size_t count, const char* word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

std::string entry_text(const LintEntry& entry, const Painter& paint) {
  const std::string label = terminal_safe(lint::source_label(entry));
  if (!entry.result) {
    return paint.bold(label) + ": " + paint.severity(Severity::Error, "error") + ": cannot lint: " +
           terminal_safe(entry.error ? entry.error->message : "unreadable") + "\n";
  }
  const LintResult& result = *entry.result;
  std::string out = paint.bold(label) + " (profile " + profile_name(result.profile) + ", " +
                    terminal_safe(result.profile_reason);
  if (result.now_source == TimeSource::Capture) {
    out += "; judged at its capture time " + format_xs_datetime(result.now);
  }
  out += ")\n";
  for (const std::string& note : entry.notes) out += "  note: " + terminal_safe(note) + "\n";
  if (result.encryption && result.encryption->decrypted) {
    out += "  decrypted with " + terminal_safe(decryption_key_text(*result.encryption)) + "\n";
  }
  if (result.findings.empty()) out += "  no findings\n";
  for (const Finding& finding : result.findings) {
    out += detail::finding_text(finding, result.profile, paint, "  ");
  }
  return out;
}

class TextWriter final : public LintReportWriter {
 public:
  explicit TextWriter(const LintReportOptions& options) : options_(options), paint_(options.color) {}

  // Which configuration file was read (one found in the current directory is easy to miss),
  // and which time judges what.
  std::string begin() override {
    std::string out;
    if (!options_.config_file.empty()) {
      out += "config: " + terminal_safe(options_.config_file) +
             (options_.config_file_implicit ? " (found in the current directory)" : "") + "\n";
    }
    return out + "judged at: conditions " + options_.now + " (" + time_source_name(options_.now_source) +
           (options_.now_source == TimeSource::SystemClock ? "; a capture that records its time: that time" : "") +
           "), certificates " + options_.cert_now + " (" + time_source_name(options_.cert_now_source) +
           ")\n";
  }

  std::string entry(const LintEntry& entry) override {
    totals_.add(entry, options_.config);
    return entry_text(entry, paint_);
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
  Painter paint_;
  lint::Totals totals_;
};

}  // namespace

namespace lint {

std::unique_ptr<LintReportWriter> make_text_writer(const LintReportOptions& options) {
  return std::make_unique<TextWriter>(options);
}

}  // namespace lint
}  // namespace saml
