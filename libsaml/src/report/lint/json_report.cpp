// The JSON reports: schema "samlkit.lint/2" (docs/schema/saml-lint.schema.json), written an
// entry at a time; the summary closes the document. JSON Lines: one message per line.
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "iam/aws_side_json.h"
#include "report/json_stream.h"
#include "report/lint/report_common.h"
#include "report/lint/report_writers.h"
#include "report/encryption_json.h"
#include "report/finding_report.h"
#include "report/json_values.h"
#include "saml/lint.h"

namespace saml {
namespace {

using Json = nlohmann::ordered_json;

using detail::text_or_null;

constexpr const char* kSchema = "samlkit.lint/2";

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
  j["now"] = format_xs_datetime(result.now);
  j["now_source"] = time_source_name(result.now_source);
  j["profile"] = profile_name(result.profile);
  j["profile_reason"] = result.profile_reason;
  j["accepted"] = result.accepted;
  j["failed"] = lint_fails(config, result);
  j["findings"] = detail::findings_json(result.findings, result.profile);
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
    return "{\n" + detail::json_member("schema", kSchema, 1) + ",\n" +
           detail::json_member("now", options_.now, 1) + ",\n" +
           detail::json_member("now_source", time_source_name(options_.now_source), 1) + ",\n" +
           detail::json_member("cert_now", options_.cert_now, 1) + ",\n" +
           detail::json_member("cert_now_source", time_source_name(options_.cert_now_source), 1) + ",\n" +
           detail::json_member("config_file", text_or_null(options_.config_file), 1) + ",\n" +
           detail::json_member("fail_on", severity_name(options_.config.fail_on), 1) + ",\n" +
           results_.open("messages");
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
    return results_.close() + ",\n" + detail::json_member("summary", summary, 1) + "\n}\n";
  }

 private:
  LintReportOptions options_;
  lint::Totals totals_;
  detail::JsonArrayStream results_{1};
};

// One object per line: the message's entry with the schema; no summary (a stream has no end
// a reader could wait for).
class JsonLinesWriter final : public LintReportWriter {
 public:
  explicit JsonLinesWriter(const LintReportOptions& options) : options_(options) {}
  std::string begin() override { return {}; }
  std::string entry(const LintEntry& entry) override {
    Json line;
    line["schema"] = kSchema;
    const Json object = entry_json(entry, options_.config);
    for (const auto& [key, value] : object.items()) line[key] = value;
    return line.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  std::string end() override { return {}; }

 private:
  LintReportOptions options_;
};

}  // namespace

namespace lint {

std::unique_ptr<LintReportWriter> make_json_writer(const LintReportOptions& options) {
  return std::make_unique<JsonWriter>(options);
}

std::unique_ptr<LintReportWriter> make_json_lines_writer(const LintReportOptions& options) {
  return std::make_unique<JsonLinesWriter>(options);
}

}  // namespace lint
}  // namespace saml
