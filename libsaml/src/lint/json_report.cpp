// The JSON report: schema "samlkit.lint/1" (docs/schema/saml-lint.schema.json), written an
// entry at a time; the summary closes the document.
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "iam/aws_side_json.h"
#include "lint/json_stream.h"
#include "lint/report_common.h"
#include "lint/report_writers.h"
#include "report/encryption_json.h"
#include "report/json_values.h"
#include "saml/lint.h"

namespace saml {
namespace {

using Json = nlohmann::ordered_json;

using detail::text_or_null;

Json location_json(const Location& where) {
  Json j;
  j["line"] = where.line > 0 ? Json(where.line) : Json(nullptr);
  j["element"] = text_or_null(where.element);
  j["attribute"] = text_or_null(where.attribute);
  return j;
}

Json finding_json(const Finding& finding, Profile profile) {
  const Rule* rule = find_rule(finding.rule_id);
  Json j;
  j["rule"] = finding.rule_id;
  j["severity"] = severity_name(finding.severity);
  j["title"] = rule ? Json(std::string(rule->title)) : Json(nullptr);
  j["message"] = finding.message;
  j["location"] = location_json(finding.where);
  j["fix"] = rule ? Json(std::string(rule->fix_for(profile))) : Json(nullptr);
  j["reference"] = rule ? Json(std::string(rule->reference)) : Json(nullptr);
  return j;
}

Json entry_json(const LintEntry& entry, const LintConfig& config) {
  Json j;
  j["source"] = entry.source;
  j["source_line"] = entry.source_line > 0 ? Json(entry.source_line) : Json(nullptr);
  j["format"] = entry.format ? Json(capture_format_name(*entry.format)) : Json(nullptr);
  j["message"] = entry.message > 0 ? Json(entry.message) : Json(nullptr);
  j["notes"] = entry.notes;
  if (!entry.result) {
    Json error;
    error["code"] = entry.error ? error_code_name(entry.error->code) : "input";
    error["message"] = entry.error ? entry.error->message : "unreadable";
    j["error"] = error;
    return j;
  }
  const LintResult& result = *entry.result;
  j["error"] = nullptr;
  j["profile"] = profile_name(result.profile);
  j["profile_reason"] = result.profile_reason;
  j["accepted"] = result.accepted;
  j["failed"] = lint_fails(config, result);
  Json findings = Json::array();
  for (const Finding& finding : result.findings) findings.push_back(finding_json(finding, result.profile));
  j["findings"] = findings;
  j["not_applicable"] = result.not_applicable;
  j["encryption"] = result.encryption ? detail::encryption_json(*result.encryption) : Json(nullptr);
  if (result.aws_side) {
    const Json aws_side = iam::aws_side_json(*result.aws_side);
    for (const auto& [key, value] : aws_side.items()) j[key] = value;
  }
  return j;
}

class JsonWriter final : public LintReportWriter {
 public:
  explicit JsonWriter(const LintReportOptions& options) : options_(options) {}

  std::string begin() override {
    return "{\n" + lint::json_member("schema", "samlkit.lint/1", 1) + ",\n" +
           lint::json_member("now", options_.now, 1) + ",\n" +
           lint::json_member("fail_on", severity_name(options_.config.fail_on), 1) + ",\n" +
           results_.open("results");
  }

  std::string entry(const LintEntry& entry) override {
    totals_.add(entry, options_.config);
    return results_.element(entry_json(entry, options_.config));
  }

  std::string end() override {
    Json summary;
    summary["messages"] = totals_.messages;
    summary["unreadable"] = totals_.unreadable;
    summary["errors"] = totals_.errors;
    summary["warnings"] = totals_.warnings;
    summary["infos"] = totals_.infos;
    summary["failing"] = totals_.failing;
    return results_.close() + ",\n" + lint::json_member("summary", summary, 1) + "\n}\n";
  }

 private:
  LintReportOptions options_;
  lint::Totals totals_;
  lint::JsonArrayStream results_{1};
};

}  // namespace

namespace lint {

std::unique_ptr<LintReportWriter> make_json_writer(const LintReportOptions& options) {
  return std::make_unique<JsonWriter>(options);
}

}  // namespace lint
}  // namespace saml
