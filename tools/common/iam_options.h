// The IAM, Okta and Identity Center options saml-verify and saml-lint share: what they read,
// what they decide for each verified message, and how that is printed (text and JSON).
#pragma once

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "saml/error.h"
#include "saml/iam.h"
#include "saml/trust.h"
#include "saml/verify.h"

namespace samlkit::cli {

// --iam, --iam-role-arn, --iam-saml-provider, --okta-*, --identity-store.
boost::program_options::options_description iam_options();

// What the options asked for, read once per run.
struct IamSetup {
  saml::iam::Inputs inputs;
  std::optional<saml::iam::OktaConfig> okta;
  std::optional<std::vector<saml::iam::IdentityStoreUser>> identity_store;

  bool active() const { return inputs.any_iam || okta || identity_store; }
};

// Reads every file the options name; the SAML providers' metadata joins `trust` (like
// --metadata). Errors are Config errors (exit 2) naming the file and JSON path.
saml::Expected<IamSetup> read_iam_setup(const boost::program_options::variables_map& vm,
                                        saml::TrustStore& trust);

// What AWS, Okta and Identity Center would make of one message. Empty parts were not asked
// for, or the message has no verified assertion (only what a signature covers is used).
struct IamOutcome {
  bool verified = false;   // the Verdict carried a verified assertion
  bool iam_asked = false, okta_asked = false, identity_store_asked = false;
  std::optional<saml::iam::Report> iam;
  std::optional<saml::iam::OktaResult> okta;
  std::optional<saml::iam::IdentityStoreMatch> identity_store;
};

// Okta's configuration errors (the filter does not compile) are Config errors.
saml::Expected<IamOutcome> evaluate_iam(const IamSetup& setup, const saml::Verdict& verdict,
                                        saml::TimePoint now);

// True when --iam was given and no role of the message is assumable.
bool no_role_assumable(const IamOutcome& outcome);

// {"iam": ..., "okta": ..., "identity_store": ...}: the keys a message's JSON entry gets.
nlohmann::ordered_json iam_json(const IamOutcome& outcome);
// The text report's "AWS side" section: one row per role with the decisive statement.
std::string iam_text(const IamOutcome& outcome);

}  // namespace samlkit::cli
