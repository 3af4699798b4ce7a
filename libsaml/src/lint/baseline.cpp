// The baseline of a verified response, and its JSON form (samlkit.baseline/1).
#include "saml/baseline.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <tuple>

namespace saml {
namespace {

using Json = nlohmann::ordered_json;
constexpr std::string_view kSchema = "samlkit.baseline/1";

void sort_unique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

std::optional<long long> minutes_between(const Instant& from, const Instant& to) {
  if (!from.value || !to.value) return std::nullopt;
  return std::chrono::round<std::chrono::minutes>(*to.value - *from.value).count();
}

// What RoleSessionName repeats: the NameID, another attribute's value, or nothing.
std::string session_name_source(const Assertion& assertion, const std::string& session_name) {
  if (assertion.has_name_id && assertion.name_id == session_name) return "NameID";
  for (const Attribute& attribute : assertion.attributes) {
    if (attribute.name == aws_attr::role_session_name) continue;
    const auto& values = attribute.values;
    if (std::find(values.begin(), values.end(), session_name) != values.end()) return attribute.name;
  }
  return "none";
}

Json nullable(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }

template <class T>
Json nullable_number(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Error baseline_error(std::string_view source, const std::string& what) {
  return Error{ErrorKind::Config, ErrorCode::BaselineJson,
               std::string(source) + ": not a " + std::string(kSchema) + " baseline: " + what, {}};
}

bool read_string_array(const Json& json, const char* key, std::vector<std::string>& out) {
  const auto it = json.find(key);
  if (it == json.end() || !it->is_array()) return false;
  for (const Json& value : *it) {
    if (!value.is_string()) return false;
    out.push_back(value.get<std::string>());
  }
  return true;
}

bool read_optional_string(const Json& json, const char* key, std::optional<std::string>& out) {
  const auto it = json.find(key);
  if (it == json.end()) return false;
  if (it->is_null()) return true;
  if (!it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

template <class T>
bool read_optional_integer(const Json& json, const char* key, std::optional<T>& out) {
  const auto it = json.find(key);
  if (it == json.end()) return false;
  if (it->is_null()) return true;
  if (!it->is_number_integer()) return false;
  out = it->get<T>();
  return true;
}

bool read_signature(const Json& json, BaselineSignature& out) {
  if (!json.is_object()) return false;
  const auto text = [&](const char* key, std::string& field) {
    const auto it = json.find(key);
    if (it == json.end() || !it->is_string()) return false;
    field = it->get<std::string>();
    return true;
  };
  return text("element", out.element) && text("signature_method", out.signature_method) &&
         text("digest_method", out.digest_method) && text("certificate_sha256", out.certificate_sha256) &&
         text("certificate_subject", out.certificate_subject);
}

}  // namespace

std::optional<Baseline> baseline_of(const Verdict& verdict) {
  if (!verdict.assertion) return std::nullopt;
  const Assertion& assertion = *verdict.assertion;
  Baseline baseline;
  baseline.issuer = assertion.issuer;
  for (const SignatureReport& report : verdict.signatures.signatures) {
    if (report.status != SignatureStatus::Verified || !report.key_used) continue;
    baseline.signatures.push_back({report.signed_element, report.signature_method, report.digest_method,
                                   format_fingerprint(report.key_used->fingerprint),
                                   report.key_used->subject});
  }
  std::sort(baseline.signatures.begin(), baseline.signatures.end(),
            [](const BaselineSignature& a, const BaselineSignature& b) {
              return std::tie(a.element, a.certificate_sha256) < std::tie(b.element, b.certificate_sha256);
            });
  if (assertion.has_name_id) baseline.name_id_format = assertion.name_id_format;
  for (const Attribute& attribute : assertion.attributes) baseline.attributes.push_back(attribute.name);
  sort_unique(baseline.attributes);
  if (verdict.aws) {
    for (const RolePair& pair : verdict.aws->roles) {
      baseline.roles.push_back(pair.role.to_string() + "," + pair.provider.to_string());
    }
    sort_unique(baseline.roles);
    if (verdict.aws->role_session_name) {
      baseline.session_name_source = session_name_source(assertion, *verdict.aws->role_session_name);
    }
    baseline.session_duration_seconds = verdict.aws->session_duration;
  }
  baseline.assertion_lifetime_minutes =
      minutes_between(assertion.issue_instant, assertion.conditions.not_on_or_after);
  for (const SubjectConfirmation& confirmation : assertion.confirmations) {
    baseline.confirmation_lifetime_minutes =
        minutes_between(assertion.issue_instant, confirmation.not_on_or_after);
    if (baseline.confirmation_lifetime_minutes) break;
  }
  for (const AuthnStatement& statement : assertion.authn_statements) {
    baseline.session_lifetime_minutes =
        minutes_between(statement.authn_instant, statement.session_not_on_or_after);
    if (baseline.session_lifetime_minutes) break;
  }
  return baseline;
}

std::string baseline_to_json(const Baseline& baseline) {
  Json j;
  j["schema"] = kSchema;
  j["issuer"] = baseline.issuer;
  Json signatures = Json::array();
  for (const BaselineSignature& s : baseline.signatures) {
    signatures.push_back({{"element", s.element},
                          {"signature_method", s.signature_method},
                          {"digest_method", s.digest_method},
                          {"certificate_sha256", s.certificate_sha256},
                          {"certificate_subject", s.certificate_subject}});
  }
  j["signatures"] = signatures;
  j["name_id_format"] = nullable(baseline.name_id_format);
  j["attributes"] = baseline.attributes;
  j["roles"] = baseline.roles;
  j["session_name_source"] = nullable(baseline.session_name_source);
  j["assertion_lifetime_minutes"] = nullable_number(baseline.assertion_lifetime_minutes);
  j["confirmation_lifetime_minutes"] = nullable_number(baseline.confirmation_lifetime_minutes);
  j["session_lifetime_minutes"] = nullable_number(baseline.session_lifetime_minutes);
  j["session_duration_seconds"] = nullable_number(baseline.session_duration_seconds);
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Expected<Baseline> baseline_from_json(std::string_view text, std::string_view source) {
  const Json j = Json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return baseline_error(source, "not a JSON object");
  const auto schema = j.find("schema");
  if (schema == j.end() || !schema->is_string() || schema->get<std::string>() != kSchema) return baseline_error(source, "\"schema\" is not \"samlkit.baseline/1\"");
  Baseline baseline;
  const auto issuer = j.find("issuer");
  if (issuer == j.end() || !issuer->is_string()) return baseline_error(source, "\"issuer\" is not a string");
  baseline.issuer = issuer->get<std::string>();
  const auto signatures = j.find("signatures");
  if (signatures == j.end() || !signatures->is_array()) return baseline_error(source, "\"signatures\" is not an array");
  for (const Json& signature : *signatures) {
    BaselineSignature read;
    if (!read_signature(signature, read)) return baseline_error(source, "a \"signatures\" entry is incomplete");
    baseline.signatures.push_back(std::move(read));
  }
  if (!read_string_array(j, "attributes", baseline.attributes)) {
    return baseline_error(source, "\"attributes\" is not an array of strings");
  }
  if (!read_string_array(j, "roles", baseline.roles)) return baseline_error(source, "\"roles\" is not an array of strings");
  sort_unique(baseline.attributes);
  sort_unique(baseline.roles);
  if (!read_optional_string(j, "name_id_format", baseline.name_id_format) ||
      !read_optional_string(j, "session_name_source", baseline.session_name_source)) {
    return baseline_error(source, "\"name_id_format\" or \"session_name_source\" is not a string or null");
  }
  if (!read_optional_integer(j, "assertion_lifetime_minutes", baseline.assertion_lifetime_minutes) ||
      !read_optional_integer(j, "confirmation_lifetime_minutes", baseline.confirmation_lifetime_minutes) ||
      !read_optional_integer(j, "session_lifetime_minutes", baseline.session_lifetime_minutes) ||
      !read_optional_integer(j, "session_duration_seconds", baseline.session_duration_seconds)) {
    return baseline_error(source, "a lifetime is not an integer or null");
  }
  return baseline;
}

}  // namespace saml
