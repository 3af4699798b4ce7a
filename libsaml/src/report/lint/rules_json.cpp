// saml-lint --list-rules --format json: the rule table for programs, schema
// "samlkit.rules/1" (docs/schema/saml-lint-rules.schema.json).
#include <nlohmann/json.hpp>

#include <string>

#include "saml/lint.h"

namespace saml {

std::string rules_to_json() {
  using Json = nlohmann::ordered_json;
  Json rules = Json::array();
  for (const Rule& rule : all_rules()) {
    Json profiles = Json::array();
    for (const Profile profile : kAllProfiles) {
      if (rule_in_profile(rule, profile)) profiles.push_back(profile_name(profile));
    }
    Json j;
    j["id"] = rule.id;
    j["severity"] = severity_name(rule.severity);
    j["title"] = rule.title;
    j["explanation"] = rule.explanation;
    j["fix"] = rule.fix;
    j["reference"] = rule.reference;
    j["profiles"] = profiles;
    rules.push_back(j);
  }
  Json document;
  document["schema"] = "samlkit.rules/1";
  document["rules"] = rules;
  return document.dump(2) + "\n";
}

}  // namespace saml
