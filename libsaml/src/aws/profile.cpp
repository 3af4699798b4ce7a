// Profiles: names, and the one detection every tool uses.
#include "saml/profile.h"

#include <vector>

#include "saml/aws.h"
#include "saml/aws_endpoints.h"

namespace saml {
namespace {

struct Endpoint {
  std::string_view what;   // "Audience", "Recipient", "Destination"
  std::string_view value;
};

std::vector<Endpoint> endpoints_of(const Assertion* assertion, const Response* response) {
  std::vector<Endpoint> endpoints;
  std::size_t count = response != nullptr ? 1 : 0;
  if (assertion != nullptr) {
    for (const AudienceRestriction& restriction : assertion->conditions.audience_restrictions) {
      count += restriction.audiences.size();
    }
    count += assertion->confirmations.size();
  }
  endpoints.reserve(count);
  if (assertion != nullptr) {
    for (const AudienceRestriction& restriction : assertion->conditions.audience_restrictions) {
      for (const std::string& audience : restriction.audiences) endpoints.push_back({"Audience", audience});
    }
    for (const SubjectConfirmation& confirmation : assertion->confirmations) {
      if (confirmation.has_recipient) endpoints.push_back({"Recipient", confirmation.recipient});
    }
  }
  if (response != nullptr && response->has_destination) {
    endpoints.push_back({"Destination", response->destination});
  }
  return endpoints;
}

// An Identity Center ACS URL anywhere, or its issuer URL as the Audience.
bool names_identity_center(const Endpoint& endpoint, const AwsEndpoint& aws) {
  return aws.kind == AwsEndpointKind::IdentityCenterAcs ||
         (aws.kind == AwsEndpointKind::IdentityCenterIssuer && endpoint.what == "Audience");
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
  const std::vector<Endpoint> endpoints = endpoints_of(assertion, response);
  for (const Endpoint& endpoint : endpoints) {
    const auto aws = classify_aws_endpoint(endpoint.value);
    if (aws && names_identity_center(endpoint, *aws)) {
      return {Profile::AwsIdentityCenter,
              "detected: IAM Identity Center " + std::string(endpoint.what) + " " + std::string(endpoint.value)};
    }
  }
  for (const Endpoint& endpoint : endpoints) {
    if (!partition_of_endpoint(endpoint.value).empty()) {
      return {Profile::Aws, "detected: AWS " + std::string(endpoint.what) + " " + std::string(endpoint.value)};
    }
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
