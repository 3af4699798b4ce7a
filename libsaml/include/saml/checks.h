// Checks stage: the rules saml-verify enforces, as pure functions over the model and a
// Policy. Each appends findings (rule IDs from rules.h) and never reads the clock.
#pragma once

#include <vector>

#include "saml/capture.h"
#include "saml/dsig.h"
#include "saml/finding.h"
#include "saml/model.h"
#include "saml/policy.h"
#include "saml/profile.h"

namespace saml {

// PRO001 (Version), PRO002 (top-level StatusCode), CND006 (IssueInstant) on the Response
// element's own fields; safe to run whether or not the Response is signed.
void check_response(const Response& response, std::vector<Finding>& findings);

// PRO001, PRO003 (Issuer), PRO004 (Destination equals the bearer Recipient).
void check_assertion_protocol(const Response& response, const Assertion& assertion,
                              std::vector<Finding>& findings);

// SUB001..SUB005: NameID, exactly one bearer confirmation, its NotOnOrAfter and Recipient
// (policy.recipients, else the profile's ACS URLs; generic: no expectation).
void check_subject(const Assertion& assertion, const Policy& policy, Profile profile,
                   std::vector<Finding>& findings);

// CND006 for every unparseable time, then CND001, CND002, SUB006, SUB008, CND005 against
// policy.now and policy.skew.
void check_times(const Assertion& assertion, const Policy& policy, std::vector<Finding>& findings);

// CND003 (AudienceRestriction present), CND004 (every restriction has an accepted audience:
// policy.audiences, else the profile's; generic: no expectation).
void check_audiences(const Assertion& assertion, const Policy& policy, Profile profile,
                     std::vector<Finding>& findings);

// HYG001: issued more than 5 minutes before now (STS refuses it).
void check_issue_age(const Assertion& assertion, const Policy& policy,
                     std::vector<Finding>& findings);

// SIG014 (a warning): the certificate of a key that verified a signature is expired at
// policy.now. AWS does not reject on it, so it never changes the verdict.
void check_signing_certificate_dates(const DsigResult& signatures, const Policy& policy,
                                     std::vector<Finding>& findings);

// AWS011: the base64 message AssumeRoleWithSAML receives is over 100,000 characters.
void check_message_size(const Capture& capture, std::vector<Finding>& findings);

// Every assertion check above, in that order, for an assertion a trusted signature covers.
// Findings of rules outside `profile` are left for the caller to drop (verify_capture).
void check_verified_assertion(const Response& response, const Assertion& assertion,
                              const Policy& policy, Profile profile, std::vector<Finding>& findings);

}  // namespace saml
