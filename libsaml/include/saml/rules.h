// The rule table: the single source of truth for IDs, severities, texts and references.
// IDs are never renumbered or reused once published (see docs/architecture.md).
#pragma once

#include <span>
#include <string_view>

#include "saml/finding.h"

namespace saml {

// The saml-lint profiles a rule belongs to, as bits of Rule::profiles.
namespace rule_profile {
inline constexpr unsigned by_area = 0;          // AWS area: aws only; other areas: all
inline constexpr unsigned aws = 1;              // IAM federation (AssumeRoleWithSAML)
inline constexpr unsigned identity_center = 2;  // IAM Identity Center
inline constexpr unsigned generic = 4;          // SAML core and security rules only
}  // namespace rule_profile

struct Rule {
  std::string_view id;           // area prefix + 3 digits
  Severity severity;             // default severity
  std::string_view title;        // one line
  std::string_view explanation;  // why it matters
  std::string_view fix;          // what to change (IdP setting where it applies)
  std::string_view reference;    // spec or AWS documentation
  unsigned profiles = rule_profile::by_area;  // saml-lint profiles (rule_profile bits)
};

std::span<const Rule> all_rules();
// nullptr when the ID is unknown.
const Rule* find_rule(std::string_view id);

}  // namespace saml
