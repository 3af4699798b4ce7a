#include "checks/rule_check.h"

namespace saml {

void RuleReport::add(std::string message, Location where) {
  add(std::move(message), std::move(where), rule_.severity);
}

void RuleReport::add(std::string message, Location where, Severity severity) {
  findings_.push_back(Finding{std::string(rule_.id), severity, std::move(message), std::move(where)});
}

void run_rule_checks(const CheckContext& context, Enforcement enforcement,
                     std::vector<Finding>& findings, std::vector<const Rule*>* not_applicable) {
  // One allocation instead of the vector growing rule by rule.
  if (not_applicable != nullptr) not_applicable->reserve(not_applicable->size() + all_rules().size());
  for (const Rule& rule : all_rules()) {
    if (rule.use.check == nullptr || rule.use.enforcement != enforcement) continue;
    RuleReport report(rule, findings);
    const bool applies = rule_in_profile(rule, context.profile) &&
                         rule.use.check(context, report) == Outcome::Checked;
    if (!applies && not_applicable != nullptr) not_applicable->push_back(&rule);
  }
}

}  // namespace saml
