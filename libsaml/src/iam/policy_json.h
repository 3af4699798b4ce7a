// Internal: reading a trust policy already parsed as JSON (get-role and authorization
// details may carry it as an object).
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

#include "saml/iam.h"

namespace saml::iam {

// `where` is the file and JSON path of the document, for the messages in `invalid`.
PolicyDocument read_trust_policy(const nlohmann::json& json, std::string_view where);

// A trust policy as the CLI prints it: an object, or a (possibly URL-encoded) JSON string.
Expected<PolicyDocument> read_policy_value(const nlohmann::json& value, std::string_view where);

}  // namespace saml::iam
