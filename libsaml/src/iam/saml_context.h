// Internal: the parts of the AssumeRoleWithSAML context the STS session repeats.
#pragma once

#include <string>
#include <string_view>

#include "saml/iam.h"

namespace saml::iam {

// The NameID Format with only the SAML 2.0 nameid-format prefix removed (STS SubjectType).
std::string subject_type(std::string_view format);
// The Recipient STS reports as Audience and IAM as saml:aud.
std::string saml_audience(const Assertion& assertion);
// The keys of the full context that `action` sees (AssumeRoleWithSAML: all of them).
RequestContext context_for_action(const RequestContext& full, std::string_view action);

}  // namespace saml::iam
