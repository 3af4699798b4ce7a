// The AWS SAML endpoints. Sources: IAM User Guide, "Configure SAML assertions for the
// authentication response" and "Configure your SAML 2.0 IdP with relying party trust"
// (sign-in endpoints, /saml/acs/<IdP-ID>, audiences); "AWS GovCloud (US) IAM" and the China
// sign-in pages (partition endpoints); IAM Identity Center User Guide, "Workforce access
// through an additional Region" (ACS URL forms: IPv4 <region>.signin.aws, dual-stack
// <region>.sso.signin.aws, the older <region>.signin.aws.amazon.com) and "Connect to an
// external identity provider" (issuer URL .../platform/saml/d-<id>); region patterns as
// the SDKs' partition data gives them.
#include "saml/aws_endpoints.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace saml {
namespace {

constexpr std::string_view kHttps = "https://";

struct FixedAudience {
  std::string_view value;
  std::string_view partition;
};

constexpr std::array<FixedAudience, 5> kAudiences = {{
    {"urn:amazon:webservices", "aws"},
    {"https://signin.aws.amazon.com/saml", "aws"},
    {"urn:amazon:webservices:govcloud", "aws-us-gov"},
    {"urn:amazon:webservices:cn-north-1", "aws-cn"},
    {"urn:amazon:webservices:cn-northwest-1", "aws-cn"},
}};

// The sign-in domain of IAM federation in each partition: https://[<region>.]<domain>/saml.
struct SigninDomain {
  std::string_view domain;
  std::string_view partition;
};

constexpr std::array<SigninDomain, 3> kSigninDomains = {{
    {"signin.aws.amazon.com", "aws"},
    {"signin.amazonaws-us-gov.com", "aws-us-gov"},
    {"signin.amazonaws.cn", "aws-cn"},
}};

// IAM Identity Center's ACS hosts are <region>.<domain> (partition aws).
constexpr std::array<std::string_view, 3> kIdentityCenterDomains = {
    "signin.aws", "sso.signin.aws", "signin.aws.amazon.com"};

constexpr std::string_view kFederationPath = "/saml";
constexpr std::string_view kProviderAcsPath = "/saml/acs/";
constexpr std::string_view kIdentityCenterAcsPath = "/platform/saml/acs/";
constexpr std::string_view kIdentityCenterPath = "/platform/saml/";
constexpr std::string_view kIdpIdPrefix = "SAMLSP";
constexpr std::size_t kMaxIdLength = 128;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || is_digit(c); }
bool is_lower_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f'); }
// \w as the partition patterns use it: ASCII letters, digits and underscore.
bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_';
}

template <class Predicate>
bool all_of_nonempty(std::string_view text, Predicate predicate) {
  return !text.empty() && std::all_of(text.begin(), text.end(), predicate);
}

std::vector<std::string_view> split_dashes(std::string_view text) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t dash = text.find('-');
    parts.push_back(text.substr(0, dash));
    if (dash == std::string_view::npos) return parts;
    text.remove_prefix(dash + 1);
  }
}

// "SAMLSP" then upper-case letters and digits: the ID IAM gives a provider with encryption keys.
bool is_idp_id(std::string_view id) {
  return id.size() > kIdpIdPrefix.size() && id.size() <= kMaxIdLength &&
         id.substr(0, kIdpIdPrefix.size()) == kIdpIdPrefix &&
         all_of_nonempty(id.substr(kIdpIdPrefix.size()), is_upper_or_digit);
}

// An Identity Center ACS tenant ID: lower-case hex groups joined by dashes.
bool is_tenant_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  const auto parts = split_dashes(id);
  return std::all_of(parts.begin(), parts.end(),
                     [](std::string_view part) { return all_of_nonempty(part, is_lower_hex); });
}

// An identity store ID: d- and ten lower-case hex digits.
bool is_directory_id(std::string_view id) {
  return id.size() == 12 && id.substr(0, 2) == "d-" && all_of_nonempty(id.substr(2), is_lower_hex);
}

struct UrlParts {
  std::string_view host;
  std::string_view path;
};

