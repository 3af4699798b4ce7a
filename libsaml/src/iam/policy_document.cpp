// Trust policy documents: the JSON IAM stores (or its URL-encoded text) read into statements.
// What IAM itself would refuse in a trust policy is recorded in PolicyDocument::invalid,
// not as an error: the report says why the role cannot be assumed.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "capture/percent_decode.h"
#include "iam/policy_json.h"
#include "saml/iam.h"

namespace saml::iam {
namespace {

using Json = nlohmann::json;

// A policy element that may be one string or an array of strings.
std::vector<std::string> string_list(const Json& value, const std::string& where,
                                     std::vector<std::string>& invalid) {
  std::vector<std::string> out;
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
    return out;
  }
  if (value.is_array()) {
    for (const Json& item : value) {
      if (item.is_string()) out.push_back(item.get<std::string>());
      else invalid.push_back(where + ": expected strings, found " + item.type_name());
    }
    return out;
  }
  invalid.push_back(where + ": expected a string or an array of strings, found " + value.type_name());
  return out;
}

// Condition values: IAM accepts strings, numbers and booleans, alone or in an array.
std::vector<std::string> condition_values(const Json& value, const std::string& where,
                                          std::vector<std::string>& invalid) {
  std::vector<std::string> out;
  auto add = [&](const Json& item) {
    if (item.is_string()) out.push_back(item.get<std::string>());
    else if (item.is_boolean()) out.push_back(item.get<bool>() ? "true" : "false");
    else if (item.is_number()) out.push_back(item.dump());
    else invalid.push_back(where + ": a condition value must be a string, number or boolean");
  };
  if (value.is_array()) {
    for (const Json& item : value) add(item);
  } else {
    add(value);
  }
  return out;
}

void read_principal(const Json& value, const std::string& where, Statement& statement,
                    std::vector<std::string>& invalid) {
  if (value.is_string()) {
    if (value.get<std::string>() == "*") statement.principals.push_back({"*", "*"});
    else invalid.push_back(where + ": a string Principal must be \"*\"");
    return;
  }
  if (!value.is_object()) {
    invalid.push_back(where + ": Principal must be \"*\" or an object");
    return;
  }
  for (const auto& [type, names] : value.items()) {
    for (std::string& name : string_list(names, where + "." + type, invalid)) {
      statement.principals.push_back({type, std::move(name)});
    }
  }
}

std::string statement_label(std::size_t index, const std::string& sid) {
  std::string label = "Statement[" + std::to_string(index) + "]";
  if (!sid.empty()) label += " (Sid \"" + sid + "\")";
  return label;
}

Statement read_statement(const Json& json, std::size_t index, const std::string& base,
                         std::vector<std::string>& invalid) {
  Statement statement;
  const std::string where = base + "[" + std::to_string(index) + "]";
  if (!json.is_object()) {
    invalid.push_back(where + ": a statement must be an object");
    return statement;
  }
  if (auto sid = json.find("Sid"); sid != json.end() && sid->is_string()) statement.sid = *sid;
  statement.label = statement_label(index, statement.sid);
  const auto effect = json.find("Effect");
  if (effect == json.end() || !effect->is_string() ||
      (*effect != "Allow" && *effect != "Deny")) {
    invalid.push_back(where + ".Effect: must be \"Allow\" or \"Deny\"");
  } else {
    statement.allow = *effect == "Allow";
  }
  if (json.contains("NotPrincipal")) {
    invalid.push_back(where + ".NotPrincipal: IAM refuses NotPrincipal in a role trust policy");
  }
  if (auto principal = json.find("Principal"); principal != json.end()) {
    read_principal(*principal, where + ".Principal", statement, invalid);
  } else if (!json.contains("NotPrincipal")) {
    invalid.push_back(where + ": a trust policy statement needs a Principal");
  }
  for (const char* field : {"Resource", "NotResource"}) {
    if (json.contains(field)) {
      invalid.push_back(where + "." + field + ": IAM refuses " + field + " in a role trust policy");
    }
  }
  const auto action = json.find("Action");
  const auto not_action = json.find("NotAction");
  if ((action == json.end()) == (not_action == json.end())) {
    invalid.push_back(where + ": a statement needs exactly one of Action and NotAction");
  } else if (action != json.end()) {
    statement.actions = string_list(*action, where + ".Action", invalid);
  } else {
    statement.not_action = true;
    statement.actions = string_list(*not_action, where + ".NotAction", invalid);
  }
  if (auto condition = json.find("Condition"); condition != json.end()) {
    if (!condition->is_object()) {
      invalid.push_back(where + ".Condition: must be an object");
    } else {
      for (const auto& [op, block] : condition->items()) {
        if (!block.is_object()) {
          invalid.push_back(where + ".Condition." + op + ": must be an object of keys");
          continue;
        }
        for (const auto& [key, values] : block.items()) {
          statement.conditions.push_back(
              {op, key, condition_values(values, where + ".Condition." + op + "." + key, invalid)});
        }
      }
    }
  }
  return statement;
}

}  // namespace

Expected<PolicyDocument> parse_trust_policy(std::string_view text, std::string_view where) {
  std::string decoded(text);
  // get-role prints the document URL-encoded in some CLI versions ("%7B%22Version...").
  const std::size_t first = decoded.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && decoded[first] == '%') {
    auto unescaped = percent_decode(decoded, false, 0);
    if (!unescaped) {
      return Error{ErrorKind::Config, "iam.policy",
                   std::string(where) + ": URL-encoded policy: " + unescaped.error().message, {}};
    }
    decoded = std::move(unescaped->text);
  }
  Json json = Json::parse(decoded, nullptr, false);
  if (json.is_discarded()) {
    return Error{ErrorKind::Config, "iam.policy",
                 std::string(where) + ": the policy document is not valid JSON", {}};
  }
  return read_trust_policy(json, where);
}

PolicyDocument read_trust_policy(const nlohmann::json& json, std::string_view where_view) {
  PolicyDocument policy;
  const std::string where(where_view);
  if (!json.is_object()) {
    policy.invalid.push_back(where + ": a policy document must be a JSON object");
    return policy;
  }
  if (auto version = json.find("Version"); version != json.end()) {
    if (*version == "2012-10-17") policy.variables = true;
    else if (*version != "2008-10-17") policy.invalid.push_back(where + ".Version: unknown version");
  }
  const auto statements = json.find("Statement");
  if (statements == json.end()) {
    policy.invalid.push_back(where + ": no Statement");
    return policy;
  }
  const std::string base = where + ".Statement";
  if (statements->is_object()) {
    policy.statements.push_back(read_statement(*statements, 0, base, policy.invalid));
  } else if (statements->is_array()) {
    for (std::size_t i = 0; i < statements->size(); ++i) {
      policy.statements.push_back(read_statement((*statements)[i], i, base, policy.invalid));
    }
  } else {
    policy.invalid.push_back(base + ": must be an object or an array");
  }
  return policy;
}

}  // namespace saml::iam

namespace saml::iam {

Expected<PolicyDocument> read_policy_value(const nlohmann::json& value, std::string_view where) {
  if (value.is_string()) return parse_trust_policy(value.get<std::string>(), where);
  return read_trust_policy(value, where);
}

}  // namespace saml::iam
