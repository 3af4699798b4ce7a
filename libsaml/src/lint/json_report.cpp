// lint_to_json: schema "samlkit.lint/1" (docs/schema/saml-lint.schema.json).
#include <nlohmann/json.hpp>

#include "lint/report_common.h"
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

Json finding_json(const Finding& finding) {
  const Rule* rule = find_rule(finding.rule_id);
  Json j;
  j["rule"] = finding.rule_id;
  j["severity"] = severity_name(finding.severity);
  j["title"] = rule ? Json(std::string(rule->title)) : Json(nullptr);
  j["message"] = finding.message;
  j["location"] = location_json(finding.where);
  j["fix"] = rule ? Json(std::string(rule->fix)) : Json(nullptr);
  j["reference"] = rule ? Json(std::string(rule->reference)) : Json(nullptr);
  return j;
}

Json entry_json(const LintEntry& entry, const LintConfig& config) {
  Json j;
  j["source"] = entry.source;
  j["source_line"] = entry.source_line > 0 ? Json(entry.source_line) : Json(nullptr);
  j["format"] = entry.format ? Json(capture_format_name(*entry.format)) : Json(nullptr);
  if (!entry.result) {
    Json error;
    error["code"] = entry.error ? entry.error->code : "input";
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
  for (const Finding& finding : result.findings) findings.push_back(finding_json(finding));
  j["findings"] = findings;
  j["not_applicable"] = result.not_applicable;
  j["encryption"] = result.encryption ? detail::encryption_json(*result.encryption) : Json(nullptr);
  return j;
}

}  // namespace

std::string lint_to_json(const std::vector<LintEntry>& entries, const LintReportOptions& options) {
  Json j;
  j["schema"] = "samlkit.lint/1";
  j["now"] = options.now;
  j["fail_on"] = severity_name(options.config.fail_on);
  Json results = Json::array();
  for (const LintEntry& entry : entries) results.push_back(entry_json(entry, options.config));
  j["results"] = results;
  const lint::Totals totals = lint::count_totals(entries, options.config);
  Json summary;
  summary["messages"] = totals.messages;
  summary["unreadable"] = totals.unreadable;
  summary["errors"] = totals.errors;
  summary["warnings"] = totals.warnings;
  summary["infos"] = totals.infos;
  summary["failing"] = totals.failing;
  j["summary"] = summary;
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace saml
