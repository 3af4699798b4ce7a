// The AWS side end to end: saml-verify and saml-lint with --iam, --iam-role-arn,
// --iam-saml-provider, --okta-* and --identity-store over fixtures/iam, as a user runs them.
#define BOOST_TEST_MODULE iam_e2e
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "run_tool.h"

namespace {

using samltest::Run;
using samltest::run_tool;

const std::string kFixtures = SAMLKIT_FIXTURES_DIR;
const std::string kNow = "2024-05-01T12:00:00Z";
const std::string kAdmin = "arn:aws:iam::123456789012:role/Okta-Admin";

std::string iam(const std::string& name) { return kFixtures + "/iam/" + name; }

std::vector<std::string> args(std::vector<std::string> extra) {
  std::vector<std::string> all = {"--cert", kFixtures + "/keys/idp-rsa.crt", "--now", kNow};
  all.insert(all.end(), extra.begin(), extra.end());
  return all;
}

// The first message of a tool's JSON document (every tool writes a "messages" array).
nlohmann::json json_of(const Run& run) {
  auto json = nlohmann::json::parse(run.out, nullptr, false);
  BOOST_REQUIRE_MESSAGE(!json.is_discarded(), "not JSON: " << run.out << run.err);
  BOOST_REQUIRE_MESSAGE(json.contains("messages") && !json["messages"].empty(), "no message: " << run.out);
  return json["messages"][0];
}

// One row: what saml-verify --json says of the first role, and its exit status.
struct Row {
  std::vector<std::string> options;
  std::string response;
  bool assumable;
  std::vector<std::string> reasons;
  int exit_code;
};

const std::vector<Row> kRows = {
    {{"--iam", iam("get-role-admin.json")}, kFixtures + "/responses/okta-aws-signed-assertion.xml", true, {}, 0},
    {{"--iam", iam("get-role-admin.json")}, iam("okta-regional.xml"), false, {"aud-mismatch"}, 1},
    {{"--iam", iam("trust-without-tagsession.json"), "--iam-role-arn", kAdmin},
     iam("okta-tags-source-identity.xml"), false, {"missing-tagsession", "missing-setsourceidentity"}, 1},
    {{"--iam", iam("trust-tags-source-identity.json"), "--iam-role-arn", kAdmin},
     iam("okta-tags-source-identity.xml"), true, {}, 0},
    {{"--iam", iam("get-role-admin.json")}, iam("okta-reserved-sso.xml"), false, {"reserved-sso-role", "role-not-in-input"}, 1},
    {{"--iam", iam("trust-notprincipal.json"), "--iam-role-arn", kAdmin},
     kFixtures + "/responses/okta-aws-signed-assertion.xml", false, {"invalid-policy"}, 1},
    {{"--iam", iam("trust-source-ip.json"), "--iam-role-arn", kAdmin},
     kFixtures + "/responses/okta-aws-signed-assertion.xml", false, {"condition-unknown"}, 1},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(verify)

BOOST_AUTO_TEST_CASE(decisions_reasons_and_exit_codes) {
  for (const Row& row : kRows) {
    std::vector<std::string> options = row.options;
    options.push_back("--json");
    options.push_back(row.response);
    const Run run = run_tool(SAML_VERIFY_PATH, args(options));
    const nlohmann::json json = json_of(run);
    const nlohmann::json& role = json["iam"]["roles"][0];
    BOOST_TEST(role["assumable"].get<bool>() == row.assumable, row.response << " " << role.dump());
    BOOST_TEST(role["reasons"].get<std::vector<std::string>>() == row.reasons, role.dump());
    BOOST_TEST(run.exit_code == row.exit_code, row.response << ": " << run.err);
  }
}

BOOST_AUTO_TEST_CASE(exit_1_only_when_no_role_is_assumable) {
  // okta-aws-signed-assertion: Okta-Admin assumable, Okta-ReadOnly names another provider.
  Run run = run_tool(SAML_VERIFY_PATH, args({"--iam", iam("authorization-details.json"),
                                             kFixtures + "/responses/okta-aws-signed-assertion.xml"}));
  BOOST_TEST(run.exit_code == 0, run.out << run.err);
  BOOST_TEST(run.out.rfind("ACCEPTED\n", 0) == 0u, run.out);
  BOOST_TEST(run.out.find("principal-other-provider") != std::string::npos, run.out);
  BOOST_TEST(run.out.find("partial export") != std::string::npos, run.out);
  run = run_tool(SAML_VERIFY_PATH, args({"--iam", iam("get-role-admin.json"), iam("okta-regional.xml")}));
  BOOST_TEST(run.exit_code == 1, run.out << run.err);
  BOOST_TEST(run.out.rfind("REFUSED BY AWS: the SAML checks pass, but no role in the response is assumable", 0) == 0u,
             "the headline says what the exit code says: " << run.out);
  BOOST_TEST(run.out.find("decisive: aud-mismatch: Statement[0]: StringEquals SAML:aud") != std::string::npos, run.out);
}

BOOST_AUTO_TEST_CASE(sts_session_fields) {
  const Run run = run_tool(SAML_VERIFY_PATH,
                           args({"--json", "--iam", iam("trust-tags-source-identity.json"), "--iam-role-arn", kAdmin,
                                 iam("okta-tags-source-identity.xml")}));
  const nlohmann::json role = json_of(run)["iam"]["roles"][0];
  BOOST_TEST(role["session_seconds"].get<long>() == 3600);   // 7200 cut by SessionNotOnOrAfter
  const nlohmann::json& sts = role["sts"];
  BOOST_TEST(sts["AssumedRoleUser"]["Arn"].get<std::string>() ==
             "arn:aws:sts::123456789012:assumed-role/Okta-Admin/jane.doe@example.com");
  BOOST_TEST(sts["SourceIdentity"].get<std::string>() == "jane.doe");
  BOOST_TEST(sts["Audience"].get<std::string>() == "https://signin.aws.amazon.com/saml");
  BOOST_TEST(sts["SubjectType"].get<std::string>() == "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
  BOOST_TEST(sts["NameQualifier"].get<std::string>() == "FQ2OGO2K6crY6d8XKCNhgjrm07M=");
}

BOOST_AUTO_TEST_CASE(saml_provider_metadata_is_trusted) {
  // No --cert: the provider's SAMLMetadataDocument carries the key.
  const Run run = run_tool(SAML_VERIFY_PATH,
                           {"--now", kNow, "--iam-saml-provider",
                            "arn:aws:iam::123456789012:saml-provider/Okta=" + iam("get-saml-provider.json"),
                            kFixtures + "/responses/okta-aws-signed-assertion.xml"});
  BOOST_TEST(run.exit_code == 0, run.out << run.err);
  BOOST_TEST(run.out.find("ACCEPTED") == 0u, run.out);
}

BOOST_AUTO_TEST_CASE(okta_and_identity_store) {
  const Run run = run_tool(SAML_VERIFY_PATH,
                           args({"--json", "--okta-groups", iam("okta-groups.txt"), "--okta-provider", "Okta",
                                 "--identity-store", iam("identity-store.json"), iam("okta-two-accounts.xml")}));
  const nlohmann::json json = json_of(run);
  BOOST_TEST(json["okta"]["expected_roles"].size() == 2u, json["okta"].dump());
  BOOST_TEST(json["okta"]["missing"].empty());
  BOOST_TEST(json["okta"]["unexpected"].empty());
  BOOST_TEST(json["okta"]["dropped_groups"].size() == 3u);
  BOOST_TEST(json["identity_store"]["matched"].get<bool>());
  BOOST_TEST(json["identity_store"]["user"]["UserName"].get<std::string>() == "jane.doe@example.com");
}

BOOST_AUTO_TEST_CASE(configuration_errors_exit_2_naming_the_file) {
  Run run = run_tool(SAML_VERIFY_PATH, args({"--iam", iam("trust-notprincipal.json"), iam("okta-regional.xml")}));
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err.find("trust-notprincipal.json") != std::string::npos, run.err);
  BOOST_TEST(run.err.find("--iam-role-arn") != std::string::npos, run.err);
  run = run_tool(SAML_VERIFY_PATH, args({"--okta-groups", iam("okta-groups.txt"), "--okta-provider", "Okta",
                                         "--okta-group-filter", "(?{{role}}[", iam("okta-regional.xml")}));
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err.find("--okta-group-filter") != std::string::npos, run.err);
  run = run_tool(SAML_VERIFY_PATH, args({"--iam", kFixtures + "/keys/okta-metadata.xml", iam("okta-regional.xml")}));
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err.find("not valid JSON") != std::string::npos, run.err);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lint)

