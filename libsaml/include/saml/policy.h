// What the caller expects: time, skew, audiences, recipients, algorithms, limits.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "saml/capture.h"
#include "saml/profile.h"
#include "saml/time.h"
#include "saml/xml.h"

namespace saml {

class DecryptionKeys;  // saml/xmlenc.h

// Where a time the policy judges at came from (said in every report).
enum class TimeSource { SystemClock, Option, Capture };
// "clock", "option" (--now or --cert-now), "capture" (the time the capture records).
const char* time_source_name(TimeSource source);

struct Policy {
  // Two clocks, never read by the library: a message's conditions are judged at `now`;
  // certificate and metadata expiry at `cert_now`, so that a message judged at the time it
  // was captured still warns of a certificate that expires next week.
  TimePoint now{};
  TimeSource now_source = TimeSource::SystemClock;
  TimePoint cert_now{};
  TimeSource cert_now_source = TimeSource::SystemClock;
  std::chrono::seconds skew{0};             // AWS documents none
  // The profile to judge by; nullopt: detected from the message (detect_profile).
  std::optional<Profile> profile;
  // Expected values, compared exactly. Empty: the profile's defaults (saml/aws_endpoints.h):
  // the AWS audiences and sign-in endpoints, Identity Center's issuer and ACS URLs, or
  // (generic) no expectation.
  std::vector<std::string> audiences;
  std::vector<std::string> recipients;
  std::vector<std::string> issuers;         // accepted IdP Issuers (--issuer); empty: any
  bool allow_sha1 = false;
  // Keep the canonical bytes each signature digested and signed (SignatureReport), for
  // diagnosing a digest mismatch; off by default (costs a copy per signature).
  bool keep_canonical_bytes = false;
  CaptureLimits capture_limits;
  ParseLimits parse_limits;
  // SP private keys for an EncryptedAssertion (null or empty: XML005 says which key is needed).
  std::shared_ptr<const DecryptionKeys> decryption_keys;
  bool allow_rsa15 = false;  // accept RSA-1.5 key transport (SIG017 otherwise)
};

}  // namespace saml
