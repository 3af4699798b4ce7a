// The rules that are checks of their own and live in checks/ (the verdict's, and the
// encryption rules saml-lint adds). The rule table (rules/rule_table.cpp) binds each to its row.
#pragma once

#include "checks/rule_check.h"

namespace saml {

// Structure the model records (model.h: repeated, unknown conditions, statements).
Outcome check_repeated_elements(const CheckContext&, RuleReport&);
Outcome check_authn_statement(const CheckContext&, RuleReport&);
Outcome check_unknown_conditions(const CheckContext&, RuleReport&);
// Issuers: Response against Assertion, --issuer, the metadata that supplied the key.
Outcome check_response_issuer(const CheckContext&, RuleReport&);
Outcome check_expected_issuer(const CheckContext&, RuleReport&);
Outcome check_issuer_in_metadata(const CheckContext&, RuleReport&);
// AWS attributes beyond the reader's: partitions, session tags, SourceIdentity.
Outcome check_endpoint_partition(const CheckContext&, RuleReport&);
Outcome check_tag_values_count(const CheckContext&, RuleReport&);
Outcome check_tag_count(const CheckContext&, RuleReport&);
Outcome check_tag_keys(const CheckContext&, RuleReport&);
Outcome check_tag_values(const CheckContext&, RuleReport&);
Outcome check_tag_aws_prefix(const CheckContext&, RuleReport&);
Outcome check_tag_duplicate_keys(const CheckContext&, RuleReport&);
Outcome check_transitive_tag_keys(const CheckContext&, RuleReport&);
Outcome check_source_identity(const CheckContext&, RuleReport&);
Outcome check_source_identity_prefix(const CheckContext&, RuleReport&);
// IAM Identity Center.
Outcome check_identity_center_name_id(const CheckContext&, RuleReport&);
Outcome check_identity_center_pinned(const CheckContext&, RuleReport&);
// Encrypted assertions.
Outcome check_rsa15_transport(const CheckContext&, RuleReport&);
Outcome check_cbc_encryption(const CheckContext&, RuleReport&);
Outcome check_provider_acs_url(const CheckContext&, RuleReport&);
Outcome check_identity_center_encryption(const CheckContext&, RuleReport&);

}  // namespace saml
