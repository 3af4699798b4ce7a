// XML008 (an element SAML allows once, repeated), PRO007 (no AuthnStatement), CND007 (a
// condition of unknown type): what the model recorded of the verified assertion.
#include "checks/rule_checks.h"

namespace saml {

Outcome check_repeated_elements(const CheckContext& context, RuleReport& report) {
  if (context.assertion == nullptr) return Outcome::NotApplicable;
  std::vector<Location> repeated = context.assertion->repeated;
  if (context.response != nullptr) {
    repeated.insert(repeated.end(), context.response->repeated.begin(), context.response->repeated.end());
  }
  for (const Location& where : repeated) {
    const std::string_view path = where.element;
    const std::string_view name = path.substr(path.rfind('/') + 1);
    report.add("a second " + std::string(name) + " where SAML allows one; refused rather than read "
                                                 "one and ignore the other",
               where);
  }
  return Outcome::Checked;
}

Outcome check_authn_statement(const CheckContext& context, RuleReport& report) {
  if (context.assertion == nullptr) return Outcome::NotApplicable;
  if (context.assertion->authn_statements.empty()) {
    report.add("the Assertion has no AuthnStatement", context.assertion->where);
  }
  return Outcome::Checked;
}

Outcome check_unknown_conditions(const CheckContext& context, RuleReport& report) {
  if (context.assertion == nullptr || !context.assertion->conditions.present) {
    return Outcome::NotApplicable;
  }
  for (const Location& where : context.assertion->conditions.unknown) {
    report.add("a condition samlkit cannot evaluate (" + where.element.substr(where.element.rfind('/') + 1) +
                   "): the assertion is Indeterminate",
               where);
  }
  return Outcome::Checked;
}

}  // namespace saml
