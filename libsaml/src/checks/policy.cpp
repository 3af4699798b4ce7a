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

}  // namespace saml
