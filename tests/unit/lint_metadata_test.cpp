// saml-lint's IdP metadata lint (MET rules) and baseline drift (DRF rules): every rule of
// those areas has a fixture that triggers it and one that does not, asserted by ID.
#define BOOST_TEST_MODULE lint_metadata
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "fixtures.h"
#include "saml/baseline.h"
#include "saml/capture.h"
#include "saml/lint.h"
#include "saml/trust.h"
#include "saml_support.h"

namespace {

using samltest::find_rule;
using samltest::rule_ids;

using samltest::read_fixture;

constexpr const char* kNow = "2024-05-01T12:01:00Z";
constexpr const char* kGoodMetadata = "keys/okta-metadata.xml";
constexpr const char* kClean = "responses/okta-aws-signed-assertion.xml";
constexpr const char* kBaseline = "metadata/okta-aws-signed-assertion.baseline.json";

struct Case {
  const char* rule;
  const char* triggers;  // fixture that must produce the rule
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.rule << " " << c.triggers; }

// MET001..MET007: metadata documents; the good one is kGoodMetadata.
const std::vector<Case> kDocumentCases = {
    {"MET001", "metadata/bom.xml"},
    {"MET002", "metadata/too-small.xml"},
    {"MET003", "metadata/no-entity-id.xml"},
    {"MET004", "metadata/no-signing-certificate.xml"},
    {"MET005", "metadata/expired-certificate.xml"},
    {"MET006", "metadata/expiring-certificate.xml"},
    {"MET007", "metadata/rsa-768.xml"},
};

// MET008, MET009: responses linted with kGoodMetadata; the clean response is kClean.
const std::vector<Case> kCrossCases = {
    {"MET008", "metadata/issuer-changed.xml"},
    {"MET009", "metadata/signed-by-next-key.xml"},
};

// DRF rules: responses compared with kBaseline (written from kClean).
const std::vector<Case> kDriftCases = {
    {"DRF001", "responses/unsigned.xml"},
    {"DRF002", "metadata/issuer-changed.xml"},
    {"DRF003", "metadata/signed-by-next-key.xml"},
    {"DRF004", "responses/okta-aws-rsa-sha1.xml"},
    {"DRF005", "responses/okta-aws-rsa-sha512.xml"},
    {"DRF006", "responses/okta-aws-signed-response.xml"},
    {"DRF007", "lint/duplicate-role-values.xml"},
    {"DRF008", "lint/tags-valid.xml"},
    {"DRF009", "lint/nameid-format-x509.xml"},
    {"DRF010", "lint/lifetime-ten-minutes.xml"},
    {"DRF011", "responses/role-session-name-invalid.xml"},
};

saml::LintOptions options_at(const char* now = kNow) {
  saml::LintOptions options;
  auto parsed = saml::parse_xs_datetime(now);
  BOOST_REQUIRE(parsed);
  options.policy.now = *parsed;
  options.policy.cert_now = *parsed;
  options.policy.allow_sha1 = true;  // so the SHA-1 fixture verifies and can drift
  return options;
}

saml::LintOptions recording_baseline() {
  saml::LintOptions options = options_at();
  options.record_baseline = true;
  return options;
}

saml::MetadataLintResult lint_metadata(const std::string& bytes, const std::string& source,
                                       const saml::LintOptions& options = options_at()) {
  auto result = saml::lint_metadata(bytes, source, options);
  BOOST_REQUIRE_MESSAGE(result.has_value(), (source + ": " + (result ? "" : result.error().message)));
  return std::move(*result);
}

// Trusts both IdP keys; with --metadata, as saml-lint does, the metadata's keys too (so the
// key that verifies a response is known to come from that metadata's entity).
saml::LintResult lint_response(const std::string& fixture, const saml::LintOptions& options) {
  saml::TrustStore trust;
  if (!options.metadata.empty()) {
    BOOST_REQUIRE(trust.add_metadata(read_fixture(kGoodMetadata), kGoodMetadata).has_value());
  }
  for (const char* cert : {"keys/idp-rsa.crt", "keys/idp-rsa-next.crt"}) {
    BOOST_REQUIRE_MESSAGE(trust.add_pem_certificates(read_fixture(cert), cert).has_value(), cert);
  }
  auto captures = saml::decode_capture(read_fixture(fixture), fixture);
  BOOST_REQUIRE_MESSAGE(captures && captures->size() == 1, fixture + ": does not decode");
  auto result = saml::lint_capture(captures->front(), trust, options);
  BOOST_REQUIRE_MESSAGE(result.has_value(), (fixture + ": " + (result ? "" : result.error().message)));
  return std::move(*result);
}

saml::LintOptions with_good_metadata() {
  saml::LintOptions options = options_at();
  options.metadata.push_back(lint_metadata(read_fixture(kGoodMetadata), kGoodMetadata).metadata);
  return options;
}

saml::LintOptions with_baseline() {
  saml::LintOptions options = options_at();
  auto baseline = saml::baseline_from_json(read_fixture(kBaseline), kBaseline);
  BOOST_REQUIRE_MESSAGE(baseline.has_value(), (baseline ? "" : baseline.error().message));
  options.baseline = std::move(*baseline);
  return options;
}

std::vector<std::string> ids_in_area(const saml::LintResult& result, std::string_view area) {
  std::vector<std::string> ids;
  for (const saml::Finding& f : result.findings) {
    if (f.rule_id.substr(0, 3) == area) ids.push_back(f.rule_id + ": " + f.message);
  }
  return ids;
}


}  // namespace

