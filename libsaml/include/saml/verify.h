// The whole pipeline for one capture: parse, signatures, model from covered nodes, checks.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saml/aws.h"
#include "saml/capture.h"
#include "saml/dsig.h"
#include "saml/finding.h"
#include "saml/model.h"
#include "saml/policy.h"
#include "saml/profile.h"
#include "saml/trust.h"
#include "saml/xml.h"
#include "saml/xmlenc.h"

namespace saml {

struct Rule;  // saml/rules.h

struct Verdict {
  bool accepted = false;
  // The profile the message was judged by (policy.profile, or detected) and why.
  Profile profile = Profile::Aws;
  std::string profile_reason;
  // Every problem of the rules saml-verify enforces for that profile, errors and warnings.
  std::vector<Finding> findings;
  // The verdict's own rule checks that did not apply (entries of the rule table).
  std::vector<const Rule*> checks_not_applicable;
  // The parsed document; node pointers in the fields below point into it.
  std::shared_ptr<const Document> document;
  std::optional<Response> response;      // the Response element's own fields
  bool response_signed = false;          // whether those fields are covered by a signature
  // Built only from the assertion node a trusted signature covers; empty otherwise.
  std::optional<Assertion> assertion;
  std::optional<AwsView> aws;
  DsigResult signatures;  // reports and covered nodes; their findings are in `findings`
  // Set when the Response carries an EncryptedAssertion: what it shows, which key decrypted it.
  std::optional<EncryptionReport> encryption;
  // The decrypted Assertion, parsed on its own and placed under a synthetic unsigned
  // samlp:Response (see DecryptedAssertion). When set, `assertion` and the Assertion's
  // SignatureReports point into it, not into `document`.
  std::shared_ptr<const Document> decrypted_document;
};

// Runs every rule saml-verify enforces (the rule table's Verdict rules of the profile).
// Decode/parse failures, and XML that is no SAML message at all, are an Error (exit 3);
// everything else, including a DOCTYPE refusal, is a Verdict with findings.
Expected<Verdict> verify_capture(const Capture& capture, const TrustStore& trust,
                                 const Policy& policy);

}  // namespace saml
