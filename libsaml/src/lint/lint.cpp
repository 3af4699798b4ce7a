// lint_capture: verify, choose the profile, then every registered lint rule.
#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/lint_rules.h"
#include "lint/profile.h"

namespace saml {
namespace {

// The rule tables are constant, so which table row is verify's and which lint check
// reports which row is worked out once, not per message.
// A table row verify reports, with what decides per message whether it applies.
struct VerifyRule {
  const Rule* rule;
  bool metadata_document;  // about an IdP metadata document, never a response
  bool needs_assertion;    // reads the verified assertion
};

struct RulePlan {
  std::vector<VerifyRule> verify_rules;  // table rows no lint check owns
  std::vector<std::pair<const lint::LintRule*, const Rule*>> lint_rules;  // row may be null
};

const RulePlan& rule_plan() {
  static const RulePlan plan = [] {
    RulePlan built;
    const auto registered = lint::registered_rules();
    for (const Rule& rule : all_rules()) {
      const bool owned = std::any_of(registered.begin(), registered.end(),
                                     [&rule](const lint::LintRule& check) { return check.id == rule.id; });
      if (!owned) {
        built.verify_rules.push_back({&rule, lint::is_metadata_document_rule(rule.id),
                                      lint::needs_verified_assertion(rule.id)});
      }
    }
    for (const lint::LintRule& check : registered) built.lint_rules.emplace_back(&check, find_rule(check.id));
    return built;
  }();
  return plan;
}

// Collects the IDs of the rules that did not apply, each once, in the order they are found.
class NotApplicable {
 public:
  explicit NotApplicable(std::vector<std::string_view>& ids) : ids_(ids), seen_(all_rules().size()) {}
  void add(const Rule* rule, std::string_view id) {
    if (rule != nullptr) {
      const auto index = static_cast<std::size_t>(rule - all_rules().data());
      if (seen_[index]) return;
      seen_[index] = true;
    }
    ids_.push_back(rule != nullptr ? rule->id : id);
  }

 private:
  std::vector<std::string_view>& ids_;
  std::vector<bool> seen_;
};

}  // namespace

Expected<LintResult> lint_capture(const Capture& capture, const TrustStore& trust,
                                  const LintOptions& options) {
  Expected<Verdict> verdict = verify_capture(capture, trust, options.policy);
  if (!verdict) return verdict.error();

  LintResult result;
  result.now = options.policy.now;
  result.now_source = options.policy.now_source;
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
  const RulePlan& plan = rule_plan();
  NotApplicable not_applicable(result.not_applicable);
  for (const VerifyRule& verify_rule : plan.verify_rules) {
    if (verify_rule.metadata_document || !rule_in_profile(*verify_rule.rule, result.profile) ||
        (!verdict->assertion && verify_rule.needs_assertion)) {
      not_applicable.add(verify_rule.rule, verify_rule.rule->id);
    }
  }

  const lint::Context context{capture, *verdict, options.policy, trust, result.profile,
                              options, result.observed};
  for (const auto& [check, rule] : plan.lint_rules) {
    if (rule == nullptr || !rule_in_profile(*rule, result.profile) ||
        check->check(context, result.findings) == lint::Outcome::NotApplicable) {
      not_applicable.add(rule, check->id);
    }
  }
  return result;
}

}  // namespace saml