BOOST_DATA_TEST_CASE(metadata_document_rules, boost::unit_test::data::make(kDocumentCases), c) {
  const saml::LintResult result = lint_metadata(read_fixture(c.triggers), c.triggers).result;
  BOOST_TEST(find_rule(result.findings, c.rule) != nullptr, c.rule << " not reported for " << c.triggers << " (found: "
                                                     << rule_ids(result.findings) << ")");
  BOOST_TEST((!result.accepted || c.rule == std::string("MET006")), c.triggers << ": an error must refuse it");
}

BOOST_AUTO_TEST_CASE(good_metadata_has_no_findings_and_gives_its_facts) {
  const saml::MetadataLintResult good = lint_metadata(read_fixture(kGoodMetadata), kGoodMetadata);
  BOOST_TEST(good.result.findings.empty(), "okta-metadata.xml: " << rule_ids(good.result.findings));
  BOOST_TEST(good.result.accepted);
  BOOST_TEST((good.metadata.entity_ids == std::vector<std::string>{"http://www.okta.com/exk1fxcj2k3Lm4NoP5d7"}));
  BOOST_REQUIRE(good.metadata.signing_certificates.size() == 1u);
  BOOST_TEST(saml::format_fingerprint(good.metadata.signing_certificates.front()) + "\n" ==
             read_fixture("keys/idp-rsa.sha256"));
  BOOST_TEST((std::find(good.result.not_applicable.begin(), good.result.not_applicable.end(), "SIG001") !=
              good.result.not_applicable.end()),
             "response rules must not apply to metadata");
}

BOOST_AUTO_TEST_CASE(metadata_findings_point_at_the_line) {
  const saml::LintResult result =
      lint_metadata(read_fixture("metadata/expired-certificate.xml"), "expired-certificate.xml").result;
  const saml::Finding* expired = find_rule(result.findings, "MET005");
  BOOST_REQUIRE(expired != nullptr);
  BOOST_TEST(expired->where.line == 2, "the certificate is on line 2");
  BOOST_TEST(expired->where.element.find("X509Certificate") != std::string::npos, expired->where.element);
  BOOST_TEST(expired->message.find("2024-04-01T00:00:00Z") != std::string::npos, expired->message);
}

