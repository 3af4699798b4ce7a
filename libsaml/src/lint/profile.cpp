#include "lint/profile.h"

#include <algorithm>
#include <array>

#include "saml/aws.h"

namespace saml {

const char* profile_name(Profile profile) {
  switch (profile) {
    case Profile::Aws: return "aws";
    case Profile::AwsIdentityCenter: return "aws-identity-center";
    case Profile::Generic: return "generic";
  }
  return "aws";
}

std::optional<Profile> parse_profile(std::string_view name) {
  for (Profile profile : {Profile::Aws, Profile::AwsIdentityCenter, Profile::Generic}) {
    if (name == profile_name(profile)) return profile;
  }
  return std::nullopt;
}

bool rule_in_profile(const Rule& rule, Profile profile) {
  unsigned bits = rule.profiles;
  if (bits == rule_profile::by_area) {
    bits = rule.id.substr(0, 3) == "AWS"
               ? rule_profile::aws
               : rule_profile::aws | rule_profile::identity_center | rule_profile::generic;
  }
  switch (profile) {
    case Profile::Aws: return (bits & rule_profile::aws) != 0;
    case Profile::AwsIdentityCenter: return (bits & rule_profile::identity_center) != 0;
    case Profile::Generic: return (bits & rule_profile::generic) != 0;
  }
  return false;
}

namespace lint {
namespace {

constexpr std::string_view kIdentityCenterPath = "/platform/saml/";

bool is_identity_center_url(std::string_view url) {
  return url.find(kIdentityCenterPath) != std::string_view::npos;
}

}  // namespace

DetectedProfile detect_profile(const Verdict& verdict) {
  if (!verdict.assertion) {
    return {Profile::Aws, "default: no verified assertion to detect the profile from"};
  }
  const Assertion& assertion = *verdict.assertion;
  std::vector<std::string_view> audiences;
  for (const AudienceRestriction& restriction : assertion.conditions.audience_restrictions) {
    audiences.insert(audiences.end(), restriction.audiences.begin(), restriction.audiences.end());
  }
  for (std::string_view audience : audiences) {
    if (is_identity_center_url(audience)) {
      return {Profile::AwsIdentityCenter, "detected: audience " + std::string(audience)};
    }
  }
  for (const SubjectConfirmation& confirmation : assertion.confirmations) {
    if (is_identity_center_url(confirmation.recipient)) {
      return {Profile::AwsIdentityCenter, "detected: Recipient " + confirmation.recipient};
    }
  }
  const auto& aws_audiences = default_aws_audiences();
  for (std::string_view audience : audiences) {
    if (std::find(aws_audiences.begin(), aws_audiences.end(), audience) != aws_audiences.end()) {
      return {Profile::Aws, "detected: AWS audience " + std::string(audience)};
    }
  }
  for (const SubjectConfirmation& confirmation : assertion.confirmations) {
    if (is_aws_signin_endpoint(confirmation.recipient)) {
      return {Profile::Aws, "detected: AWS sign-in Recipient " + confirmation.recipient};
    }
  }
  if (assertion.find_attribute(aws_attr::role) != nullptr) {
    return {Profile::Aws, "detected: AWS Role attribute"};
  }
  return {Profile::Generic, "detected: no AWS audience, Recipient or Role attribute"};
}

bool is_aws_side_rule(std::string_view rule_id) {
  const std::string_view area = rule_id.substr(0, 3);
  return area == "IAM" || area == "OKT";
}

bool needs_verified_assertion(std::string_view rule_id) {
  constexpr std::array<std::string_view, 2> kProtocolOnAssertion = {"PRO003", "PRO004"};
  const std::string_view area = rule_id.substr(0, 3);
  if (rule_id == "AWS011") return false;  // measured on the captured message
  return area == "SUB" || area == "CND" || area == "AWS" || area == "HYG" || is_aws_side_rule(rule_id) ||
         std::find(kProtocolOnAssertion.begin(), kProtocolOnAssertion.end(), rule_id) !=
             kProtocolOnAssertion.end();
}

bool verify_finding_applies(const Finding& finding, Profile profile, const Policy& policy,
                            bool have_trusted_keys) {
  const std::string_view id = finding.rule_id;
  // Without a key nothing could verify; SIG012 says so once instead.
  if (!have_trusted_keys && (id == "SIG001" || id == "SIG008" || id == "SIG011")) return false;
  const Rule* rule = find_rule(id);
  if (rule != nullptr && !rule_in_profile(*rule, profile)) return false;
  // Outside IAM federation the AWS endpoints are no expectation: only what was given counts.
  if (profile != Profile::Aws) {
    if (id == "SUB005" && policy.recipients.empty()) return false;
    if (id == "CND004" && policy.audiences.empty()) return false;
  }
  return true;
}

}  // namespace lint
}  // namespace saml
