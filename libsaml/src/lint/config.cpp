// Per-rule configuration: enable/disable, severity overrides, the failing level.
#include <algorithm>

#include "saml/lint.h"

namespace saml {

bool LintConfig::is_enabled(std::string_view rule_id) const {
  const auto it = enabled.find(std::string(rule_id));
  return it == enabled.end() || it->second;
}

Severity LintConfig::severity_of(const Rule& rule) const {
  const auto it = severities.find(std::string(rule.id));
  return it == severities.end() ? rule.severity : it->second;
}

void apply_lint_config(const LintConfig& config, LintResult& result) {
  std::vector<Finding> kept;
  for (Finding& finding : result.findings) {
    if (!config.is_enabled(finding.rule_id)) continue;
    // Only an explicit override changes a finding's severity: a finding the user allowed
    // (--allow-sha1, --allow-rsa15) was made a warning where it was found, as in saml-verify.
    const auto override = config.severities.find(finding.rule_id);
    if (override != config.severities.end()) finding.severity = override->second;
    kept.push_back(std::move(finding));
  }
  result.findings = std::move(kept);
}

bool finding_fails(const LintConfig& config, const Finding& finding) {
  return static_cast<int>(finding.severity) >= static_cast<int>(config.fail_on);
}

bool lint_fails(const LintConfig& config, const LintResult& result) {
  return std::any_of(result.findings.begin(), result.findings.end(),
                     [&](const Finding& f) { return finding_fails(config, f); });
}

}  // namespace saml
