// The AWS view of an assertion: Role pairs, RoleSessionName, SessionDuration, session tags,
// SourceIdentity; every problem with them becomes an AWS0xx finding at the value it concerns.
#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "aws/attribute_values.h"
#include "aws/iam_chars.h"
#include "aws/quote.h"
#include "aws/role_value.h"
#include "saml/aws.h"
#include "saml/rules.h"

namespace saml {
namespace {

using detail::quote_value;

constexpr long kMinSessionDuration = 900;
constexpr long kMaxSessionDuration = 43200;
constexpr std::size_t kMinSessionName = 2;
constexpr std::size_t kMaxSessionName = 64;

using Value = detail::AttributeValue;
using Values = detail::AttributeValues;

Values collect(const Assertion& assertion, std::string_view name) {
  return detail::collect_attribute_values(assertion, name);
}

std::string quoted_list(const std::vector<Value>& values) {
  std::string out;
  for (const Value& v : values) out += (out.empty() ? "" : ", ") + quote_value(v.text);
  return out;
}

RuleId rule_for_role_error(ErrorCode code) {
  if (code == ErrorCode::AwsRoleRoleArn) return RuleId::role_arn_invalid;
  if (code == ErrorCode::AwsRoleProviderArn) return RuleId::provider_arn_invalid;
  return RuleId::role_value_malformed;
}

void read_roles(const Assertion& assertion, AwsView& view, std::vector<Finding>& findings) {
  const Values roles = collect(assertion, aws_attr::role);
  if (roles.values.empty()) {
    findings.push_back(make_finding(
        RuleId::role_missing, roles.present ? "the Role attribute has no values" : "no Role attribute",
        *roles.where));
    return;
  }
  view.roles.reserve(roles.values.size());
  for (const Value& value : roles.values) {
    RolePair& pair = view.roles.emplace_back();
    if (std::optional<Error> error = detail::parse_role_value_into(value.text, pair)) {
      view.roles.pop_back();
      findings.push_back(make_finding(rule_for_role_error(error->code),
                                      "Role value " + quote_value(value.text) + ": " + error->message,
                                      *value.where));
      continue;
    }
    const Arn& role = pair.role;
    const Arn& provider = pair.provider;
    if (role.partition != provider.partition) {
      findings.push_back(make_finding(
          RuleId::role_partitions_differ, "Role value " + quote_value(value.text) + ": role partition '" +
                        role.partition + "' differs from provider partition '" +
                        provider.partition + "'",
          *value.where));
    }
    if (role.account != provider.account) {
      findings.push_back(make_finding(
          RuleId::role_accounts_differ, "Role value " + quote_value(value.text) + ": role account " +
                        role.account + " differs from provider account " + provider.account,
          *value.where));
    }
    if (pair.trimmed) {
      findings.push_back(make_finding(
          RuleId::role_whitespace, "Role value " + quote_value(value.text) + " has whitespace around its ARNs",
          *value.where));
    }
  }
}

void read_session_name(const Assertion& assertion, AwsView& view, std::vector<Finding>& findings) {
  const Values names = collect(assertion, aws_attr::role_session_name);
  if (names.values.size() != 1) {
    std::string message = !names.present ? "no RoleSessionName attribute"
                          : names.values.empty()
                              ? "the RoleSessionName attribute has no values"
                              : "RoleSessionName has " + std::to_string(names.values.size()) +
                                    " values: " + quoted_list(names.values);
    findings.push_back(make_finding(RuleId::session_name_missing, std::move(message), *names.where));
    return;
  }
  const Value& name = names.values.front();
  view.role_session_name = std::string(name.text);
  if (name.text.size() < kMinSessionName || name.text.size() > kMaxSessionName) {
    findings.push_back(make_finding(
        RuleId::session_name_invalid, "RoleSessionName " + quote_value(name.text) + " has length " +
                      std::to_string(name.text.size()) + "; expected 2 to 64 characters",
        *name.where));
    return;
  }
  for (std::size_t i = 0; i < name.text.size(); ++i) {
    if (!detail::kIamNameChars.contains(name.text[i])) {
      findings.push_back(make_finding(
          RuleId::session_name_invalid, "RoleSessionName " + quote_value(name.text) + " has a character outside " +
                        std::string(detail::kIamNamePattern) + " at position " + std::to_string(i + 1),
          *name.where));
      return;
    }
  }
}

// Digits only: no sign, no spaces; overflow is reported rather than wrapped.
std::optional<long> parse_seconds(std::string_view text) {
  if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
  long value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

void read_session_duration(const Assertion& assertion, AwsView& view,
                           std::vector<Finding>& findings) {
  const Values durations = collect(assertion, aws_attr::session_duration);
  if (!durations.present) return;
  if (durations.values.size() != 1) {
    findings.push_back(make_finding(
        RuleId::session_duration_invalid, "SessionDuration must have exactly one value; found " +
                      std::to_string(durations.values.size()) +
                      (durations.values.empty() ? "" : ": " + quoted_list(durations.values)),
        *durations.where));
    return;
  }
  const Value& duration = durations.values.front();
  const std::optional<long> seconds = parse_seconds(duration.text);
  if (!seconds) {
    findings.push_back(make_finding(
        RuleId::session_duration_invalid, "SessionDuration " + quote_value(duration.text) +
                      " is not a whole number of seconds (digits only)",
        *duration.where));
    return;
  }
  view.session_duration = *seconds;
  if (*seconds < kMinSessionDuration || *seconds > kMaxSessionDuration) {
    findings.push_back(make_finding(RuleId::session_duration_invalid, "SessionDuration " + quote_value(duration.text) +
                                                  " is outside 900 to 43200 seconds",
                                    *duration.where));
  }
}

void read_tags(const Assertion& assertion, AwsView& view) {
  for (const Attribute& attr : assertion.attributes) {
    const std::string_view name = attr.name;
    if (name.substr(0, aws_attr::principal_tag_prefix.size()) == aws_attr::principal_tag_prefix) {
      view.tags.push_back(PrincipalTag{
          std::string(name.substr(aws_attr::principal_tag_prefix.size())), attr.values});
    } else if (name == aws_attr::transitive_tag_keys) {
      view.transitive_tag_keys.insert(view.transitive_tag_keys.end(), attr.values.begin(),
                                      attr.values.end());
    } else if (name == aws_attr::source_identity && !view.source_identity &&
               !attr.values.empty()) {
      view.source_identity = attr.values.front();
    }
  }
}

}  // namespace

AwsView read_aws_view(const Assertion& assertion, std::vector<Finding>& findings) {
  AwsView view;
  read_roles(assertion, view, findings);
  read_session_name(assertion, view, findings);
  read_session_duration(assertion, view, findings);
  read_tags(assertion, view);
  return view;
}

}  // namespace saml
