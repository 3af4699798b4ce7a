// The SARIF report: SARIF 2.1.0 as GitHub code scanning reads it. Every enabled rule is in
// tool.driver.rules with its help (and a security-severity for the security areas); each
// finding is a result located at its input file (line and column, when the input was
// the XML itself) with a partial fingerprint that survives edits elsewhere in the file. Results
// are written as entries come; the invocation (unreadable inputs) is only known at the end,
// so it follows them.
#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "report/json_stream.h"
#include "report/lint/report_common.h"
#include "report/lint/report_writers.h"
#include "saml/lint.h"
#include "util/percent_encoding.h"

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
  const std::string scheme = !source.empty() && source.front() == '/' ? "file://" : "";
  return scheme + util::percent_encode(source, "/");
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

// The areas whose rules guard who may sign in (XML safety, signatures, protocol, subject,
// conditions): GitHub ranks their alerts by security-severity. The others are hygiene,
// AWS attribute shape, metadata upkeep and drift.
bool is_security_rule(const Rule& rule) {
  for (const std::string_view area : {"XML", "SIG", "PRO", "SUB", "CND"}) {
    if (rule.id.substr(0, area.size()) == area) return true;
  }
  return false;
}

// GitHub's scale: over 7.0 high, 4.0 to 6.9 medium, under 4.0 low.
const char* security_severity(Severity severity) {
  switch (severity) {
    case Severity::Error: return "8.0";
    case Severity::Warning: return "5.0";
    case Severity::Info: return "2.0";
  }
  return "8.0";
}

// What identifies a finding across runs: the rule, the file and the element, not the line
// (which moves when the file is edited) nor the message (which holds times).
std::string fingerprint(const Finding& finding, const LintEntry& entry) {
  const std::string identity = finding.rule_id + "\n" + entry.source + "\n" +
                               std::to_string(entry.source_line) + "\n" + finding.where.element +
                               "@" + finding.where.attribute;
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(identity.data(), identity.size(), digest.data(), &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0x0f];
  }
  return hex;
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
  Json properties;
  properties["profiles"] = lint::profiles_text(rule);
  if (is_security_rule(rule)) {
    properties["tags"] = Json::array({"security"});
    properties["security-severity"] = security_severity(config.severity_of(rule));
  }
  j["properties"] = properties;
  return j;
}

Json result_json(const Finding& finding, const LintEntry& entry, std::size_t rule_index) {
  // Lines are those of the decoded XML: they are file lines only for raw XML input.
  const bool xml_lines = entry.format == CaptureFormat::RawXml && entry.source_line == 0;
  int line = entry.source_line > 0 ? entry.source_line : 1;
  if (xml_lines && finding.where.line > 0) line = finding.where.line;
  Json region;
  region["startLine"] = line;
  if (xml_lines && finding.where.line > 0 && finding.where.column > 0) {
    region["startColumn"] = finding.where.column;
  }
  Json physical;
  physical["artifactLocation"] = {{"uri", uri_of(entry.source)}};
  physical["region"] = region;
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
  j["partialFingerprints"] = {{"samlkitFinding/v1", fingerprint(finding, entry)}};
  // The time the message's conditions were judged at, and where it came from (a capture's
  // own time, --now or the clock).
  j["properties"] = {{"now", format_xs_datetime(entry.result->now)},
                     {"nowSource", time_source_name(entry.result->now_source)}};
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
    driver["informationUri"] = SAMLKIT_HOMEPAGE;
    driver["rules"] = rules;
    return "{\n" + detail::json_member("$schema", "https://json.schemastore.org/sarif-2.1.0.json", 1) +
           ",\n" + detail::json_member("version", "2.1.0", 1) + ",\n  \"runs\": [\n    {\n" +
           detail::json_member("tool", {{"driver", driver}}, 3) + ",\n" + results_.open("results");
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
    invocation["properties"] = {{"now", options_.now},
                                {"nowSource", time_source_name(options_.now_source)},
                                {"certNow", options_.cert_now},
                                {"certNowSource", time_source_name(options_.cert_now_source)}};
    return results_.close() + ",\n" + detail::json_member("invocations", Json::array({invocation}), 3) +
           "\n    }\n  ]\n}\n";
  }

 private:
  LintReportOptions options_;
  std::vector<const Rule*> rules_;
  std::map<std::string, std::size_t> index_;  // rule ID -> its index in rules_
  detail::JsonArrayStream results_{3};
  Json notifications_ = Json::array();  // one per unreadable input
};

}  // namespace

namespace lint {

std::unique_ptr<LintReportWriter> make_sarif_writer(const LintReportOptions& options) {
  return std::make_unique<SarifWriter>(options);
}

}  // namespace lint
}  // namespace saml