// https://host/path with no port, userinfo, query or fragment; nullopt otherwise.
std::optional<UrlParts> split_https_url(std::string_view url) {
  if (url.substr(0, kHttps.size()) != kHttps) return std::nullopt;
  url.remove_prefix(kHttps.size());
  const std::size_t slash = url.find('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  const UrlParts parts{url.substr(0, slash), url.substr(slash)};
  // Tested a character at a time: find_first_of searches its set with a call per character.
  if (std::any_of(parts.host.begin(), parts.host.end(), [](char c) { return c == ':' || c == '@'; })) {
    return std::nullopt;
  }
  if (std::any_of(parts.path.begin(), parts.path.end(), [](char c) { return c == '?' || c == '#'; })) {
    return std::nullopt;
  }
  return parts;
}

// Splits "<region>.<domain>" or "<domain>"; the region is empty for the bare domain.
std::optional<std::string_view> region_before(std::string_view host, std::string_view domain) {
  if (host == domain) return std::string_view{};
  if (host.size() <= domain.size() + 1) return std::nullopt;
  const std::size_t dot = host.size() - domain.size() - 1;
  if (host[dot] != '.' || host.substr(dot + 1) != domain) return std::nullopt;
  const std::string_view region = host.substr(0, dot);
  if (region.find('.') != std::string_view::npos) return std::nullopt;
  return region;
}

std::optional<AwsEndpoint> classify_federation(const UrlParts& url) {
  for (const SigninDomain& signin : kSigninDomains) {
    const auto region = region_before(url.host, signin.domain);
    if (!region) continue;
    if (!region->empty() && !is_region_of_partition(*region, signin.partition)) return std::nullopt;
    AwsEndpoint endpoint{AwsEndpointKind::FederationSignin, std::string(signin.partition),
                         std::string(*region), {}};
    if (url.path == kFederationPath) return endpoint;
    if (url.path.substr(0, kProviderAcsPath.size()) == kProviderAcsPath &&
        is_idp_id(url.path.substr(kProviderAcsPath.size()))) {
      endpoint.kind = AwsEndpointKind::FederationProviderAcs;
      endpoint.instance = std::string(url.path.substr(kProviderAcsPath.size()));
      return endpoint;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<AwsEndpoint> classify_identity_center(const UrlParts& url) {
  if (url.path.substr(0, kIdentityCenterPath.size()) != kIdentityCenterPath) return std::nullopt;
  for (std::string_view domain : kIdentityCenterDomains) {
    const auto region = region_before(url.host, domain);
    if (!region || region->empty() || !is_region_of_partition(*region, "aws")) continue;
    AwsEndpoint endpoint{AwsEndpointKind::IdentityCenterAcs, "aws", std::string(*region), {}};
    if (url.path.substr(0, kIdentityCenterAcsPath.size()) == kIdentityCenterAcsPath) {
      const std::string_view tenant = url.path.substr(kIdentityCenterAcsPath.size());
      if (!is_tenant_id(tenant)) return std::nullopt;
      endpoint.instance = std::string(tenant);
      return endpoint;
    }
    const std::string_view directory = url.path.substr(kIdentityCenterPath.size());
    if (!is_directory_id(directory)) return std::nullopt;
    endpoint.kind = AwsEndpointKind::IdentityCenterIssuer;
    endpoint.instance = std::string(directory);
    return endpoint;
  }
  return std::nullopt;
}

bool is_kind(std::string_view value, AwsEndpointKind kind) {
  const auto endpoint = classify_aws_endpoint(value);
  return endpoint && endpoint->kind == kind;
}

}  // namespace

bool is_region_of_partition(std::string_view region, std::string_view partition) {
  const auto parts = split_dashes(region);
  const auto word_then_number = [&](std::size_t first) {
    return parts.size() == first + 2 && all_of_nonempty(parts[first], is_word) &&
           all_of_nonempty(parts[first + 1], is_digit);
  };
  if (partition == "aws") {
    constexpr std::array<std::string_view, 9> kAreas = {"us", "eu", "ap", "sa", "ca",
                                                        "me", "af", "il", "mx"};
    return std::find(kAreas.begin(), kAreas.end(), parts[0]) != kAreas.end() && word_then_number(1);
  }
  if (partition == "aws-us-gov") return parts[0] == "us" && parts.size() > 1 && parts[1] == "gov" && word_then_number(2);
  if (partition == "aws-cn") return parts[0] == "cn" && word_then_number(1);
  return false;
}

std::optional<AwsEndpoint> classify_aws_endpoint(std::string_view value) {
  for (const FixedAudience& audience : kAudiences) {
    if (value == audience.value && value.substr(0, kHttps.size()) != kHttps) {
      return AwsEndpoint{AwsEndpointKind::FederationAudience, std::string(audience.partition), {}, {}};
    }
  }
  const auto url = split_https_url(value);
  if (!url) return std::nullopt;
  if (auto federation = classify_federation(*url)) return federation;
  return classify_identity_center(*url);
}

const std::vector<std::string>& default_aws_audiences() {
  static const std::vector<std::string> audiences = [] {
    std::vector<std::string> values;
    values.reserve(kAudiences.size());
    for (const FixedAudience& audience : kAudiences) values.emplace_back(audience.value);
    return values;
  }();
  return audiences;
}

bool is_aws_signin_endpoint(std::string_view url) {
  const auto endpoint = classify_aws_endpoint(url);  // once: it parses the URL
  return endpoint && (endpoint->kind == AwsEndpointKind::FederationSignin ||
                      endpoint->kind == AwsEndpointKind::FederationProviderAcs);
}

bool is_aws_provider_acs_url(std::string_view url) {
  return is_kind(url, AwsEndpointKind::FederationProviderAcs);
}

bool is_identity_center_acs_url(std::string_view url) {
  return is_kind(url, AwsEndpointKind::IdentityCenterAcs);
}

bool is_identity_center_issuer(std::string_view url) {
  return is_kind(url, AwsEndpointKind::IdentityCenterIssuer);
}

std::string_view partition_of(const AwsEndpoint& endpoint) {
  if (endpoint.kind == AwsEndpointKind::IdentityCenterIssuer ||
      endpoint.kind == AwsEndpointKind::IdentityCenterAcs) {
    return {};
  }
  return endpoint.partition;
}

std::string partition_of_endpoint(std::string_view value) {
  const auto endpoint = classify_aws_endpoint(value);
  return endpoint ? std::string(partition_of(*endpoint)) : std::string();
}

}  // namespace saml
