// Profiles: detection from the verified assertion, and which verify findings apply.
#pragma once

#include <string>

#include "saml/finding.h"
#include "saml/lint.h"
#include "saml/verify.h"

namespace saml::lint {

struct DetectedProfile {
  Profile profile = Profile::Aws;
  std::string reason;
};

// IAM Identity Center when an audience or Recipient is under /platform/saml/; IAM
// federation when an AWS audience, sign-in endpoint or Role attribute is present;
// otherwise generic. Without a verified assertion: aws, the default.
DetectedProfile detect_profile(const Verdict& verdict);

// Whether a finding saml-verify produced belongs in this lint run.
bool verify_finding_applies(const Finding& finding, Profile profile, const Policy& policy,
                            bool have_trusted_keys);

// Verify rules that read the assertion: they do not apply when no signature covers it.
bool needs_verified_assertion(std::string_view rule_id);
// The AWS side's rules (IAM0xx, OKT0xx): they apply only when their inputs were given.
bool is_aws_side_rule(std::string_view rule_id);

}  // namespace saml::lint
