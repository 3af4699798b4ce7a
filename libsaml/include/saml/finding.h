// A finding: one rule's verdict on one place in the input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "saml/error.h"

namespace saml {

enum class Severity { Info, Warning, Error };
enum class RuleId : std::uint16_t;  // saml/rules.h

const char* severity_name(Severity severity);

struct Finding {
  std::string rule_id;   // stable ID from the rule table (rules.h), e.g. "CND002"
  Severity severity = Severity::Error;
  std::string message;   // what is wrong here, with the values involved
  Location where;

  bool is(RuleId rule) const;  // a finding of that rule
};

// Builds a finding of a rule, with the rule's ID and default severity from its row.
Finding make_finding(RuleId rule, std::string message, Location where = {});

bool has_errors(const std::vector<Finding>& findings);

}  // namespace saml
