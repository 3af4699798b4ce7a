// Test support that needs libsaml: printing its values in assertion messages, looking up
// findings, and the fixtures' policy and IdP trust store.
#pragma once

#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "fixtures.h"
#include "text.h"
#include "saml/error.h"
#include "saml/finding.h"
#include "saml/policy.h"
#include "saml/time.h"
#include "saml/trust.h"

namespace saml {

// Lets BOOST_TEST print an ErrorCode by its stable name (found by argument-dependent lookup).
inline std::ostream& operator<<(std::ostream& out, ErrorCode code) {
  return out << error_code_name(code);
}

}  // namespace saml

namespace samltest {

// "code: message" of a failed result, "" on success (safe to evaluate in every message).
template <class T>
std::string why(const saml::Expected<T>& result) {
  if (result.has_value()) return {};
  return std::string(saml::error_code_name(result.error().code)) + ": " + result.error().message;
}

// The first finding of rule `id`, or nullptr.
inline const saml::Finding* find_rule(const std::vector<saml::Finding>& findings, std::string_view id) {
  for (const saml::Finding& finding : findings) {
    if (finding.rule_id == id) return &finding;
  }
  return nullptr;
}

inline bool has_rule(const std::vector<saml::Finding>& findings, std::string_view id) {
  return find_rule(findings, id) != nullptr;
}

// "SIG001 XML004 ": the rule IDs in order, for assertion messages.
inline std::string rule_ids(const std::vector<saml::Finding>& findings) {
  std::string text;
  for (const saml::Finding& finding : findings) text += finding.rule_id + " ";
  return text;
}

// A Policy at the fixtures' time, 2024-05-01T12:01:00Z (the responses are valid then).
inline saml::Policy fixture_policy() {
  saml::Policy policy;
  auto now = saml::parse_xs_datetime("2024-05-01T12:01:00Z");
  if (!now) throw std::runtime_error(now.error().message);
  policy.now = *now;
  return policy;
}

// The trust store of the fixture IdP (fixtures/keys/idp-rsa.crt).
inline saml::TrustStore idp_trust() {
  saml::TrustStore trust;
  auto added = trust.add_pem_certificates(read_fixture("keys/idp-rsa.crt"), "idp-rsa.crt");
  if (!added) throw std::runtime_error("idp-rsa.crt: " + added.error().message);
  return trust;
}

}  // namespace samltest
