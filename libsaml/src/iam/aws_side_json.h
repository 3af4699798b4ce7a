// Internal: the AWS side as JSON values, for saml-verify's and saml-lint's reports.
#pragma once

#include <nlohmann/json.hpp>

#include "saml/iam.h"

namespace saml::iam {

// {"iam": ..., "okta": ..., "identity_store": ...} with the keys asked for.
nlohmann::ordered_json aws_side_json(const AwsSide& side);

}  // namespace saml::iam
