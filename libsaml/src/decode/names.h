// Internal to the decode stage: short names for long URIs, shared by the outputs.
#pragma once

#include <string>
#include <string_view>

namespace saml::detail {

// The part after the last '#' ("rsa-sha256"), else after the last '/' ("xml-exc-c14n").
std::string algorithm_short_name(std::string_view uri);
// The part after the last ':' ("Success", "emailAddress"), or the text itself.
std::string urn_short_name(std::string_view urn);
// Names under https://aws.amazon.com/SAML/Attributes/ (shown in the AWS part).
bool is_aws_attribute(std::string_view name);

}  // namespace saml::detail
