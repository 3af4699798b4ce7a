// One message's AWS side: the role decisions, Okta's mapping and the Identity Center match,
// from the verified assertion only.
#include <string>
#include <utility>

#include "saml/iam.h"

namespace saml::iam {

AwsSide evaluate_aws_side(const Config& config, const Assertion* assertion, const AwsView* aws,
                          TimePoint now) {
  AwsSide side;
  side.iam_asked = config.inputs.any_iam;
  side.okta_asked = config.okta.has_value();
  side.identity_store_asked = config.identity_store.has_value();
  if (!assertion || !aws) return side;
  side.verified = true;
  if (config.inputs.any_iam) side.iam = resolve_roles(*assertion, *aws, config.inputs, now);
  if (config.okta) side.okta = compare_okta(*config.okta, *aws);
  if (config.identity_store) {
    side.identity_store = match_identity_store(*config.identity_store, assertion->name_id);
  }
  return side;
}

bool no_role_assumable(const AwsSide& side) {
  if (!side.iam) return false;
  for (const RoleDecision& role : side.iam->roles) {
    if (role.assumable) return false;
  }
  return true;
}

std::string decisive_reason(const RoleDecision& role) {
  if (!role.assumable) {
    return role.notes.empty() ? std::string() : role.notes.front().code + ": " + role.notes.front().text;
  }
  std::string text;
  for (const ActionDecision& action : role.actions) {
    text += (text.empty() ? "" : "; ") + action.decisive;
  }
  return text;
}

}  // namespace saml::iam
