#include "checks/rule_check.h"

#include <array>
#include <span>
#include <vector>

namespace saml {
namespace {

// The rows with a check of their own, per enforcement, in table order, listed once: the
// runner then reads those rows only (20 of the 125 for the verdict) instead of every row,
// a cache line each, for every message.
std::span<const Rule* const> checked_rules(Enforcement enforcement) {
  static const std::array<std::vector<const Rule*>, 2> by_enforcement = [] {
    std::array<std::vector<const Rule*>, 2> lists;
    for (const Rule& rule : all_rules()) {
      if (rule.use.check != nullptr) lists.at(static_cast<std::size_t>(rule.use.enforcement)).push_back(&rule);
    }
    return lists;
  }();
  return by_enforcement.at(static_cast<std::size_t>(enforcement));
}

}  // namespace

void RuleReport::add(std::string message, Location where) {
  add(std::move(message), std::move(where), rule_.severity);
}

void RuleReport::add(std::string message, Location where, Severity severity) {
  findings_.push_back(Finding{std::string(rule_.id), severity, std::move(message), std::move(where)});
}

void run_rule_checks(const CheckContext& context, Enforcement enforcement,
                     std::vector<Finding>& findings, std::vector<const Rule*>* not_applicable) {
  const std::span<const Rule* const> checked = checked_rules(enforcement);
  // One allocation instead of the vector growing rule by rule.
  if (not_applicable != nullptr) not_applicable->reserve(not_applicable->size() + checked.size());
  for (const Rule* checked_rule : checked) {
    const Rule& rule = *checked_rule;
    RuleReport report(rule, findings);
    const bool applies = rule_in_profile(rule, context.profile) &&
                         rule.use.check(context, report) == Outcome::Checked;
    if (!applies && not_applicable != nullptr) not_applicable->push_back(&rule);
  }
}

}  // namespace saml
