// The one list of lint rules. A rule is a table row (rule_table.cpp) plus one line here.
#include <array>

#include "lint/lint_rules.h"

namespace saml::lint {
namespace {

constexpr std::array kLintRules = {
    LintRule{"XML006", check_unknown_saml_elements},
    LintRule{"SIG012", check_not_verified},
    LintRule{"SIG013", check_response_only_signed},
    LintRule{"SIG015", check_certificate_expiring},
    LintRule{"SIG016", check_key_size},
    LintRule{"SIG017", check_rsa15_transport},
    LintRule{"SIG018", check_cbc_encryption},
    LintRule{"SIG020", check_inclusive_c14n},
    LintRule{"SUB007", check_provider_acs_url},
    LintRule{"HYG002", check_issue_instant_future},
    LintRule{"HYG003", check_assertion_lifetime},
    LintRule{"HYG004", check_session_not_on_or_after},
    LintRule{"HYG005", check_name_id_format},
    LintRule{"AWS012", check_endpoint_partition},
    LintRule{"AWS013", check_regional_recipient},
    LintRule{"AWS014", check_duplicate_roles},
    LintRule{"AWS015", check_long_session_duration},
    LintRule{"AWS016", check_tag_values_count},
    LintRule{"AWS017", check_tag_count},
    LintRule{"AWS018", check_tag_keys},
    LintRule{"AWS019", check_tag_values},
    LintRule{"AWS020", check_tag_aws_prefix},
    LintRule{"AWS021", check_tag_duplicate_keys},
    LintRule{"AWS022", check_transitive_tag_keys},
    LintRule{"AWS023", check_source_identity},
    LintRule{"AWS024", check_source_identity_prefix},
    LintRule{"AWS025", check_identity_center_name_id},
    LintRule{"AWS026", check_identity_center_roles},
    LintRule{"AWS027", check_identity_center_encryption},
    LintRule{"MET008", check_issuer_in_metadata},
    LintRule{"MET009", check_key_in_metadata},
    LintRule{"DRF001", check_baseline_compared},
    LintRule{"DRF002", check_baseline_issuer},
    LintRule{"DRF003", check_baseline_certificates},
    LintRule{"DRF004", check_baseline_algorithm_weaker},
    LintRule{"DRF005", check_baseline_algorithm_changed},
    LintRule{"DRF006", check_baseline_signed_elements},
    LintRule{"DRF007", check_baseline_roles},
    LintRule{"DRF008", check_baseline_attributes},
    LintRule{"DRF009", check_baseline_name_id_format},
    LintRule{"DRF010", check_baseline_lifetimes},
    LintRule{"DRF011", check_baseline_session_name},
};

}  // namespace

std::span<const LintRule> registered_rules() { return kLintRules; }

}  // namespace saml::lint
