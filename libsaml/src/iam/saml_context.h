// Internal: the parts of the AssumeRoleWithSAML context the STS session repeats.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>

#include "saml/iam.h"

namespace saml::iam {

// The NameID Format with only the SAML 2.0 nameid-format prefix removed (STS SubjectType).
std::string subject_type(std::string_view format);
// The Recipient STS reports as Audience and IAM as saml:aud.
std::string saml_audience(const Assertion& assertion);
// What samlkit knows of each action one AssumeRoleWithSAML call may need its trust policy to
// allow (the Service Authorization Reference's condition keys per action).
struct StsAction {
  std::string_view name;
  // Whether this message needs it: sts:TagSession for session or transitive tags,
  // sts:SetSourceIdentity for a SourceIdentity, sts:AssumeRoleWithSAML always.
  bool (*needed)(const AwsView& aws);
  // The reason code when the trust policy does not allow it; empty: the generic codes.
  std::string_view missing_code;
  // The context keys it sees besides the global time keys (a '/' ends a prefix); none
  // listed: every key.
  std::array<std::string_view, 4> keys;
};
std::span<const StsAction> sts_actions();
// nullptr for an action that is none of them.
const StsAction* find_sts_action(std::string_view name);

// The keys of the full context that `action` sees (AssumeRoleWithSAML: all of them).
RequestContext context_for_action(const RequestContext& full, const StsAction& action);

}  // namespace saml::iam
