// The streaming lint report writers, one per format file (HTML: report/html/lint_page.cpp);
// make_lint_report_writer (report_writer.cpp) chooses among them.
#pragma once

#include <memory>

#include "saml/lint.h"

namespace saml::lint {

std::unique_ptr<LintReportWriter> make_text_writer(const LintReportOptions& options);
std::unique_ptr<LintReportWriter> make_json_writer(const LintReportOptions& options);
std::unique_ptr<LintReportWriter> make_json_lines_writer(const LintReportOptions& options);
std::unique_ptr<LintReportWriter> make_sarif_writer(const LintReportOptions& options);
std::unique_ptr<LintReportWriter> make_junit_writer(const LintReportOptions& options);
std::unique_ptr<LintReportWriter> make_html_writer(const LintReportOptions& options);

}  // namespace saml::lint
