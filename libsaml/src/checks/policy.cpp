// The AWS expectations a Policy falls back to: audiences and sign-in endpoints.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "saml/policy.h"

namespace saml {
namespace {

constexpr std::array<std::string_view, 3> kFixedEndpoints = {
    "https://signin.aws.amazon.com/saml",
    "https://signin.amazonaws-us-gov.com/saml",
    "https://signin.amazonaws.cn/saml",
};
constexpr std::string_view kRegionalPrefix = "https://";
constexpr std::string_view kRegionalSuffix = ".signin.aws.amazon.com/saml";
constexpr std::size_t kMaxRegionLength = 32;
constexpr std::string_view kAcsInfix = "/acs/";
constexpr std::string_view kIdpIdPrefix = "SAMLSP";
constexpr std::size_t kMaxIdpIdLength = 128;

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A region code: two or more groups of lowercase letters then a group of digits, joined by
// dashes ("us-east-1", "ap-southeast-2", "us-gov-west-1").
bool is_region_code(std::string_view region) {
  if (region.empty() || region.size() > kMaxRegionLength) return false;
  std::size_t letter_groups = 0;
  while (true) {
    const std::size_t dash = region.find('-');
    const std::string_view group = region.substr(0, dash);
    if (group.empty()) return false;
    if (dash == std::string_view::npos) {
      for (char c : group) {
        if (!is_digit(c)) return false;
      }
      return letter_groups >= 2;
    }
    for (char c : group) {
      if (!is_lower(c)) return false;
    }
    ++letter_groups;
    region.remove_prefix(dash + 1);
  }
}

bool is_upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || is_digit(c); }

// The ID IAM gives a SAML provider with encryption keys: "SAMLSP" then uppercase letters
// and digits.
bool is_idp_id(std::string_view id) {
  if (id.size() <= kIdpIdPrefix.size() || id.size() > kMaxIdpIdLength) return false;
  if (id.substr(0, kIdpIdPrefix.size()) != kIdpIdPrefix) return false;
  for (char c : id.substr(kIdpIdPrefix.size())) {
    if (!is_upper_or_digit(c)) return false;
  }
  return true;
}

bool is_plain_signin_endpoint(std::string_view url) {
  for (std::string_view endpoint : kFixedEndpoints) {
    if (url == endpoint) return true;
  }
  if (url.size() <= kRegionalPrefix.size() + kRegionalSuffix.size()) return false;
  if (url.substr(0, kRegionalPrefix.size()) != kRegionalPrefix) return false;
  if (url.substr(url.size() - kRegionalSuffix.size()) != kRegionalSuffix) return false;
  const std::string_view region = url.substr(
      kRegionalPrefix.size(), url.size() - kRegionalPrefix.size() - kRegionalSuffix.size());
  return is_region_code(region);
}

}  // namespace

const std::vector<std::string>& default_aws_audiences() {
  static const std::vector<std::string> audiences = {
      "urn:amazon:webservices",
      "https://signin.aws.amazon.com/saml",
      "urn:amazon:webservices:govcloud",
      "urn:amazon:webservices:cn-north-1",
  };
  return audiences;
}

bool is_aws_signin_endpoint(std::string_view url) {
  return is_plain_signin_endpoint(url) || is_aws_provider_acs_url(url);
}

bool is_aws_provider_acs_url(std::string_view url) {
  const std::size_t infix = url.rfind(kAcsInfix);
  if (infix == std::string_view::npos) return false;
  return is_plain_signin_endpoint(url.substr(0, infix)) &&
         is_idp_id(url.substr(infix + kAcsInfix.size()));
}

}  // namespace saml
