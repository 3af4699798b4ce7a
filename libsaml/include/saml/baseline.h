// Baseline drift: what a known-good response looks like, recorded from signed values only,
// as stable JSON (schema "samlkit.baseline/1", docs/schema/saml-lint-baseline.schema.json).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saml/error.h"
#include "saml/verify.h"

namespace saml {

struct BaselineSignature {
  std::string element;           // "Response" or "Assertion"
  std::string signature_method;  // algorithm URIs as written
  std::string digest_method;
  std::string certificate_sha256;   // fingerprint of the key that verified it (AB:CD:...)
  std::string certificate_subject;  // empty when trusted by fingerprint only
};

struct Baseline {
  std::string issuer;
  std::vector<BaselineSignature> signatures;  // verified ones, ordered by element
  std::optional<std::string> name_id_format;
  std::vector<std::string> attributes;  // attribute Names, sorted, unique
  std::vector<std::string> roles;       // "role-ARN,provider-ARN", sorted, unique
  // What RoleSessionName repeats: "NameID", the Name of another attribute with the same
  // value, or "none"; nullopt when there is no RoleSessionName.
  std::optional<std::string> session_name_source;
  // Whole minutes (rounded): Conditions NotOnOrAfter and SubjectConfirmationData
  // NotOnOrAfter after IssueInstant; SessionNotOnOrAfter after AuthnInstant.
  std::optional<long long> assertion_lifetime_minutes;
  std::optional<long long> confirmation_lifetime_minutes;
  std::optional<long long> session_lifetime_minutes;
  std::optional<long> session_duration_seconds;  // the SessionDuration attribute
};

// The baseline of a verdict, read only from its verified assertion and verified
// signatures; nullopt when no trusted signature covers the assertion.
std::optional<Baseline> baseline_of(const Verdict& verdict);

std::string baseline_to_json(const Baseline& baseline);
// A Config error (exit 2) naming `source` when the JSON is not a samlkit.baseline/1 document.
Expected<Baseline> baseline_from_json(std::string_view json, std::string_view source);

}  // namespace saml
