// The IAM, Okta and Identity Center options saml-verify and saml-lint share: what they read,
// what they decide for each verified message, and how that is printed (text and JSON).
#pragma once

#include <boost/program_options.hpp>

#include <optional>
#include <string>
#include <vector>

#include "saml/error.h"
#include "saml/iam.h"
#include "saml/trust.h"

namespace samlkit::cli {

// --iam, --iam-role-arn, --iam-saml-provider, --okta-*, --identity-store.
boost::program_options::options_description iam_options();

// Reads every file the options name; the SAML providers' metadata joins `trust` (like
// --metadata). Errors are Config errors (exit 2) naming the file and JSON path, or the
// Okta Group Filter that does not compile.
saml::Expected<saml::iam::Config> read_iam_config(const boost::program_options::variables_map& vm,
                                                  saml::TrustStore& trust);

// The text report's "AWS side" section: one row per role with the decisive statement.
std::string iam_text(const saml::iam::AwsSide& side);

}  // namespace samlkit::cli
