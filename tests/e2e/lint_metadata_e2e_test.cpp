// saml-lint end to end for --metadata (the metadata document linted as an input of its
// own, and the response cross-checks) and for --write-baseline / --baseline (drift).
#define BOOST_TEST_MODULE lint_metadata_e2e
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "run_tool.h"

namespace {

using Json = nlohmann::json;
using samltest::Run;
using samltest::slurp;
using samltest::TempFile;

const std::string kFixtures = SAMLKIT_FIXTURES_DIR;
const std::string kGoodMetadata = kFixtures + "/keys/okta-metadata.xml";
const std::string kClean = kFixtures + "/responses/okta-aws-signed-assertion.xml";
const std::string kBaseline = kFixtures + "/metadata/okta-aws-signed-assertion.baseline.json";
const std::string kNextKeyResponse = kFixtures + "/metadata/signed-by-next-key.xml";

// Certificates are judged at the same pinned time as the messages (the fixtures' keys expire).
Run lint(std::vector<std::string> args) {
  args.insert(args.begin(), {"--now", "2024-05-01T12:01:00Z", "--cert-now", "2024-05-01T12:01:00Z"});
  return samltest::run_tool(SAML_LINT_PATH, args);
}

Run lint_trusting_both_keys(std::vector<std::string> args) {
  args.insert(args.begin(), {"--cert", kFixtures + "/keys/idp-rsa.crt", "--cert", kFixtures + "/keys/idp-rsa-next.crt"});
  return lint(args);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(metadata)

BOOST_AUTO_TEST_CASE(metadata_alone_is_linted_with_exit_codes) {
  const Run good = lint({"--metadata", kGoodMetadata});
  BOOST_TEST(good.exit_code == 0, good.out << good.err);
  BOOST_TEST(good.out.find("okta-metadata.xml (profile aws") != std::string::npos, good.out);
  BOOST_TEST(good.out.find("summary: 1 message linted, 0 errors") != std::string::npos, good.out);

  const std::string expired = kFixtures + "/metadata/expired-certificate.xml";
  BOOST_TEST(lint({"--metadata", expired}).exit_code == 1);
  BOOST_TEST(lint({"--metadata", kFixtures + "/metadata/no-signing-certificate.xml"}).exit_code == 1,
             "metadata without keys is a finding, not a usage error");
  const std::string expiring = kFixtures + "/metadata/expiring-certificate.xml";
  BOOST_TEST(lint({"--metadata", expiring}).exit_code == 0, "MET006 is a warning");
  BOOST_TEST(lint({"--fail-on", "warning", "--metadata", expiring}).exit_code == 1);
  BOOST_TEST(lint({"--metadata", kFixtures + "/metadata/no-such-file.xml"}).exit_code == 2);
  TempFile broken("<md:EntityDescriptor", ".xml");
  BOOST_TEST(lint({"--metadata", broken.path()}).exit_code == 3, "not well-formed: unreadable input");
}

BOOST_AUTO_TEST_CASE(reports_name_the_metadata_file_and_line) {
  const std::string expired = kFixtures + "/metadata/expired-certificate.xml";
  const Run text = lint({"--metadata", expired});
  BOOST_TEST(text.out.find("[MET005] error at line 2") != std::string::npos, text.out);

  const Json json = Json::parse(lint({"--format", "json", "--metadata", expired}).out);
  BOOST_REQUIRE(json["messages"].size() == 1u);
  BOOST_TEST(json["messages"][0]["source"] == expired);
  BOOST_TEST(json["messages"][0]["findings"][0]["rule"] == "MET005", json.dump());
  BOOST_TEST(json["messages"][0]["findings"][0]["location"]["line"] == 2);

  const Json sarif = Json::parse(lint({"--format", "sarif", "--metadata", expired}).out);
  const auto& result = sarif["runs"][0]["results"][0];
  BOOST_TEST(result["ruleId"] == "MET005");
  const auto& physical = result["locations"][0]["physicalLocation"];
  BOOST_TEST(physical["artifactLocation"]["uri"].get<std::string>().find("metadata/expired-certificate.xml") !=
             std::string::npos);
  BOOST_TEST(physical["region"]["startLine"] == 2);
}

BOOST_AUTO_TEST_CASE(responses_are_checked_against_the_metadata) {
  const Run clean = lint({"--format", "json", "--metadata", kGoodMetadata, kClean});
  BOOST_TEST(clean.exit_code == 0, clean.out << clean.err);
  const Json both = Json::parse(clean.out);
  BOOST_REQUIRE(both["messages"].size() == 2u);
  BOOST_TEST(both["messages"][0]["source"] == kGoodMetadata, "metadata comes first");
  BOOST_TEST(both["messages"][1]["source"] == kClean);

  const Run issuer = lint({"--format", "json", "--metadata", kGoodMetadata,
                           kFixtures + "/metadata/issuer-changed.xml"});
  BOOST_TEST(issuer.exit_code == 1);
  BOOST_TEST(issuer.out.find("\"MET008\"") != std::string::npos, issuer.out);

  const Run key = lint({"--format", "json", "--metadata", kGoodMetadata, "--cert",
                        kFixtures + "/keys/idp-rsa-next.crt", kNextKeyResponse});
  BOOST_TEST(key.exit_code == 1);
  BOOST_TEST(key.out.find("\"MET009\"") != std::string::npos, key.out);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(baseline)

BOOST_AUTO_TEST_CASE(write_then_compare_round_trips) {
  TempFile written({}, ".json");
  const Run write = lint_trusting_both_keys({"--write-baseline", written.path(), kClean});
  BOOST_TEST(write.exit_code == 0, write.err);
  BOOST_TEST(slurp(written.path()) == slurp(kBaseline), "the committed baseline differs from a fresh one");
  const Run compare = lint_trusting_both_keys({"--baseline", written.path(), kClean});
  BOOST_TEST(compare.exit_code == 0, compare.out);
  BOOST_TEST(compare.out.find("no findings") != std::string::npos, compare.out);
}

BOOST_AUTO_TEST_CASE(drift_fails_the_run_with_a_clear_message) {
  const Run rotated = lint_trusting_both_keys({"--baseline", kBaseline, kNextKeyResponse});
  BOOST_TEST(rotated.exit_code == 1);
  BOOST_TEST(rotated.out.find("[DRF003]") != std::string::npos, rotated.out);
  BOOST_TEST(rotated.out.find("CN=okta-idp-test-next") != std::string::npos, rotated.out);

  const Run unverified = lint_trusting_both_keys({"--baseline", kBaseline, kFixtures + "/responses/unsigned.xml"});
  BOOST_TEST(unverified.exit_code == 1);
  BOOST_TEST(unverified.out.find("[DRF001]") != std::string::npos, unverified.out);

  const Run lost_role = lint_trusting_both_keys({"--format", "json", "--baseline", kBaseline,
                                                 kFixtures + "/lint/duplicate-role-values.xml"});
  BOOST_TEST(lost_role.exit_code == 1);
  BOOST_TEST(lost_role.out.find("\"DRF007\"") != std::string::npos, lost_role.out);
}

BOOST_AUTO_TEST_CASE(write_baseline_needs_one_verified_response) {
  TempFile written({}, ".json");
  BOOST_TEST(lint_trusting_both_keys({"--write-baseline", written.path(), kClean, kClean}).exit_code == 2);
  const Run unsigned_response =
      lint_trusting_both_keys({"--write-baseline", written.path(), kFixtures + "/responses/unsigned.xml"});
  BOOST_TEST(unsigned_response.exit_code == 1);
  BOOST_TEST(unsigned_response.err.find("no trusted signature") != std::string::npos, unsigned_response.err);
  BOOST_TEST(slurp(written.path()).empty(), "nothing may be written from unverified values");
  TempFile bad("{\"schema\": \"other\"}", ".json");
  BOOST_TEST(lint_trusting_both_keys({"--baseline", bad.path(), kClean}).exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()

#ifdef SARIF_MULTITOOL_PATH
BOOST_AUTO_TEST_SUITE(sarif_multitool)

BOOST_AUTO_TEST_CASE(sarif_with_metadata_and_drift_validates) {
  const Run r = lint_trusting_both_keys({"--format", "sarif", "--baseline", kBaseline, "--metadata",
                                         kFixtures + "/metadata/expired-certificate.xml", "--metadata",
                                         kGoodMetadata, kNextKeyResponse,
                                         kFixtures + "/metadata/issuer-changed.xml"});
  BOOST_TEST(r.out.find("\"MET005\"") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("\"DRF003\"") != std::string::npos, r.out);
  TempFile report(r.out, ".sarif");
  const Run check = samltest::run_tool(SARIF_MULTITOOL_PATH, {"validate", report.path()});
  BOOST_TEST(check.exit_code == 0, check.out << check.err);
  // The Multitool exits 0 even for invalid files; its findings are lines "file(l,c): error".
  BOOST_TEST(check.out.find(": error ") == std::string::npos, check.out);
  BOOST_TEST(check.out.find("1 files scanned") != std::string::npos, check.out);
}

BOOST_AUTO_TEST_SUITE_END()
#endif

#ifdef BASELINE_JSON_SCHEMA
BOOST_AUTO_TEST_SUITE(json_schema)

BOOST_AUTO_TEST_CASE(baseline_and_metadata_reports_validate_against_their_schemas) {
  TempFile written({}, ".json");
  BOOST_REQUIRE(lint_trusting_both_keys({"--write-baseline", written.path(), kClean}).exit_code == 0);
  TempFile report(lint_trusting_both_keys({"--format", "json", "--baseline", kBaseline, "--metadata",
                                           kFixtures + "/metadata/expired-certificate.xml", kClean,
                                           kNextKeyResponse})
                      .out,
                  ".json");
  for (const auto& [schema, file] : {std::pair{std::string(BASELINE_JSON_SCHEMA), written.path()},
                                     std::pair{std::string(LINT_JSON_SCHEMA), report.path()}}) {
    const Run check = samltest::run_tool(PYTHON3_PATH, {VALIDATE_JSON, schema, file});
    BOOST_TEST(check.exit_code == 0, schema << ": " << check.err);
  }
  // The validator must be able to fail: a baseline without its schema tag is refused.
  TempFile broken("{\"issuer\": \"x\"}", ".json");
  const Run refused = samltest::run_tool(PYTHON3_PATH, {VALIDATE_JSON, BASELINE_JSON_SCHEMA, broken.path()});
  BOOST_TEST(refused.exit_code != 0, "jsonschema accepted a broken baseline");
}

BOOST_AUTO_TEST_SUITE_END()
#endif
