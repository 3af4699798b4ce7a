// The checks only saml-lint runs (hygiene, metadata cross-checks, baseline drift). Each is
// bound to its row in the rule table (rules/rule_table.cpp), which holds its ID and severity.
#pragma once

#include "checks/rule_check.h"
#include "saml/baseline.h"
#include "saml/lint.h"

namespace saml::lint {

Outcome check_unknown_saml_elements(const CheckContext&, RuleReport&);
Outcome check_not_verified(const CheckContext&, RuleReport&);
Outcome check_response_only_signed(const CheckContext&, RuleReport&);
Outcome check_certificate_expiring(const CheckContext&, RuleReport&);
Outcome check_key_size(const CheckContext&, RuleReport&);
Outcome check_inclusive_c14n(const CheckContext&, RuleReport&);
Outcome check_issue_instant_future(const CheckContext&, RuleReport&);
Outcome check_assertion_lifetime(const CheckContext&, RuleReport&);
Outcome check_session_not_on_or_after(const CheckContext&, RuleReport&);
Outcome check_name_id_format(const CheckContext&, RuleReport&);
Outcome check_regional_recipient(const CheckContext&, RuleReport&);
Outcome check_duplicate_roles(const CheckContext&, RuleReport&);
Outcome check_long_session_duration(const CheckContext&, RuleReport&);
Outcome check_identity_center_roles(const CheckContext&, RuleReport&);
Outcome check_key_in_metadata(const CheckContext&, RuleReport&);
Outcome check_baseline_compared(const CheckContext&, RuleReport&);
Outcome check_baseline_issuer(const CheckContext&, RuleReport&);
Outcome check_baseline_certificates(const CheckContext&, RuleReport&);
Outcome check_baseline_algorithm_weaker(const CheckContext&, RuleReport&);
Outcome check_baseline_algorithm_changed(const CheckContext&, RuleReport&);
Outcome check_baseline_signed_elements(const CheckContext&, RuleReport&);
Outcome check_baseline_roles(const CheckContext&, RuleReport&);
Outcome check_baseline_attributes(const CheckContext&, RuleReport&);
Outcome check_baseline_name_id_format(const CheckContext&, RuleReport&);
Outcome check_baseline_lifetimes(const CheckContext&, RuleReport&);
Outcome check_baseline_session_name(const CheckContext&, RuleReport&);

}  // namespace saml::lint
