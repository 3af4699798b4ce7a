// make_lint_report_writer, and the whole-report functions as its begin/entry/end run over
// a vector of entries.
#include <string>
#include <vector>

#include "report/lint/report_writers.h"
#include "saml/lint.h"

namespace saml {
namespace {

std::string write_report(LintReportFormat format, const std::vector<LintEntry>& entries,
                         const LintReportOptions& options) {
  const std::unique_ptr<LintReportWriter> writer = make_lint_report_writer(format, options);
  std::string out = writer->begin();
  for (const LintEntry& entry : entries) out += writer->entry(entry);
  return out + writer->end();
}

}  // namespace

std::unique_ptr<LintReportWriter> make_lint_report_writer(LintReportFormat format,
                                                          const LintReportOptions& options) {
  switch (format) {
    case LintReportFormat::Text: return lint::make_text_writer(options);
    case LintReportFormat::Json: return lint::make_json_writer(options);
    case LintReportFormat::JsonLines: return lint::make_json_lines_writer(options);
    case LintReportFormat::Sarif: return lint::make_sarif_writer(options);
    case LintReportFormat::Junit: return lint::make_junit_writer(options);
    case LintReportFormat::Html: return lint::make_html_writer(options);
  }
  return lint::make_text_writer(options);
}

std::string lint_to_text(const std::vector<LintEntry>& entries, const LintReportOptions& options) {
  return write_report(LintReportFormat::Text, entries, options);
}

std::string lint_to_json(const std::vector<LintEntry>& entries, const LintReportOptions& options) {
  return write_report(LintReportFormat::Json, entries, options);
}

std::string lint_to_sarif(const std::vector<LintEntry>& entries, const LintReportOptions& options) {
  return write_report(LintReportFormat::Sarif, entries, options);
}

std::string lint_to_junit(const std::vector<LintEntry>& entries, const LintReportOptions& options) {
  return write_report(LintReportFormat::Junit, entries, options);
}

}  // namespace saml
