// Internal to the decode stage: short names for long URNs, shared by the outputs
// (algorithm URIs: algorithm_short_name in saml/xmlenc.h).
#pragma once

#include <string>
#include <string_view>

namespace saml::detail {

// The part after the last ':' ("Success", "emailAddress"), or the text itself.
std::string urn_short_name(std::string_view urn);
// Names under https://aws.amazon.com/SAML/Attributes/ (shown in the AWS part).
bool is_aws_attribute(std::string_view name);

}  // namespace saml::detail
