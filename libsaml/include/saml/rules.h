// The rule table: the single source of truth for IDs, severities, texts and references.
// IDs are never renumbered or reused once published (see ARCHITECTURE.md).
#pragma once

#include <span>
#include <string_view>

#include "saml/finding.h"

namespace saml {

struct Rule {
  std::string_view id;           // area prefix + 3 digits
  Severity severity;             // default severity
  std::string_view title;        // one line
  std::string_view explanation;  // why it matters
  std::string_view fix;          // what to change (IdP setting where it applies)
  std::string_view reference;    // spec or AWS documentation
};

std::span<const Rule> all_rules();
// nullptr when the ID is unknown.
const Rule* find_rule(std::string_view id);

}  // namespace saml
