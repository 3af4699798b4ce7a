// What every benchmark shares: the typical Okta->AWS fixture, its trust store and policy.
#pragma once

#include <ctime>
#include <string>

#include "saml/policy.h"
#include "saml/trust.h"

namespace samlbench {

// The fixture every stage is measured on (RSA-2048/SHA-256, signed Assertion, two roles).
inline constexpr const char* kResponseFixture = "responses/okta-aws-signed-assertion.xml";
inline constexpr const char* kBase64Fixture = "captures/okta-aws-signed-assertion.b64";
inline constexpr const char* kCertFixture = "keys/idp-rsa.crt";
// Inside the fixtures' validity window (see fixtures/README.md).
inline constexpr const char* kNow = "2024-05-01T12:01:00Z";

std::string fixture_path(const std::string& relative);
// Whole file; throws std::runtime_error naming the file when it cannot be read.
std::string read_file(const std::string& path);

// The IdP certificate pinned; throws when it cannot be loaded.
saml::TrustStore fixture_trust_store();
// Default AWS policy with `now` inside the fixtures' window.
saml::Policy fixture_policy();
// The same instant in seconds, for the floors' checks.
std::time_t fixture_now();

}  // namespace samlbench
