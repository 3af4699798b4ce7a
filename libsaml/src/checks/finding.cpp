#include "saml/finding.h"

#include <algorithm>

#include "saml/rules.h"

namespace saml {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

Finding make_finding(std::string_view rule_id, std::string message, Location where) {
  const Rule* rule = find_rule(rule_id);
  // An unknown ID is a programming error; report it as an error rather than hide it.
  const Severity severity = rule ? rule->severity : Severity::Error;
  return Finding{std::string(rule_id), severity, std::move(message), std::move(where)};
}

bool has_errors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::Error; });
}

}  // namespace saml