BOOST_AUTO_TEST_CASE(metadata_encoding_and_size_edges) {
  const std::string good = read_fixture(kGoodMetadata);
  std::string latin1 = samltest::replace_once(good, "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
  latin1 = samltest::replace_once(latin1, "<md:NameIDFormat>", "<!-- caf\xE9 --><md:NameIDFormat>");
  const saml::LintResult not_utf8 = lint_metadata(latin1, "latin1.xml").result;
  const saml::Finding* met001 = find_rule(not_utf8.findings, "MET001");
  BOOST_REQUIRE_MESSAGE(met001 != nullptr, "Latin-1 metadata: " << rule_ids(not_utf8.findings));
  BOOST_TEST(met001->message.find("not UTF-8") != std::string::npos, met001->message);

  const std::string declared = samltest::replace_once(good, "encoding=\"UTF-8\"", "encoding=\"US-ASCII\"");
  BOOST_TEST(find_rule(lint_metadata(declared, "ascii.xml").result.findings, "MET001") != nullptr,
             "a declared non-UTF-8 encoding must be reported");

  const std::string huge = samltest::replace_once(good, "<md:IDPSSODescriptor",
                                                  "<!--" + std::string(10000000, 'x') + "--><md:IDPSSODescriptor");
  const saml::LintResult too_big = lint_metadata(huge, "huge.xml").result;
  BOOST_TEST(find_rule(too_big.findings, "MET002") != nullptr, "over 10,000,000 characters: " << rule_ids(too_big.findings));

  BOOST_TEST(!saml::lint_metadata("<md:EntityDescriptor", "broken.xml", options_at()).has_value(),
             "not well-formed metadata must be an error");
}

BOOST_AUTO_TEST_CASE(metadata_rules_follow_the_profile) {
  saml::LintOptions generic = options_at();
  generic.policy.profile = saml::Profile::Generic;
  const saml::LintResult result = lint_metadata(read_fixture("metadata/bom.xml"), "bom.xml", generic).result;
  BOOST_TEST(find_rule(result.findings, "MET001") == nullptr, "MET001 is an IAM demand, not a generic SAML rule");
  BOOST_TEST(result.profile_reason == "given: --profile generic");
}

BOOST_DATA_TEST_CASE(metadata_cross_checks, boost::unit_test::data::make(kCrossCases), c) {
  const saml::LintResult triggered = lint_response(c.triggers, with_good_metadata());
  const saml::Finding* finding = find_rule(triggered.findings, c.rule);
  BOOST_REQUIRE_MESSAGE(finding != nullptr, c.rule << " not reported for " << c.triggers << " (found: "
                                                   << rule_ids(triggered.findings) << ")");
  const std::string named = c.rule == std::string("MET008") ? "http://www.okta.com/exk1fxcj2k3Lm4NoP5d7"
                                                            : kGoodMetadata;
  BOOST_TEST(finding->message.find(named) != std::string::npos, "message names the metadata: "
                                                                    << finding->message);
  const saml::LintResult clean = lint_response(kClean, with_good_metadata());
  BOOST_TEST(ids_in_area(clean, "MET").empty(), "clean response: " << rule_ids(clean.findings));
  BOOST_TEST((std::find(clean.not_applicable.begin(), clean.not_applicable.end(), "MET001") !=
              clean.not_applicable.end()),
             "metadata document rules must not apply to a response");
  const saml::LintResult without = lint_response(c.triggers, options_at());
  BOOST_TEST(find_rule(without.findings, c.rule) == nullptr, c.rule << " reported without --metadata");
}

BOOST_DATA_TEST_CASE(drift_rules, boost::unit_test::data::make(kDriftCases), c) {
  const saml::LintResult triggered = lint_response(c.triggers, with_baseline());
  BOOST_TEST(find_rule(triggered.findings, c.rule) != nullptr, c.rule << " not reported for " << c.triggers << " (found: "
                                                        << rule_ids(triggered.findings) << ")");
  BOOST_TEST(find_rule(lint_response(c.triggers, options_at()).findings, c.rule) == nullptr,
             c.rule << " reported without --baseline");
}

BOOST_AUTO_TEST_CASE(the_baseline_response_has_no_drift) {
  for (const char* fixture : {kClean, "responses/okta-aws-role-reversed-order.xml"}) {
    const saml::LintResult result = lint_response(fixture, with_baseline());
    BOOST_TEST(ids_in_area(result, "DRF").empty(), fixture << ": " << rule_ids(result.findings));
  }
}

BOOST_AUTO_TEST_CASE(drift_messages_name_old_and_new_values) {
  const saml::LintResult rotated = lint_response("metadata/signed-by-next-key.xml", with_baseline());
  const saml::Finding* key = find_rule(rotated.findings, "DRF003");
  BOOST_REQUIRE(key != nullptr);
  BOOST_TEST(key->message.find("CN=okta-idp-test)") != std::string::npos, key->message);
  BOOST_TEST(key->message.find("CN=okta-idp-test-next") != std::string::npos, key->message);

  const saml::LintResult weaker = lint_response("responses/okta-aws-rsa-sha1.xml", with_baseline());
  const saml::Finding* sha1 = find_rule(weaker.findings, "DRF004");
  BOOST_REQUIRE(sha1 != nullptr);
  BOOST_TEST(sha1->message.find("rsa-sha256") != std::string::npos, sha1->message);
  BOOST_TEST(sha1->message.find("rsa-sha1") != std::string::npos, sha1->message);
  BOOST_TEST(find_rule(weaker.findings, "DRF005") == nullptr, "a weaker algorithm is DRF004 only");

  const saml::LintResult roles = lint_response("lint/duplicate-role-values.xml", with_baseline());
  const saml::Finding* lost = find_rule(roles.findings, "DRF007");
  BOOST_REQUIRE(lost != nullptr);
  BOOST_TEST(lost->message.find("removed arn:aws:iam::123456789012:role/engineering/Okta-ReadOnly") !=
                 std::string::npos,
             lost->message);

  const saml::LintResult lifetime = lint_response("lint/lifetime-ten-minutes.xml", with_baseline());
  const saml::Finding* longer = find_rule(lifetime.findings, "DRF010");
  BOOST_REQUIRE(longer != nullptr);
  BOOST_TEST(longer->message.find("baseline 5 min, now 10 min") != std::string::npos, longer->message);
}

BOOST_AUTO_TEST_CASE(baseline_json_round_trips_and_matches_the_fixture) {
  const saml::LintResult clean = lint_response(kClean, recording_baseline());
  BOOST_REQUIRE(clean.observed.has_value());
  const std::string json = saml::baseline_to_json(*clean.observed);
  BOOST_TEST(json == read_fixture(kBaseline), "the committed baseline is stale: run fixtures/generate-metadata.sh");
  auto parsed = saml::baseline_from_json(json, "round-trip");
  BOOST_REQUIRE(parsed);
  BOOST_TEST(saml::baseline_to_json(*parsed) == json);
  BOOST_TEST((clean.observed->session_name_source == std::optional<std::string>("NameID")));
  BOOST_TEST(clean.observed->roles.size() == 2u);
}

BOOST_AUTO_TEST_CASE(only_verified_values_make_a_baseline) {
  const saml::LintResult unsigned_response = lint_response("responses/unsigned.xml", recording_baseline());
  BOOST_TEST(!unsigned_response.observed.has_value(), "an unsigned assertion must not give a baseline");
  const saml::LintResult untrusted = lint_response("responses/signed-by-untrusted-key.xml", recording_baseline());
  BOOST_TEST(!untrusted.observed.has_value(), "an untrusted signature must not give a baseline");
}

BOOST_AUTO_TEST_CASE(bad_baseline_files_are_config_errors) {
  const std::string good = read_fixture(kBaseline);
  for (const std::string& bad :
       {std::string("not json"), std::string("[]"),
        samltest::replace_once(good, "samlkit.baseline/1", "samlkit.baseline/9"),
        samltest::replace_once(good, "\"roles\": [", "\"roles\": [1, "),
        samltest::replace_once(good, "\"assertion_lifetime_minutes\": 5", "\"assertion_lifetime_minutes\": \"5\"")}) {
    auto parsed = saml::baseline_from_json(bad, "bad.json");
    BOOST_TEST(!parsed.has_value(), "accepted: " << bad.substr(0, 60));
    if (!parsed) {
      BOOST_TEST((parsed.error().kind == saml::ErrorKind::Config));
      BOOST_TEST(parsed.error().message.find("bad.json") != std::string::npos, parsed.error().message);
    }
  }
}

BOOST_AUTO_TEST_CASE(every_met_and_drf_rule_has_a_case) {
  std::set<std::string> seen;
  for (const auto* cases : {&kDocumentCases, &kCrossCases, &kDriftCases}) {
    for (const Case& c : *cases) {
      BOOST_TEST(saml::find_rule(c.rule) != nullptr, c.rule << " is not in the rule table");
      BOOST_TEST(seen.insert(c.rule).second, c.rule << " has two cases");
    }
  }
  for (const saml::Rule& rule : saml::all_rules()) {
    const std::string id(rule.id);
    if (id.rfind("MET", 0) == 0 || id.rfind("DRF", 0) == 0) {
      BOOST_TEST(seen.count(id) == 1u, id << " has no triggering fixture");
    }
  }
}
