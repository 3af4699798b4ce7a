// What the caller expects: time, skew, audiences, recipients, algorithms, limits.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "saml/capture.h"
#include "saml/time.h"
#include "saml/xml.h"

namespace saml {

class DecryptionKeys;  // saml/xmlenc.h

// Audiences AWS accepts for IAM federation.
const std::vector<std::string>& default_aws_audiences();
// True for the AWS sign-in endpoints (global, regional, GovCloud, China), and for the
// provider-specific ACS URL of a SAML provider with encryption keys (below).
bool is_aws_signin_endpoint(std::string_view url);
// True for <sign-in endpoint>/acs/<IdP-ID>, e.g.
// https://us-east-1.signin.aws.amazon.com/saml/acs/SAMLSPABCDEFGHIJKLMNOP (IdP-ID: "SAMLSP"
// then uppercase letters and digits).
bool is_aws_provider_acs_url(std::string_view url);

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
  std::vector<std::string> audiences;       // empty = default_aws_audiences()
  std::vector<std::string> recipients;      // empty = any AWS sign-in endpoint
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
