// parse_role_value filling a RolePair where the caller keeps it: read_roles parses each
// Role value straight into the AwsView's vector (a RolePair is two ARNs of four strings
// each; moving it through an Expected and into the vector cost more than the parse).
#pragma once

#include <optional>
#include <string_view>

#include "saml/aws.h"

namespace saml::detail {

// Fills `pair` (a default one) from `value`; the error parse_role_value would return.
std::optional<Error> parse_role_value_into(std::string_view value, RolePair& pair);

}  // namespace saml::detail
