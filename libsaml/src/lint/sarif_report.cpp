// The SARIF report: SARIF 2.1.0 as GitHub code scanning reads it. Every enabled rule is in
// tool.driver.rules with its help; each finding is a result located at its input file
// (and line, when the input was the XML itself). Results are written as entries come; the
// invocation (unreadable inputs) is only known at the end, so it follows them.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lint/json_stream.h"
#include "lint/report_common.h"
#include "lint/report_writers.h"
#include "saml/lint.h"

namespace saml {
namespace {

using Json = nlohmann::ordered_json;

const char* sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "error";
}

// The input as a URI reference: a relative path stays relative (GitHub resolves it against
// the checkout); an absolute one becomes a file:// URI. Percent-encoded per RFC 3986.
std::string uri_of(const std::string& source) {
  if (source == "-") return "stdin";
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = !source.empty() && source.front() == '/' ? "file://" : "";
  for (char c : source) {
    const auto byte = static_cast<unsigned char>(c);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      std::string_view("-._~/").find(c) != std::string_view::npos;
    if (keep) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

// A readable rule name distinct from its ID, as SARIF asks: the title in PascalCase.
std::string rule_name(std::string_view title) {
  std::string name;
  bool word_start = true;
  for (char c : title) {
    const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum) {
      word_start = true;
      continue;
    }
    name += word_start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    word_start = false;
  }
  return name;
}

Json rule_json(const Rule& rule, const LintConfig& config) {
  Json j;
  j["id"] = rule.id;
  j["name"] = rule_name(rule.title);
  j["shortDescription"] = {{"text", rule.title}};
  j["fullDescription"] = {{"text", rule.explanation}};
  j["help"] = {{"text", std::string(rule.explanation) + " Fix: " + std::string(rule.fix)},
               {"markdown", std::string(rule.explanation) + "\n\n**Fix:** " +
                                std::string(rule.fix) + "\n\n<" + std::string(rule.reference) + ">"}};
  j["helpUri"] = rule.reference;
  j["defaultConfiguration"] = {{"level", sarif_level(config.severity_of(rule))}};
  j["properties"] = {{"profiles", lint::profiles_text(rule)}};
  return j;
}

Json result_json(const Finding& finding, const LintEntry& entry, std::size_t rule_index) {
  // Lines are those of the decoded XML: they are file lines only for raw XML input.
  const bool xml_lines = entry.format == CaptureFormat::RawXml && entry.source_line == 0;
  int line = entry.source_line > 0 ? entry.source_line : 1;
  if (xml_lines && finding.where.line > 0) line = finding.where.line;
  Json physical;
  physical["artifactLocation"] = {{"uri", uri_of(entry.source)}};
  physical["region"] = {{"startLine", line}};
  Json location;
  location["physicalLocation"] = physical;
  if (!finding.where.element.empty()) {
    location["logicalLocations"] = Json::array(
        {{{"fullyQualifiedName", finding.where.element}, {"kind", "element"}}});
  }
  Json j;
  j["ruleId"] = finding.rule_id;
  j["ruleIndex"] = rule_index;
  j["level"] = sarif_level(finding.severity);
  j["message"] = {{"text", finding.message}};
  j["locations"] = Json::array({location});
  return j;
}

Json unreadable_notification(const LintEntry& entry) {
  Json j;
  j["level"] = "error";
  j["message"] = {{"text", lint::source_label(entry) + ": cannot lint: " +
                               (entry.error ? entry.error->message : std::string("unreadable"))}};
  j["locations"] = Json::array(
      {{{"physicalLocation", {{"artifactLocation", {{"uri", uri_of(entry.source)}}}}}}});
  return j;
}

class SarifWriter final : public LintReportWriter {
 public:
  explicit SarifWriter(const LintReportOptions& options) : options_(options) {
    for (const Rule* rule : lint::enabled_rules(options_.config)) {
      index_.emplace(std::string(rule->id), rules_.size());
      rules_.push_back(rule);
    }
  }

  std::string begin() override {
    Json rules = Json::array();
    for (const Rule* rule : rules_) rules.push_back(rule_json(*rule, options_.config));
    Json driver;
    driver["name"] = "saml-lint";
    driver["version"] = SAMLKIT_VERSION;
    driver["rules"] = rules;
    return "{\n" + lint::json_member("$schema", "https://json.schemastore.org/sarif-2.1.0.json", 1) +
           ",\n" + lint::json_member("version", "2.1.0", 1) + ",\n  \"runs\": [\n    {\n" +
           lint::json_member("tool", {{"driver", driver}}, 3) + ",\n" + results_.open("results");
  }

  std::string entry(const LintEntry& entry) override {
    if (!entry.result) {
      notifications_.push_back(unreadable_notification(entry));
      return {};
    }
    std::string out;
    for (const Finding& finding : entry.result->findings) {
      const auto it = index_.find(finding.rule_id);
      if (it == index_.end()) continue;  // disabled rules were filtered before; be safe
      out += results_.element(result_json(finding, entry, it->second));
    }
    return out;
  }

  std::string end() override {
    Json invocation;
    invocation["executionSuccessful"] = notifications_.empty();
    invocation["toolExecutionNotifications"] = notifications_;
    return results_.close() + ",\n" + lint::json_member("invocations", Json::array({invocation}), 3) +
           "\n    }\n  ]\n}\n";
  }

 private:
  LintReportOptions options_;
  std::vector<const Rule*> rules_;
  std::map<std::string, std::size_t> index_;  // rule ID -> its index in rules_
  lint::JsonArrayStream results_{3};
  Json notifications_ = Json::array();  // one per unreadable input
};

}  // namespace

namespace lint {

std::unique_ptr<LintReportWriter> make_sarif_writer(const LintReportOptions& options) {
  return std::make_unique<SarifWriter>(options);
}

}  // namespace lint
}  // namespace saml