BOOST_AUTO_TEST_CASE(findings_and_json_members) {
  const Run run = run_tool(SAML_LINT_PATH,
                           args({"--format", "json", "--iam", iam("get-role-admin.json"), "--okta-groups",
                                 iam("okta-groups.txt"), "--okta-provider", "Okta", iam("okta-regional.xml")}));
  BOOST_TEST(run.exit_code == 1, run.err);
  const nlohmann::json entry = json_of(run);
  std::vector<std::string> rules;
  for (const auto& finding : entry["findings"]) rules.push_back(finding["rule"].get<std::string>());
  for (const char* rule : {"IAM003", "IAM012", "OKT002", "OKT004", "OKT005"}) {
    BOOST_TEST(std::count(rules.begin(), rules.end(), rule) == 1, rule << " in " << entry["findings"].dump());
  }
  BOOST_TEST(entry["iam"]["roles"][0]["reasons"][0].get<std::string>() == "aud-mismatch");
  BOOST_TEST(entry.contains("okta"));
  BOOST_TEST(!entry.contains("identity_store"));
}

BOOST_AUTO_TEST_CASE(rules_not_applicable_without_inputs) {
  const Run run = run_tool(SAML_LINT_PATH, args({"--format", "json", iam("okta-regional.xml")}));
  const nlohmann::json entry = json_of(run);
  const auto not_applicable = entry["not_applicable"].get<std::vector<std::string>>();
  BOOST_TEST(std::count(not_applicable.begin(), not_applicable.end(), "IAM003") == 1);
  BOOST_TEST(std::count(not_applicable.begin(), not_applicable.end(), "OKT001") == 1);
  BOOST_TEST(!entry.contains("iam"));
}

BOOST_AUTO_TEST_SUITE_END()
