// Profiles: which service a response is judged for. One detection serves every tool.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "saml/model.h"

namespace saml {

enum class Profile {
  Aws,                // IAM SAML federation (AssumeRoleWithSAML, console sign-in)
  AwsIdentityCenter,  // IAM Identity Center as the service provider
  Generic,            // SAML core and security rules only; expectations only as given
};

// Every profile, in the order reports and option lists name them.
inline constexpr Profile kAllProfiles[] = {Profile::Aws, Profile::AwsIdentityCenter, Profile::Generic};

const char* profile_name(Profile profile);  // "aws", "aws-identity-center", "generic"
std::optional<Profile> parse_profile(std::string_view name);

struct DetectedProfile {
  Profile profile = Profile::Aws;
  std::string reason;  // what decided it, for every report
};

// The profile a message names, from exact matches against the AWS endpoint table
// (saml/aws_endpoints.h): Identity Center when an Audience is its issuer URL or a Recipient
// or Destination its ACS URL; IAM federation for an AWS audience, sign-in endpoint or Role
// attribute. When nothing identifies it the AWS profile applies (the tools' purpose), and
// the reason says so: nothing falls back to generic unless the user asks for it.
// `assertion` and `response` may be null.
DetectedProfile detect_profile(const Assertion* assertion, const Response* response);
// The user's choice when given ("given: --profile X"), else detect_profile.
DetectedProfile choose_profile(std::optional<Profile> given, const Assertion* assertion,
                               const Response* response);

}  // namespace saml
