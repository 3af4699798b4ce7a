// What a rule's own check sees (CheckContext) and how it reports (RuleReport), and the runner
// that calls every check of the rule table for one message.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "saml/aws.h"
#include "saml/capture.h"
#include "saml/dsig.h"
#include "saml/finding.h"
#include "saml/model.h"
#include "saml/policy.h"
#include "saml/rules.h"
#include "saml/trust.h"
#include "saml/xml.h"
#include "saml/xmlenc.h"

namespace saml {

struct Baseline;
struct LintOptions;

// One message as the pipeline built it. `assertion` and `aws` exist only when a trusted
// signature covers the assertion, so checks on signed content read only covered nodes.
struct CheckContext {
  const Capture& capture;
  const Policy& policy;
  const TrustStore& trust;
  Profile profile;
  const Document* document = nullptr;          // null when the XML could not be parsed
  const Response* response = nullptr;          // null when the root is not a samlp:Response
  const Assertion* assertion = nullptr;        // the verified assertion
  const AwsView* aws = nullptr;                // its AWS view
  const DsigResult& signatures;
  const EncryptionReport* encryption = nullptr;  // set for an EncryptedAssertion
  // saml-lint only: its options (--metadata facts, --baseline) and this message's baseline.
  const LintOptions* lint = nullptr;
  const Baseline* observed = nullptr;
};

// A check's findings sink, bound to its rule: the check never names its own ID.
class RuleReport {
 public:
  RuleReport(const Rule& rule, std::vector<Finding>& findings) : rule_(rule), findings_(findings) {}
  void add(std::string message, Location where = {});
  // A finding below the rule's severity, for what the user allowed (--allow-rsa15).
  void add(std::string message, Location where, Severity severity);

 private:
  const Rule& rule_;
  std::vector<Finding>& findings_;
};

// Runs the check of every rule with this enforcement that belongs to context.profile, in
// table order. Rules outside the profile, and checks that say NotApplicable, are added to
// `not_applicable` when it is given.
void run_rule_checks(const CheckContext& context, Enforcement enforcement,
                     std::vector<Finding>& findings,
                     std::vector<const Rule*>* not_applicable = nullptr);

}  // namespace saml
