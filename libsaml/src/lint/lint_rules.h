// The lint rules: each a small stateless check registered in one list (registry.cpp).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "saml/capture.h"
#include "saml/finding.h"
#include "saml/lint.h"
#include "saml/policy.h"
#include "saml/trust.h"
#include "saml/verify.h"

namespace saml::lint {

// What a rule sees. The assertion and AWS view in `verdict` exist only when a trusted
// signature covers the assertion, so rules on signed content read only covered nodes.
struct Context {
  const Capture& capture;
  const Verdict& verdict;
  const Policy& policy;
  const TrustStore& trust;
  Profile profile;
  const LintOptions& options;             // --metadata facts and --baseline
  const std::optional<Baseline>& observed;  // this message's baseline, if verified
};

enum class Outcome { Checked, NotApplicable };

using Check = Outcome (*)(const Context& context, std::vector<Finding>& findings);

struct LintRule {
  std::string_view id;  // an ID of the rule table
  Check check;
};

// Every lint rule, in report order.
std::span<const LintRule> registered_rules();

// The rule functions, one per table row (grouped by file).
Outcome check_unknown_saml_elements(const Context&, std::vector<Finding>&);   // XML006
Outcome check_not_verified(const Context&, std::vector<Finding>&);            // SIG012
Outcome check_response_only_signed(const Context&, std::vector<Finding>&);    // SIG013
Outcome check_certificate_expiring(const Context&, std::vector<Finding>&);    // SIG015
Outcome check_key_size(const Context&, std::vector<Finding>&);                // SIG016
Outcome check_rsa15_transport(const Context&, std::vector<Finding>&);         // SIG017
Outcome check_cbc_encryption(const Context&, std::vector<Finding>&);          // SIG018
Outcome check_inclusive_c14n(const Context&, std::vector<Finding>&);          // SIG020
Outcome check_provider_acs_url(const Context&, std::vector<Finding>&);        // SUB007
Outcome check_issue_instant_future(const Context&, std::vector<Finding>&);    // HYG002
Outcome check_assertion_lifetime(const Context&, std::vector<Finding>&);      // HYG003
Outcome check_session_not_on_or_after(const Context&, std::vector<Finding>&); // HYG004
Outcome check_name_id_format(const Context&, std::vector<Finding>&);          // HYG005
Outcome check_endpoint_partition(const Context&, std::vector<Finding>&);      // AWS012
Outcome check_regional_recipient(const Context&, std::vector<Finding>&);      // AWS013
Outcome check_duplicate_roles(const Context&, std::vector<Finding>&);          // AWS014
Outcome check_long_session_duration(const Context&, std::vector<Finding>&);   // AWS015
Outcome check_tag_values_count(const Context&, std::vector<Finding>&);        // AWS016
Outcome check_tag_count(const Context&, std::vector<Finding>&);               // AWS017
Outcome check_tag_keys(const Context&, std::vector<Finding>&);                // AWS018
Outcome check_tag_values(const Context&, std::vector<Finding>&);              // AWS019
Outcome check_tag_aws_prefix(const Context&, std::vector<Finding>&);          // AWS020
Outcome check_tag_duplicate_keys(const Context&, std::vector<Finding>&);      // AWS021
Outcome check_transitive_tag_keys(const Context&, std::vector<Finding>&);     // AWS022
Outcome check_source_identity(const Context&, std::vector<Finding>&);         // AWS023
Outcome check_source_identity_prefix(const Context&, std::vector<Finding>&);  // AWS024
Outcome check_identity_center_name_id(const Context&, std::vector<Finding>&); // AWS025
Outcome check_identity_center_roles(const Context&, std::vector<Finding>&);   // AWS026
Outcome check_identity_center_encryption(const Context&, std::vector<Finding>&);  // AWS027
Outcome check_issuer_in_metadata(const Context&, std::vector<Finding>&);      // MET008
Outcome check_key_in_metadata(const Context&, std::vector<Finding>&);         // MET009
Outcome check_baseline_compared(const Context&, std::vector<Finding>&);       // DRF001
Outcome check_baseline_issuer(const Context&, std::vector<Finding>&);         // DRF002
Outcome check_baseline_certificates(const Context&, std::vector<Finding>&);   // DRF003
Outcome check_baseline_algorithm_weaker(const Context&, std::vector<Finding>&);  // DRF004
Outcome check_baseline_algorithm_changed(const Context&, std::vector<Finding>&); // DRF005
Outcome check_baseline_signed_elements(const Context&, std::vector<Finding>&);   // DRF006
Outcome check_baseline_roles(const Context&, std::vector<Finding>&);          // DRF007
Outcome check_baseline_attributes(const Context&, std::vector<Finding>&);     // DRF008
Outcome check_baseline_name_id_format(const Context&, std::vector<Finding>&); // DRF009
Outcome check_baseline_lifetimes(const Context&, std::vector<Finding>&);      // DRF010
Outcome check_baseline_session_name(const Context&, std::vector<Finding>&);   // DRF011

// MET001..MET007 lint the metadata document itself (lint_metadata), never a response.
bool is_metadata_document_rule(std::string_view rule_id);

}  // namespace saml::lint
