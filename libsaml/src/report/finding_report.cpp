#include "report/finding_report.h"

#include "report/json_values.h"
#include "saml/report.h"
#include "saml/rules.h"
#include "util/printable.h"

namespace saml {

std::string location_text(const Location& where) {
  std::string text;
  const auto add = [&](const std::string& part) { text += (text.empty() ? "" : ", ") + part; };
  if (where.line > 0) add("line " + std::to_string(where.line));
  if (where.line > 0 && where.column > 0) add("column " + std::to_string(where.column));
  if (!where.element.empty()) add(where.element + (where.attribute.empty() ? "" : "@" + where.attribute));
  if (text.empty() && where.offset >= 0) add("byte " + std::to_string(where.offset) + " of the input");
  return text;
}

}  // namespace saml

namespace saml::detail {

using Json = nlohmann::ordered_json;

std::string finding_text(const Finding& finding, Profile profile, const util::Painter& paint,
                         std::string_view indent) {
  const std::string where = location_text(finding.where);
  std::string out = std::string(indent) + "[" + paint.bold(finding.rule_id) + "] " +
                    paint.severity(finding.severity, severity_name(finding.severity)) +
                    (where.empty() ? "" : " at " + util::terminal_safe(where)) + ": " +
                    util::terminal_safe(finding.message) + "\n";
  if (const Rule* rule = find_rule(finding.rule_id)) {
    out += std::string(indent) + "  fix: " + std::string(rule->fix_for(profile)) + "\n";
  }
  return out;
}

Json location_json(const Location& where) {
  Json j;
  j["line"] = where.line > 0 ? Json(where.line) : Json(nullptr);
  j["column"] = where.line > 0 && where.column > 0 ? Json(where.column) : Json(nullptr);
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

Json findings_json(const std::vector<Finding>& findings, Profile profile) {
  Json array = Json::array();
  for (const Finding& finding : findings) array.push_back(finding_json(finding, profile));
  return array;
}

}  // namespace saml::detail
