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

Finding make_finding(RuleId handle, std::string message, Location where) {
  const Rule& row = rule(handle);
  return Finding{std::string(row.id), row.severity, std::move(message), std::move(where)};
}

bool Finding::is(RuleId handle) const { return rule_id == rule(handle).id; }

bool has_errors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == Severity::Error; });
}

}  // namespace saml
