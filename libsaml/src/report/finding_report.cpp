#include "report/finding_report.h"

#include "report/json_values.h"
#include "saml/rules.h"
#include "util/printable.h"

namespace saml::detail {

using Json = nlohmann::ordered_json;

std::string location_text(const Location& where) {
  std::string text;
  if (where.line > 0) text += "line " + std::to_string(where.line);
  if (where.line > 0 && where.column > 0) text += ", column " + std::to_string(where.column);
  if (!where.element.empty()) {
    text += (text.empty() ? "" : ", ") + where.element;
    if (!where.attribute.empty()) text += "@" + where.attribute;
  }
  return text.empty() ? text : " at " + text;
}

std::string finding_text(const Finding& finding, Profile profile, const util::Painter& paint,
                         std::string_view indent) {
  std::string out = std::string(indent) + "[" + paint.bold(finding.rule_id) + "] " +
                    paint.severity(finding.severity, severity_name(finding.severity)) +
                    location_text(finding.where) + ": " + util::terminal_safe(finding.message) + "\n";
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

}  // namespace saml::detail
