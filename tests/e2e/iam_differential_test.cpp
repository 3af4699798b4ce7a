// The IAM condition evaluator against an independent implementation: a generated table of
// operator cases (every operator, set prefix and IfExists, over single, multivalued and
// absent keys, with wildcards, case and policy variables) evaluated by saml::iam and by
// @cloud-copilot/iam-simulate (tests/validators/iam_simulate.js). Where the two differ, AWS's
// documentation decides: those cases are listed in kAwsDocumentationDecides, each with the
// rule of the IAM User Guide samlkit follows (and docs/aws-side.md explains them).
#define BOOST_TEST_MODULE iam_differential
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "run_tool.h"
#include "saml/iam.h"

namespace {

using Json = nlohmann::json;

struct Case {
  std::string op;
  std::string key;
  std::vector<std::string> values;
  std::map<std::string, std::vector<std::string>> context;   // one value: a single-valued key
};

std::string iso_of_epoch(const std::string& seconds) {
  return saml::format_xs_datetime(saml::TimePoint(std::chrono::seconds(std::stoll(seconds))));
}

bool all_digits(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// Where iam-simulate and the IAM User Guide disagree, the guide decides (docs/aws-side.md,
// "Where samlkit and iam-simulate differ"). Each entry: which cases, and the guide's answer.
struct Documented {
  const char* name;
  bool (*applies)(const Case& c);
  bool (*aws_answer)(const Case& c);
};

saml::iam::Tri samlkit_answer(const Case& c);

const std::vector<Documented> kAwsDocumentationDecides = {
    // "...IfExists: if the key is not present, evaluate the condition element as true"
    // (condition operators, IfExists); iam-simulate answers false with ForAnyValue.
    {"IfExists on an absent key",
     [](const Case& c) { return c.op.find("IfExists") != std::string::npos && !c.context.count(c.key); },
     [](const Case&) { return true; }},
    // Date operators take epoch times in seconds (as aws:EpochTime); iam-simulate reads them
    // otherwise. The guide's answer: the same comparison with the ISO 8601 form.
    {"epoch seconds in a Date operator",
     [](const Case& c) { return c.op.rfind("Date", 0) == 0 && all_digits(c.values.front()); },
     [](const Case& c) {
       Case iso = c;
       iso.values = {iso_of_epoch(c.values.front())};
       return samlkit_answer(iso) == saml::iam::Tri::True;
     }},
};

const Documented* documented(const Case& c) {
  for (const Documented& d : kAwsDocumentationDecides) {
    if (d.applies(c)) return &d;
  }
  return nullptr;
}

std::string case_id(const Case& c) {
  std::string id = c.op + " " + c.key + " [";
  for (const std::string& v : c.values) id += v + ";";
  id += "] {";
  for (const auto& [key, values] : c.context) {
    id += key + "=";
    for (const std::string& v : values) id += v + ";";
  }
  return id + "}";
}

// The context each key scenario gives.
struct KeyScenario {
  std::string key;
  std::vector<std::string> values;   // empty: the key is absent
  bool multi = false;
};

std::vector<Case> generated_cases() {
  std::vector<Case> cases;
  const std::vector<std::string> prefixes = {"", "ForAnyValue:", "ForAllValues:"};
  const std::vector<std::string> suffixes = {"", "IfExists"};
  auto add = [&](const std::vector<std::string>& ops, const std::vector<KeyScenario>& scenarios,
                 const std::vector<std::vector<std::string>>& policy_values, bool with_sets) {
    for (const std::string& base : ops) {
      for (const std::string& prefix : with_sets ? prefixes : std::vector<std::string>{""}) {
        for (const std::string& suffix : suffixes) {
          for (const KeyScenario& scenario : scenarios) {
            for (const auto& values : policy_values) {
              Case c{prefix + base + suffix, scenario.key, values, {}};
              if (!scenario.values.empty()) c.context[scenario.key] = scenario.values;
              cases.push_back(c);
            }
          }
        }
      }
    }
  };
  const std::vector<KeyScenario> strings = {
      {"saml:sub", {"Alice@Example.com"}},
      {"saml:edupersonaffiliation", {"staff", "member"}, true},
      {"saml:edupersonorgdn", {}},
  };
  add({"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
       "StringNotLike"},
      strings,
      {{"Alice@Example.com"}, {"alice@example.com"}, {"*@Example.com"}, {"A?ice*"}, {"x", "Alice@Example.com"},
       {"staff"}, {"staff", "member", "x"}, {"x"}, {"*"}},
      true);
  add({"NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
       "NumericGreaterThanEquals"},
      {{"aws:MultiFactorAuthAge", {"42"}}, {"aws:MultiFactorAuthAge", {}}}, {{"41"}, {"42"}, {"43"}, {"42.5"}, {"1", "100"}},
      false);
  add({"DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
       "DateGreaterThanEquals"},
      {{"aws:CurrentTime", {"2024-05-01T12:00:00Z"}}},
      {{"2024-05-01T12:00:00Z"}, {"2024-06-01T00:00:00Z"}, {"2024-04-01T00:00:00Z"}, {"1714564800"}}, false);
  add({"Bool"}, {{"aws:MultiFactorAuthPresent", {"true"}}, {"aws:MultiFactorAuthPresent", {}}},
      {{"true"}, {"false"}}, false);
  add({"IpAddress", "NotIpAddress"}, {{"aws:SourceIp", {"203.0.113.9"}}},
      {{"203.0.113.0/24"}, {"10.0.0.0/8"}, {"203.0.113.9/32"}, {"10.0.0.0/8", "203.0.113.0/28"}}, false);
  add({"ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"},
      {{"aws:PrincipalArn", {"arn:aws:iam::123456789012:role/path/Admin"}}},
      {{"arn:aws:iam::123456789012:role/path/Admin"}, {"arn:aws:iam::*:role/*"}, {"arn:aws:iam::999999999999:*"},
       {"arn:aws:s3:::*"}},
      false);
  for (const char* key : {"saml:sub", "saml:edupersonorgdn"}) {
    for (const char* value : {"true", "false"}) {
      Case c{"Null", key, {value}, {}};
      if (std::string(key) == "saml:sub") c.context[key] = {"Alice@Example.com"};
      cases.push_back(c);
    }
  }
  // Policy variables (Version 2012-10-17).
  for (const char* value : {"${saml:iss}", "${saml:iss}*", "${saml:edupersonorgdn, 'Alice@Example.com'}",
                                   "${saml:edupersonorgdn}"}) {
    Case c{"StringLike", "saml:sub", {value}, {}};
    c.context["saml:sub"] = {"Alice@Example.com"};
    c.context["saml:iss"] = {"Alice"};
    cases.push_back(c);
  }
  return cases;
}

const std::map<std::string, bool> kMultiValued = {{"saml:edupersonaffiliation", true}};

saml::iam::Tri samlkit_answer(const Case& c) {
  saml::iam::RequestContext context;
  for (const auto& [key, values] : c.context) context.set(key, values, kMultiValued.count(key) == 1);
  return saml::iam::evaluate_clause({c.op, c.key, c.values}, context, true).result;
}

Json to_json(const std::vector<Case>& cases) {
  Json out = Json::array();
  for (const Case& c : cases) {
    Json context = Json::object();
    for (const auto& [key, values] : c.context) {
      context[key] = kMultiValued.count(key) ? Json(values) : Json(values.front());
    }
    out.push_back({{"op", c.op}, {"key", c.key}, {"values", c.values}, {"context", context}});
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(samlkit_agrees_with_iam_simulate) {
  const std::vector<Case> cases = generated_cases();
  BOOST_TEST(cases.size() > 500u);
  samltest::TempFile input(to_json(cases).dump(), ".json");
  const samltest::Run run = samltest::run_tool(NODE_PATH, {IAM_SIMULATE_SCRIPT, input.path()});
  BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  const Json answers = Json::parse(run.out);
  BOOST_REQUIRE_EQUAL(answers.size(), cases.size());
  std::size_t agreed = 0;
  std::map<std::string, int> differences;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const std::string id = case_id(cases[i]);
    BOOST_TEST_REQUIRE(answers[i].is_boolean(), id << ": iam-simulate: " << answers[i].dump());
    const saml::iam::Tri ours = samlkit_answer(cases[i]);
    BOOST_TEST_REQUIRE((ours != saml::iam::Tri::Unknown), id);
    const bool samlkit = ours == saml::iam::Tri::True;
    if (const Documented* rule = documented(cases[i]); rule && answers[i].get<bool>() != samlkit) {
      BOOST_TEST(samlkit == rule->aws_answer(cases[i]), id << ": samlkit must follow AWS's documentation (" << rule->name << ")");
      ++differences[rule->name];
      continue;
    }
    BOOST_TEST(samlkit == answers[i].get<bool>(), id << ": samlkit " << samlkit << ", iam-simulate " << answers[i]);
    if (samlkit == answers[i].get<bool>()) ++agreed;
  }
  BOOST_TEST_MESSAGE(agreed << " of " << cases.size() << " cases agree");
  for (const auto& [name, count] : differences) BOOST_TEST_MESSAGE(count << " cases differ: " << name);
}
