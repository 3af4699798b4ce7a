// Shared by every harness: the libFuzzer entry point, the input cap, invariant checks that
// trap, and the embedded test keys and fixtures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "saml/policy.h"
#include "saml/trust.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fuzz {

// Inputs larger than this are skipped by every harness: the library refuses them before
// doing any work, so they only slow the fuzzer down. (The decode and parse harnesses set
// their own limits well below it, so the refusal paths are still exercised.)
inline constexpr std::size_t kMaxInput = 256 * 1024;

// Prints which invariant broke and traps, so every engine records a crash.
[[noreturn]] void fail(const char* invariant, std::string_view detail, const char* file, int line);

inline bool input_fits(std::size_t size) { return size <= kMaxInput; }
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The embedded fixtures (copied from fixtures/ at build time, so a fuzzer binary runs
// anywhere, including a ClusterFuzzLite runner that has only the binary).
namespace fixture {
extern const std::string_view idp_rsa_crt;
extern const std::string_view idp_rsa_key;
extern const std::string_view attacker_rsa_crt;
extern const std::string_view attacker_rsa_key;
extern const std::string_view signed_assertion_xml;
// fixtures/lint/keys: certificates that expired, expire within 30 days, and have RSA-1024.
extern const std::string_view lint_expired_rsa_crt;
extern const std::string_view lint_expiring_rsa_crt;
extern const std::string_view lint_short_rsa_crt;
}  // namespace fixture

// A trust store holding only the fixtures' IdP certificate (idp-rsa.crt).
const saml::TrustStore& idp_trust_store();
// The fixtures' evaluation policy: now = 2024-05-01T12:01:00Z, default AWS expectations.
const saml::Policy& fixture_policy();

// Tripwire for "no file or network access": replaces libxml2's and xmlsec's URI loaders
// with ones that only count calls. Install after the library has initialised xmlsec.
void install_io_tripwire();
// Loads attempted since the tripwire was installed; the first URI asked for.
std::size_t io_attempts();
const std::string& first_io_uri();

}  // namespace fuzz

// An invariant: when it does not hold the harness traps with a message naming it.
#define FUZZ_CHECK(condition, detail)                                      \
  do {                                                                     \
    if (!(condition)) ::fuzz::fail(#condition, (detail), __FILE__, __LINE__); \
  } while (false)
