// What the caller expects: time, skew, audiences, recipients, algorithms, limits.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "saml/capture.h"
#include "saml/time.h"
#include "saml/xml.h"

namespace saml {

// Audiences AWS accepts for IAM federation.
const std::vector<std::string>& default_aws_audiences();
// True for the AWS sign-in endpoints (global, regional, GovCloud, China).
bool is_aws_signin_endpoint(std::string_view url);

struct Policy {
  TimePoint now{};                          // never read from the clock by the library
  std::chrono::seconds skew{0};             // AWS documents none
  std::vector<std::string> audiences;       // empty = default_aws_audiences()
  std::vector<std::string> recipients;      // empty = any AWS sign-in endpoint
  bool allow_sha1 = false;
  CaptureLimits capture_limits;
  ParseLimits parse_limits;
};

}  // namespace saml
