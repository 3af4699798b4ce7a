// The rule table: the single source of truth for a rule's ID, severity, profiles, where it
// is enforced, its check, texts and reference (libsaml/src/rules/rule_table.cpp).
// IDs are never renumbered or reused once published (docs/architecture.md).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "saml/finding.h"
#include "saml/profile.h"

namespace saml {

// How code names a rule. The ID string ("XML001") is written once, in the rule's row; code
// that reports a rule names it by its handle.
enum class RuleId : std::uint16_t {
  // XML: safety and structure
  doctype_present, duplicate_ids, root_not_response, not_one_assertion, encrypted_no_key,
  unknown_saml_element, decryption_failed, element_repeated,
  // SIG: signatures, trust, algorithms
  assertion_not_signed, signature_misplaced, reference_not_parent, transform_not_allowed,
  sha1_algorithm, hmac_signature, algorithm_unsupported, no_trusted_key, signature_invalid,
  keyinfo_retrieval, keyinfo_certificate_untrusted, not_verified_no_key, only_response_signed,
  certificate_expired, certificate_expiring, weak_key_size, rsa15_key_transport, cbc_encryption,
  encryption_unsupported, inclusive_c14n, encrypted_id_unusable,
  // PRO: protocol
  version_not_2, status_not_success, issuer_missing, destination_mismatch,
  response_issuer_differs, issuer_not_expected, authn_statement_missing,
  // SUB: subject and confirmation
  name_id_missing, not_one_bearer, confirmation_expiry_missing, recipient_missing,
  recipient_not_accepted, confirmation_expired, encrypted_not_to_provider_acs,
  confirmation_not_yet_valid,
  // CND: conditions
  not_yet_valid, expired, audience_restriction_missing, audience_not_accepted, session_expired,
  invalid_time, unknown_condition,
  // AWS: AWS attributes and endpoints
  role_missing, role_value_malformed, role_arn_invalid, provider_arn_invalid,
  role_partitions_differ, role_accounts_differ, role_whitespace, session_name_missing,
  session_name_invalid, session_duration_invalid, message_too_large, endpoint_partition_mismatch,
  regional_recipient_default_trust, duplicate_roles, long_session_duration, tag_not_one_value,
  too_many_tags, tag_key_invalid, tag_value_invalid, tag_key_reserved_prefix,
  tag_keys_case_duplicate, transitive_key_absent, source_identity_invalid,
  source_identity_reserved_prefix, identity_center_name_id_not_email,
  identity_center_role_attributes, identity_center_encrypted, identity_center_not_pinned,
  // HYG: hygiene
  issued_too_long_ago, issue_instant_future, long_assertion_lifetime,
  session_ends_before_duration, name_id_format_unlisted,
  // MET: IdP metadata
  metadata_encoding, metadata_size, metadata_no_entity, metadata_no_signing_certificate,
  metadata_certificate_expired, metadata_certificate_expiring, metadata_weak_key,
  issuer_not_metadata_entity, key_not_in_metadata,
  // DRF: drift from a baseline
  baseline_not_compared, baseline_issuer, baseline_certificates, baseline_algorithm_weaker,
  baseline_algorithm_changed, baseline_signed_elements, baseline_roles, baseline_attributes,
  baseline_name_id_format, baseline_lifetimes, baseline_session_name,
  // IAM: what AWS does with the verified assertion (roles, trust policies, Identity Center)
  trust_other_provider, trust_action_not_allowed, trust_aud_mismatch, trust_condition_mismatch,
  trust_explicit_deny, trust_missing_tag_session, trust_missing_set_source_identity,
  reserved_sso_role, trust_policy_invalid, duration_over_role_max, trust_condition_unknown,
  role_not_in_exports, saml_provider_expired, saml_provider_not_given, iam_export_partial,
  identity_store_no_user,
  // OKT: Okta's AWS app group mapping
  okta_mapping_incomplete, okta_invalid_role_value, okta_provider_names_differ, okta_role_missing,
  okta_role_unexpected,
};

// The profiles a rule belongs to, as bits of RuleUse::profiles.
namespace rule_profile {
inline constexpr unsigned aws = 1;              // IAM federation (AssumeRoleWithSAML)
inline constexpr unsigned identity_center = 2;  // IAM Identity Center
inline constexpr unsigned generic = 4;          // SAML core and security rules
inline constexpr unsigned all = aws | identity_center | generic;
}  // namespace rule_profile

// Who enforces a rule: saml-verify's verdict (what AWS enforces; an error rejects), or
// saml-lint alone (hygiene and what a CI wants to know). saml-lint runs both.
enum class Enforcement : std::uint8_t { Verdict, Lint };

// What a rule looks at: a SAML message, an IdP metadata document, a message against a
// --baseline, or a message against the AWS side's exports (--iam, --okta-groups,
// --identity-store).
enum class RuleScope : std::uint8_t { Message, Metadata, Baseline, AwsSide };

// A rule's own check, for rules that are a check of their own (the rest are reported by the
// pipeline stage that meets the problem, through their RuleId). Defined in checks/rule_check.h.
struct CheckContext;
class RuleReport;
enum class Outcome : std::uint8_t { Checked, NotApplicable };
using RuleCheck = Outcome (*)(const CheckContext& context, RuleReport& report);

struct RuleUse {
  unsigned profiles = rule_profile::all;
  Enforcement enforcement = Enforcement::Verdict;
  RuleScope scope = RuleScope::Message;
  bool needs_assertion = false;  // reads the verified assertion: does not apply without one
  RuleCheck check = nullptr;     // null: reported by a pipeline stage
};

struct Rule {
  RuleId handle;
  std::string_view id;           // area prefix + 3 digits
  Severity severity;             // default severity
  std::string_view title;        // one line
  std::string_view explanation;  // why it matters
  std::string_view fix;          // what to change (IdP setting where it applies)
  std::string_view reference;    // spec or AWS documentation
  RuleUse use;
  // The fix as an IAM Identity Center administrator applies it, where it differs.
  std::string_view identity_center_fix = {};

  // The fix for the profile a message is judged under.
  std::string_view fix_for(Profile profile) const;
};

std::span<const Rule> all_rules();
const Rule& rule(RuleId handle);
// nullptr when the ID is unknown.
const Rule* find_rule(std::string_view id);
// Whether a rule belongs to a profile (its row's profile bits).
bool rule_in_profile(const Rule& rule, Profile profile);

}  // namespace saml
