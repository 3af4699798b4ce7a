// Profiles: names, and the one detection every tool uses.
#include "saml/profile.h"

#include <string>
#include <string_view>
#include <vector>

#include "aws/message_endpoints.h"
#include "saml/aws.h"
#include "saml/aws_endpoints.h"

namespace saml {
namespace {

using Endpoint = detail::MessageEndpoint;

// An Identity Center ACS URL anywhere, or its issuer URL as the Audience.
bool names_identity_center(const Endpoint& endpoint, const AwsEndpoint& aws) {
  return aws.kind == AwsEndpointKind::IdentityCenterAcs ||
         (aws.kind == AwsEndpointKind::IdentityCenterIssuer && endpoint.label == "Audience");
}

// "detected: <kind> <label> <value>", written into one buffer (it is the Verdict's
// profile_reason for every message).
std::string detected_reason(std::string_view kind, const Endpoint& endpoint) {
  constexpr std::string_view prefix = "detected: ";
  std::string reason;
  reason.reserve(prefix.size() + kind.size() + endpoint.label.size() + 1 + endpoint.value.size());
  reason.append(prefix).append(kind).append(endpoint.label).append(1, ' ').append(endpoint.value);
  return reason;  // by name: returning the reference append() gives would copy the string
}

}  // namespace

const char* profile_name(Profile profile) {
  switch (profile) {
    case Profile::Aws: return "aws";
    case Profile::AwsIdentityCenter: return "aws-identity-center";
    case Profile::Generic: return "generic";
  }
  return "aws";
}

std::optional<Profile> parse_profile(std::string_view name) {
  for (Profile profile : kAllProfiles) {
    if (name == profile_name(profile)) return profile;
  }
  return std::nullopt;
}

DetectedProfile detect_profile(const Assertion* assertion, const Response* response) {
  const std::vector<Endpoint> endpoints = detail::message_endpoints(assertion, response);
  // One pass, each endpoint classified once (it parses the URL): an Identity Center endpoint
  // anywhere decides; else the first endpoint with an AWS partition.
  const Endpoint* first_aws = nullptr;
  for (const Endpoint& endpoint : endpoints) {
    const std::optional<AwsEndpoint> aws = classify_aws_endpoint(endpoint.value);
    if (!aws) continue;
    if (names_identity_center(endpoint, *aws)) {
      return {Profile::AwsIdentityCenter, detected_reason("IAM Identity Center ", endpoint)};
    }
    if (first_aws == nullptr && !partition_of(*aws).empty()) first_aws = &endpoint;
  }
  if (first_aws != nullptr) {
    return {Profile::Aws, detected_reason("AWS ", *first_aws)};
  }
  if (assertion != nullptr && assertion->find_attribute(aws_attr::role) != nullptr) {
    return {Profile::Aws, "detected: AWS Role attribute"};
  }
  return {Profile::Aws, assertion == nullptr
                            ? "default: no assertion to detect the profile from (--profile to choose)"
                            : "default: no AWS or Identity Center endpoint found (--profile generic "
                              "for other service providers)"};
}

DetectedProfile choose_profile(std::optional<Profile> given, const Assertion* assertion,
                               const Response* response) {
  if (given) return {*given, "given: --profile " + std::string(profile_name(*given))};
  return detect_profile(assertion, response);
}

}  // namespace saml
