// Shared by the checks that read time attributes.
#pragma once

#include <string_view>
#include <vector>

#include "saml/finding.h"
#include "saml/model.h"

namespace saml {

// CND006 when the attribute is present but not a valid xs:dateTime.
void check_instant_value(const Instant& instant, std::string_view what,
                         std::vector<Finding>& findings);

}  // namespace saml
