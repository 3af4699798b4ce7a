// A finding: one rule's verdict on one place in the input.
#pragma once

#include <string>
#include <vector>

#include "saml/error.h"

namespace saml {

enum class Severity { Info, Warning, Error };

const char* severity_name(Severity severity);

struct Finding {
  std::string rule_id;   // stable ID from the rule table (rules.h), e.g. "CND002"
  Severity severity = Severity::Error;
  std::string message;   // what is wrong here, with the values involved
  Location where;
};

// Builds a finding whose severity is the rule's default from the table.
Finding make_finding(std::string_view rule_id, std::string message, Location where = {});

bool has_errors(const std::vector<Finding>& findings);

}  // namespace saml
