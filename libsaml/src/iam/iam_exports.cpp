// The AWS CLI's JSON outputs: get-role, list-roles, get-account-authorization-details, a bare
// trust policy, get-saml-provider and identitystore list-users. Errors name the file and the
// JSON path of what is missing.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "iam/policy_json.h"
#include "saml/iam.h"

namespace saml::iam {
namespace {

using Json = nlohmann::json;

Error config_error(std::string_view source, const std::string& message) {
  return Error{ErrorKind::Config, "iam.input", std::string(source) + ": " + message, {}};
}

Expected<Json> parse_json(std::string_view text, std::string_view source) {
  Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded()) return config_error(source, "not valid JSON");
  if (!json.is_object()) return config_error(source, "expected a JSON object at $");
  return json;
}

Expected<std::string> string_field(const Json& object, const char* name, std::string_view source,
                                   const std::string& path) {
  const auto it = object.find(name);
  if (it == object.end() || !it->is_string()) {
    return config_error(source, path + "." + name + ": missing or not a string");
  }
  return it->get<std::string>();
}

// Adds a role; a role seen twice keeps the MaxSessionDuration either export gave.
void add_role(Role role, Inputs& inputs) {
  for (Role& known : inputs.roles) {
    if (known.arn != role.arn) continue;
    if (!role.max_session_duration) role.max_session_duration = known.max_session_duration;
    known = std::move(role);
    return;
  }
  inputs.roles.push_back(std::move(role));
}

// One role object of get-role, list-roles or RoleDetailList.
Expected<Ok> read_role(const Json& json, std::string_view source, const std::string& path,
                       Inputs& inputs) {
  if (!json.is_object()) return config_error(source, path + ": expected an object");
  auto arn = string_field(json, "Arn", source, path);
  if (!arn) return arn.error();
  auto parsed = parse_iam_arn(*arn);
  if (!parsed) return config_error(source, path + ".Arn: " + parsed.error().message);
  const auto document = json.find("AssumeRolePolicyDocument");
  if (document == json.end()) {
    return config_error(source, path + ".AssumeRolePolicyDocument: missing");
  }
  const std::string where = std::string(source) + ": " + path + ".AssumeRolePolicyDocument";
  auto policy = read_policy_value(*document, where);
  if (!policy) return policy.error();
  Role role{*arn, *parsed, std::nullopt, std::move(*policy), std::string(source)};
  if (auto max = json.find("MaxSessionDuration"); max != json.end()) {
    if (!max->is_number_integer()) {
      return config_error(source, path + ".MaxSessionDuration: not an integer");
    }
    role.max_session_duration = max->get<long>();
  }
  add_role(std::move(role), inputs);
  return Ok{};
}

Expected<Ok> read_role_list(const Json& list, std::string_view source, const std::string& path,
                            Inputs& inputs) {
  if (!list.is_array()) return config_error(source, path + ": expected an array");
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto read = read_role(list[i], source, path + "[" + std::to_string(i) + "]", inputs);
    if (!read) return read;
  }
  return Ok{};
}

std::optional<TimePoint> optional_date(const Json& json, const char* name) {
  const auto it = json.find(name);
  if (it == json.end() || !it->is_string()) return std::nullopt;
  auto parsed = parse_xs_datetime(it->get<std::string>());
  if (!parsed) return std::nullopt;
  return *parsed;
}

}  // namespace

Expected<Ok> read_iam_export(std::string_view json_text, std::string_view source,
                             const std::optional<std::string>& role_arn, Inputs& inputs) {
  auto json = parse_json(json_text, source);
  if (!json) return json.error();
  inputs.any_iam = true;
  if (auto role = json->find("Role"); role != json->end()) {
    return read_role(*role, source, "$.Role", inputs);
  }
  if (auto roles = json->find("Roles"); roles != json->end()) {
    return read_role_list(*roles, source, "$.Roles", inputs);
  }
  if (auto details = json->find("RoleDetailList"); details != json->end()) {
    auto read = read_role_list(*details, source, "$.RoleDetailList", inputs);
    if (!read) return read;
    // A truncated export lists only some roles: a role missing from it may still exist.
    const auto truncated = json->find("IsTruncated");
    if ((truncated != json->end() && truncated->is_boolean() && truncated->get<bool>()) ||
        json->contains("Marker")) {
      inputs.notes.push_back(std::string(source) +
                             ": partial export (IsTruncated/Marker): roles beyond it are not known; "
                             "run get-account-authorization-details without --max-items");
    }
    return Ok{};
  }
  if (json->contains("Statement")) {
    if (!role_arn) {
      return config_error(source, "a bare trust policy needs --iam-role-arn ARN to name its role");
    }
    auto parsed = parse_iam_arn(*role_arn);
    if (!parsed || parsed->kind != ArnKind::Role) {
      return config_error(source, "--iam-role-arn " + *role_arn + ": not an IAM role ARN");
    }
    Role role{*role_arn, *parsed, std::nullopt,
              read_trust_policy(*json, std::string(source) + ": $"), std::string(source)};
    add_role(std::move(role), inputs);
    return Ok{};
  }
  return config_error(source,
                      "not an export samlkit reads: expected $.Role (aws iam get-role), $.Roles "
                      "(list-roles), $.RoleDetailList (get-account-authorization-details) or a "
                      "trust policy ($.Statement)");
}

Expected<SamlProvider> read_saml_provider(std::string_view json_text, std::string_view source,
                                          std::string_view arn) {
  auto parsed_arn = parse_iam_arn(arn);
  if (!parsed_arn || parsed_arn->kind != ArnKind::SamlProvider) {
    return config_error(source, "--iam-saml-provider " + std::string(arn) +
                                    ": not a saml-provider ARN");
  }
  auto json = parse_json(json_text, source);
  if (!json) return json.error();
  auto metadata = string_field(*json, "SAMLMetadataDocument", source, "$");
  if (!metadata) return metadata.error();
  return SamlProvider{std::string(arn), std::move(*metadata), optional_date(*json, "ValidUntil"),
                      optional_date(*json, "CreateDate"), std::string(source)};
}

Expected<std::vector<IdentityStoreUser>> read_identity_store(std::string_view json_text,
                                                             std::string_view source) {
  auto json = parse_json(json_text, source);
  if (!json) return json.error();
  const auto users = json->find("Users");
  if (users == json->end() || !users->is_array()) {
    return config_error(source, "$.Users: missing or not an array (aws identitystore list-users)");
  }
  std::vector<IdentityStoreUser> out;
  for (std::size_t i = 0; i < users->size(); ++i) {
    const std::string path = "$.Users[" + std::to_string(i) + "]";
    const Json& user = (*users)[i];
    if (!user.is_object()) return config_error(source, path + ": expected an object");
    auto id = string_field(user, "UserId", source, path);
    if (!id) return id.error();
    auto name = string_field(user, "UserName", source, path);
    if (!name) return name.error();
    out.push_back({std::move(*id), std::move(*name)});
  }
  return out;
}

}  // namespace saml::iam
