// lint_capture: verify, choose the profile, then every registered lint rule.
#include <algorithm>

#include "lint/lint_rules.h"
#include "lint/profile.h"

namespace saml {
namespace {

void add_not_applicable(LintResult& result, std::string_view id) {
  const std::string text(id);
  if (std::find(result.not_applicable.begin(), result.not_applicable.end(), text) ==
      result.not_applicable.end()) {
    result.not_applicable.push_back(text);
  }
}

bool is_lint_rule(std::string_view id) {
  const auto rules = lint::registered_rules();
  return std::any_of(rules.begin(), rules.end(),
                     [id](const lint::LintRule& rule) { return rule.id == id; });
}

}  // namespace

Expected<LintResult> lint_capture(const Capture& capture, const TrustStore& trust,
                                  const LintOptions& options) {
  Expected<Verdict> verdict = verify_capture(capture, trust, options.policy);
  if (!verdict) return verdict.error();

  LintResult result;
  result.accepted = verdict->accepted;
  result.encryption = verdict->encryption;
  if (options.baseline || options.record_baseline) result.observed = baseline_of(*verdict);
  if (options.profile) {
    result.profile = *options.profile;
    result.profile_reason = "given";
  } else {
    lint::DetectedProfile detected = lint::detect_profile(*verdict);
    result.profile = detected.profile;
    result.profile_reason = std::move(detected.reason);
  }

  const bool have_keys = !trust.empty();
  for (const Finding& finding : verdict->findings) {
    if (lint::verify_finding_applies(finding, result.profile, options.policy, have_keys)) {
      result.findings.push_back(finding);
    }
  }
  for (const Rule& rule : all_rules()) {
    if (is_lint_rule(rule.id)) continue;
    if (!rule_in_profile(rule, result.profile) ||
        (!verdict->assertion && lint::needs_verified_assertion(rule.id)) ||
        lint::is_metadata_document_rule(rule.id)) {
      add_not_applicable(result, rule.id);
    }
  }

  const lint::Context context{capture, *verdict, options.policy, trust, result.profile,
                              options, result.observed};
  for (const lint::LintRule& lint_rule : lint::registered_rules()) {
    const Rule* rule = find_rule(lint_rule.id);
    if (rule == nullptr || !rule_in_profile(*rule, result.profile) ||
        lint_rule.check(context, result.findings) == lint::Outcome::NotApplicable) {
      add_not_applicable(result, lint_rule.id);
    }
  }
  return result;
}

}  // namespace saml
