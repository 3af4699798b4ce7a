// One verdict: over every fixture, saml-lint never judges weaker than saml-verify (each error
// saml-verify reports, saml-lint reports too; saml-lint fails what saml-verify rejects), and
// saml-decode shows saml-verify's verdict, under every profile.
#define BOOST_TEST_MODULE agreement
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "fixtures.h"
#include "saml/capture.h"
#include "saml/decode.h"
#include "saml/lint.h"
#include "saml/trust.h"
#include "saml/verify.h"
#include "saml/xmlenc.h"

namespace {

namespace fs = std::filesystem;
using samltest::read_fixture;

// The folders of SAML messages; keys, metadata documents and baselines are not messages.
const std::vector<std::string> kMessageFolders = {"responses", "attacks", "captures", "lint",
                                                  "encrypted", "metadata"};

std::vector<std::string> fixture_files() {
  std::vector<std::string> files;
  for (const std::string& folder : kMessageFolders) {
    for (const auto& entry : fs::directory_iterator(samltest::fixture_path(folder))) {
      const std::string name = entry.path().filename().string();
      if (!entry.is_regular_file() || name == "README.md" || name.ends_with(".json") ||
          name.ends_with(".sh")) {
        continue;
      }
      files.push_back(folder + "/" + name);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

saml::TrustStore all_trusted_keys() {
  saml::TrustStore trust;
  for (const char* cert : {"keys/idp-rsa.crt", "keys/idp-rsa-next.crt", "keys/idp-ec.crt",
                           "lint/keys/expired-rsa.crt", "lint/keys/expiring-rsa.crt",
                           "lint/keys/short-rsa.crt"}) {
    BOOST_REQUIRE_MESSAGE(trust.add_pem_certificates(read_fixture(cert), cert).has_value(), cert);
  }
  BOOST_REQUIRE(trust.add_metadata(read_fixture("keys/okta-metadata.xml"), "keys/okta-metadata.xml").has_value());
  return trust;
}

saml::Policy policy_for(std::optional<saml::Profile> profile) {
  saml::Policy policy;
  policy.now = *saml::parse_xs_datetime("2024-05-01T12:01:00Z");
  policy.profile = profile;
  auto keys = std::make_shared<saml::DecryptionKeys>();
  BOOST_REQUIRE(keys->add_pem_private_key(read_fixture("keys/sp-rsa.key"), "keys/sp-rsa.key").has_value());
  policy.decryption_keys = keys;
  return policy;
}

bool same_finding(const saml::Finding& a, const saml::Finding& b) {
  return a.rule_id == b.rule_id && a.severity == b.severity && a.message == b.message &&
         a.where.line == b.where.line && a.where.element == b.where.element &&
         a.where.attribute == b.where.attribute;
}

std::string describe(const std::string& file, std::size_t index, std::optional<saml::Profile> profile) {
  return file + " #" + std::to_string(index + 1) + " profile " +
         (profile ? saml::profile_name(*profile) : "detected");
}

}  // namespace

BOOST_AUTO_TEST_CASE(lint_never_judges_weaker_and_decode_shows_the_verdict) {
  const saml::TrustStore trust = all_trusted_keys();
  std::size_t messages = 0;
  for (const std::string& file : fixture_files()) {
    const saml::Policy probe = policy_for(std::nullopt);
    auto captures = saml::decode_capture(read_fixture(file), file, probe.capture_limits);
    if (!captures) continue;  // unreadable inputs are refused by every tool alike (e2e tests)
    for (std::size_t i = 0; i < captures->size(); ++i) {
      for (std::optional<saml::Profile> profile :
           {std::optional<saml::Profile>(), std::optional(saml::Profile::Aws),
            std::optional(saml::Profile::AwsIdentityCenter), std::optional(saml::Profile::Generic)}) {
        const std::string what = describe(file, i, profile);
        const saml::Capture& capture = (*captures)[i];
        saml::LintOptions options;
        options.policy = policy_for(profile);
        const auto verdict = saml::verify_capture(capture, trust, options.policy);
        const auto linted = saml::lint_capture(capture, trust, options);
        BOOST_TEST_REQUIRE(verdict.has_value() == linted.has_value(), what << ": one tool refused the input");
        if (!verdict) {
          BOOST_TEST(verdict.error().code == linted.error().code, what);
          continue;
        }
        ++messages;
        BOOST_TEST(linted->profile_reason == verdict->profile_reason, what);
        for (const saml::Finding& finding : verdict->findings) {
          if (finding.severity != saml::Severity::Error) continue;
          const bool kept = std::any_of(linted->findings.begin(), linted->findings.end(),
                                        [&](const saml::Finding& f) { return same_finding(f, finding); });
          BOOST_TEST(kept, what << ": saml-lint lost " << finding.rule_id << " " << finding.message);
        }
        if (!verdict->accepted) {
          BOOST_TEST(saml::lint_fails(saml::LintConfig{}, *linted),
                     what << ": saml-verify rejects it and saml-lint passes it");
        }
        BOOST_TEST(linted->accepted == verdict->accepted, what);

        const auto view = saml::decode_view(capture, trust, options.policy);
        if (!view || !view->response) continue;  // decode refuses what is no Response alike
        BOOST_TEST((view->accepted == std::optional<bool>(verdict->accepted)), what << ": decode's verdict");
        BOOST_TEST(view->verify_findings.size() == verdict->findings.size(), what << ": decode's findings");
        BOOST_TEST(view->profile_reason == verdict->profile_reason, what);
      }
    }
  }
  BOOST_TEST(messages > 100u, "too few fixtures were judged: " << messages);
}
