// XML008 (an element SAML allows once, repeated), PRO007 (no AuthnStatement), CND007 (a
// condition of unknown type): what the model recorded of the verified assertion.
#include "checks/rule_checks.h"

namespace saml {

Outcome check_repeated_elements(const CheckContext& context, RuleReport& report) {
  if (context.assertion == nullptr) return Outcome::NotApplicable;
  std::vector<NodeRef> repeated = context.assertion->repeated;
  if (context.response != nullptr) {
    repeated.insert(repeated.end(), context.response->repeated.begin(), context.response->repeated.end());
  }
  for (const NodeRef& where : repeated) {
    report.add("a second " + std::string(where.element_name()) +
                   " where SAML allows one; refused rather than read one and ignore the other",
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
  for (const NodeRef& where : context.assertion->conditions.unknown) {
    report.add("a condition samlkit cannot evaluate (" + std::string(where.element_name()) +
                   "): the assertion is Indeterminate",
               where);
  }
  return Outcome::Checked;
}

}  // namespace saml
