// AWS stage: the AWS view of an assertion, and the IAM ARN grammar.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saml/error.h"
#include "saml/finding.h"
#include "saml/model.h"

namespace saml {

namespace aws_attr {
inline constexpr std::string_view role = "https://aws.amazon.com/SAML/Attributes/Role";
inline constexpr std::string_view role_session_name =
    "https://aws.amazon.com/SAML/Attributes/RoleSessionName";
inline constexpr std::string_view session_duration =
    "https://aws.amazon.com/SAML/Attributes/SessionDuration";
inline constexpr std::string_view principal_tag_prefix =
    "https://aws.amazon.com/SAML/Attributes/PrincipalTag:";
inline constexpr std::string_view transitive_tag_keys =
    "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys";
inline constexpr std::string_view source_identity =
    "https://aws.amazon.com/SAML/Attributes/SourceIdentity";
}  // namespace aws_attr

enum class ArnKind { Role, SamlProvider };

struct Arn {
  std::string partition;  // aws, aws-us-gov, aws-cn
  std::string account;    // 12 digits
  ArnKind kind = ArnKind::Role;
  std::string path;       // "/" or "/a/b/" (roles only; "/" for providers)
  std::string name;

  std::string to_string() const;  // prints back exactly the parsed text
};

// Parses an IAM role or saml-provider ARN, with precise error messages. ASCII only.
Expected<Arn> parse_iam_arn(std::string_view text);

struct RolePair {
  Arn role;
  Arn provider;
  bool provider_first = false;   // "provider,role" (Okta's order)
  bool trimmed = false;          // whitespace around the ARNs was removed
  std::string raw;               // the value as sent
};

struct PrincipalTag {
  std::string key;
  std::vector<std::string> values;
};

struct AwsView {
  std::vector<RolePair> roles;
  std::optional<std::string> role_session_name;
  std::optional<long> session_duration;
  std::vector<PrincipalTag> tags;
  std::vector<std::string> transitive_tag_keys;
  std::optional<std::string> source_identity;
};

// Splits one Role attribute value into its two ARNs, in either order.
Expected<RolePair> parse_role_value(std::string_view value);

// Extracts the AWS view and reports every AWS attribute problem as a finding
// (AWS0xx rule IDs). Call it only with a verified assertion for a verdict.
AwsView read_aws_view(const Assertion& assertion, std::vector<Finding>& findings);

}  // namespace saml
