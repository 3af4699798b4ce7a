// saml-lint's HTML page, written entry by entry: one section per message as it comes, then
// the summary table (inputs x severities), sortable without script: each sort order is a
// table of its own, shown by the link in the column head (CSS :target).
#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "report/lint/report_common.h"
#include "report/lint/report_writers.h"
#include "saml/decode.h"
#include "report/html/html_parts.h"

namespace saml::lint {
namespace {

struct Row {
  std::size_t number = 0;  // 1-based, the section's anchor
  std::string label;
  std::string verdict;     // PASS, FAIL, UNREADABLE
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
};

struct SortOrder {
  const char* id;          // the table's anchor
  const char* caption;
  int column;              // which head is sorted (0 input, 2 errors, 3 warnings, 4 info)
  bool (*before)(const Row&, const Row&);
};

bool by_number(const Row& a, const Row& b) { return a.number < b.number; }
bool by_name(const Row& a, const Row& b) { return a.label < b.label; }
bool by_errors(const Row& a, const Row& b) {
  return std::tie(b.errors, b.warnings, b.infos, a.number) < std::tie(a.errors, a.warnings, a.infos, b.number);
}
bool by_warnings(const Row& a, const Row& b) {
  return std::tie(b.warnings, b.errors, b.infos, a.number) < std::tie(a.warnings, a.errors, a.infos, b.number);
}
bool by_infos(const Row& a, const Row& b) {
  return std::tie(b.infos, b.errors, b.warnings, a.number) < std::tie(a.infos, a.errors, a.warnings, b.number);
}

// The first is the default view; the column heads link to the others.
constexpr SortOrder kOrders[] = {
    {"summary-by-input", "in input order", 0, by_number},
    {"summary-by-name", "by input name", 1, by_name},
    {"summary-by-errors", "by errors, most first", 2, by_errors},
    {"summary-by-warnings", "by warnings, most first", 3, by_warnings},
    {"summary-by-info", "by info findings, most first", 4, by_infos},
};

std::string head_cell(const char* text, int column, const SortOrder& shown) {
  // Column 0 (input order) and 1 (name) share the Input head: it links to the other one.
  const SortOrder& target = column == 0 ? (shown.column == 1 ? kOrders[0] : kOrders[1]) : kOrders[column];
  const bool sorted = shown.column == column || (column == 0 && shown.column <= 1);
  const char* direction = shown.column >= 2 ? "descending" : "ascending";
  return std::string("<th scope=\"col\"") + (sorted ? " aria-sort=\"" + std::string(direction) + "\"" : "") + "><a href=\"#" +
         target.id + "\">" + text + (sorted ? (shown.column >= 2 ? " &#9660;" : " &#9650;") : "") + "</a></th>";
}

std::string summary_table(std::vector<Row> rows, const SortOrder& order, const Totals& totals) {
  std::stable_sort(rows.begin(), rows.end(), order.before);
  std::string out = std::string("<table class=\"summary\" id=\"") + order.id + "\">\n<caption>Findings per input, " +
                    order.caption + "</caption>\n<thead><tr>" + head_cell("Input", 0, order) +
                    "<th scope=\"col\">Verdict</th>" + head_cell("Errors", 2, order) + head_cell("Warnings", 3, order) +
                    head_cell("Info", 4, order) + "</tr></thead>\n<tbody>\n";
  for (const Row& row : rows) {
    out += "<tr><th scope=\"row\"><a href=\"#msg-" + std::to_string(row.number) + "\">" + html_escape(row.label) +
           "</a></th><td>" + row.verdict + "</td><td class=\"num\">" + std::to_string(row.errors) + "</td><td class=\"num\">" +
           std::to_string(row.warnings) + "</td><td class=\"num\">" + std::to_string(row.infos) + "</td></tr>\n";
  }
  return out + "</tbody>\n<tfoot><tr><th scope=\"row\">Total: " + std::to_string(totals.messages) + " inputs</th><td>" +
         std::to_string(totals.failing) + " failing</td><td class=\"num\">" + std::to_string(totals.errors) +
         "</td><td class=\"num\">" + std::to_string(totals.warnings) + "</td><td class=\"num\">" +
         std::to_string(totals.infos) + "</td></tr></tfoot>\n</table>\n";
}

class HtmlWriter final : public LintReportWriter {
 public:
  explicit HtmlWriter(const LintReportOptions& options) : options_(options) {
    if (auto now = parse_xs_datetime(options.now)) now_ = *now;
  }

  std::string begin() override {
    return html::page_begin("saml-lint report", "<p>Checked at " + html_escape(options_.now) +
                                                    ". <a href=\"#summary\">Summary table</a> (at the end).</p>\n");
  }

  std::string entry(const LintEntry& entry) override {
    totals_.add(entry, options_.config);
    Row row;
    row.number = rows_.size() + 1;
    row.label = source_label(entry);
    const std::string id = "msg-" + std::to_string(row.number);
    std::string out = "<section class=\"message\" id=\"" + id + "\" aria-labelledby=\"" + id + "-h\">\n<h2 id=\"" + id +
                      "-h\">Message " + std::to_string(row.number) + ": " + html_escape(row.label) + "</h2>\n";
    if (!entry.result) {
      row.verdict = "UNREADABLE";
      out += html::verdict_badge("fail", "UNREADABLE") + "<p class=\"error\">" +
             html_escape(entry.error ? entry.error->message : "the input could not be read") + "</p>\n";
    } else {
      const LintResult& result = *entry.result;
      for (const Finding& f : result.findings) {
        (f.severity == Severity::Error ? row.errors : f.severity == Severity::Warning ? row.warnings : row.infos)++;
      }
      const bool fails = lint_fails(options_.config, result);
      row.verdict = fails ? "FAIL" : "PASS";
      out += html::verdict_badge(fails ? "fail" : "pass", fails ? "FAIL" : "PASS") + "<p>Profile " +
             html_escape(profile_name(result.profile)) + " (" + html_escape(result.profile_reason) + "); saml-verify " +
             (result.accepted ? "accepts" : "rejects") + " this message; failing at " +
             html_escape(severity_name(options_.config.fail_on)) + " or above.</p>\n";
      out += "<section class=\"findings\" aria-labelledby=\"" + id + "-f-h\">\n<h3 id=\"" + id +
             "-f-h\">Findings (<span class=\"count\">" + std::to_string(result.findings.size()) + "</span>)</h3>\n" +
             html::findings_list(result.findings, result.profile, rules_) + "</section>\n";
      if (result.view) {
        const std::vector<HtmlIamOutcome> iam = result.aws_side ? iam_outcomes(*result.aws_side) : std::vector<HtmlIamOutcome>{};
        out += html::message_details(*result.view, iam, now_, std::chrono::seconds(0), id);
      }
    }
    rows_.push_back(std::move(row));
    return out + "</section>\n";
  }

  std::string end() override {
    std::string out = "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n"
                      "<p>Choose a column head to sort by it.</p>\n<div class=\"views\">\n";
    for (const SortOrder& order : kOrders) out += summary_table(rows_, order, totals_);
    return out + "</div>\n</section>\n" + html::page_end(rules_);
  }

 private:
  LintReportOptions options_;
  TimePoint now_{};  // options_.now, for the time lines
  Totals totals_;
  std::vector<Row> rows_;  // one small row per input, for the summary
  html::RuleIds rules_;
};

}  // namespace

std::unique_ptr<LintReportWriter> make_html_writer(const LintReportOptions& options) {
  return std::make_unique<HtmlWriter>(options);
}

}  // namespace saml::lint
