// The one table of AWS SAML endpoints: the audiences and sign-in (ACS) URLs of IAM SAML
// federation per partition, and the issuer and ACS URLs of IAM Identity Center as a service
// provider. Every tool, rule and profile detection reads them from here. Matching is exact:
// scheme, host (region codes per the partition's pattern), path; no port, query or fragment.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace saml {

enum class AwsEndpointKind {
  FederationAudience,      // urn:amazon:webservices and the other IAM federation audiences
  FederationSignin,        // https://[<region>.]signin.<partition domain>/saml
  FederationProviderAcs,   // the same + /acs/<IdP-ID> (an IAM SAML provider with encryption keys)
  IdentityCenterIssuer,    // https://<region>.signin.aws.amazon.com/platform/saml/d-<id> (audience)
  IdentityCenterAcs,       // https://<region>.{signin.aws,sso.signin.aws,signin.aws.amazon.com}/platform/saml/acs/<id>
};

struct AwsEndpoint {
  AwsEndpointKind kind;
  std::string partition;  // "aws", "aws-us-gov", "aws-cn"
  std::string region;     // empty for the global forms and the audiences
  std::string instance;   // IdP-ID, Identity Center directory or tenant ID; else empty
};

// What an Audience, Recipient or Destination value is, or nullopt when it is no AWS endpoint.
std::optional<AwsEndpoint> classify_aws_endpoint(std::string_view value);

// The audiences IAM SAML federation accepts (every partition).
const std::vector<std::string>& default_aws_audiences();
// IAM federation sign-in endpoints: the plain ones and the provider-specific ACS URLs.
bool is_aws_signin_endpoint(std::string_view url);
bool is_aws_provider_acs_url(std::string_view url);
bool is_identity_center_acs_url(std::string_view url);
bool is_identity_center_issuer(std::string_view url);
// The partition of an AWS audience or federation sign-in endpoint; empty when it is neither.
std::string partition_of_endpoint(std::string_view value);
// The same for an endpoint classified already (empty for an Identity Center one).
std::string_view partition_of(const AwsEndpoint& endpoint);
// Whether `region` matches the region pattern of `partition` ("us-east-1" in "aws").
bool is_region_of_partition(std::string_view region, std::string_view partition);

}  // namespace saml
