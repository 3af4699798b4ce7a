// One verdict end to end: each row runs saml-verify, saml-lint and saml-decode on one input
// with the same options; the verdict, the rule it turns on and the profile must agree.
#define BOOST_TEST_MODULE one_verdict_e2e
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "run_tool.h"

namespace {

using Json = nlohmann::json;

const std::string kFixtures = SAMLKIT_FIXTURES_DIR;
const std::string kNow = "2024-05-01T12:01:00Z";

struct Row {
  std::string fixture;            // under fixtures/
  std::vector<std::string> args;  // besides --cert (or --metadata), --now and --json
  int exit_code;                  // saml-verify's, and saml-lint's at --fail-on error
  std::string rule;               // a rule all three report (empty: none expected)
  std::string profile;            // the profile every tool names
};

std::ostream& operator<<(std::ostream& out, const Row& row) {
  out << row.fixture;
  for (const std::string& arg : row.args) out << " " << arg;
  return out;
}

const std::string kCert = "--cert=" + kFixtures + "/keys/idp-rsa.crt";
const std::string kMetadata = "--metadata=" + kFixtures + "/keys/okta-metadata.xml";

const std::vector<Row> kRows = {
    {"responses/okta-aws-signed-assertion.xml", {kCert}, 0, "", "aws"},
    // What SAML allows once, and the statements it requires
    {"lint/repeated-nameid.xml", {kCert}, 1, "XML008", "aws"},
    {"lint/repeated-conditions.xml", {kCert}, 1, "XML008", "aws"},
    {"lint/no-authn-statement.xml", {kCert}, 1, "PRO007", "aws"},
    {"lint/confirmation-not-yet-valid.xml", {kCert}, 1, "SUB008", "aws"},
    {"lint/unknown-condition.xml", {kCert}, 1, "CND007", "aws"},
    // The IdP: the Response names the Assertion's, --issuer, the metadata that gave the key
    {"lint/response-issuer-differs.xml", {kCert}, 1, "PRO005", "aws"},
    {"responses/okta-aws-signed-assertion.xml", {kCert, "--issuer=http://idp.other.example/"}, 1, "PRO006", "aws"},
    {"responses/okta-aws-signed-assertion.xml", {kCert, "--issuer=http://www.okta.com/exk1fxcj2k3Lm4NoP5d7"}, 0, "", "aws"},
    {"metadata/issuer-changed.xml", {kMetadata}, 1, "MET008", "aws"},
    {"responses/okta-aws-signed-assertion.xml", {kMetadata}, 0, "", "aws"},
    // AWS rules that are AWS's verdict, not hygiene
    {"lint/tag-two-values.xml", {kCert}, 1, "AWS016", "aws"},
    {"lint/tags-51.xml", {kCert}, 1, "AWS017", "aws"},
    {"lint/tag-key-aws-prefix.xml", {kCert}, 1, "AWS020", "aws"},
    {"lint/tag-keys-case-duplicate.xml", {kCert}, 1, "AWS021", "aws"},
    {"lint/source-identity-invalid.xml", {kCert}, 1, "AWS023", "aws"},
    {"lint/source-identity-aws-prefix.xml", {kCert}, 1, "AWS024", "aws"},
    {"lint/partition-govcloud-role-aws-endpoint.xml", {kCert}, 1, "AWS012", "aws"},
    {"lint/tags-valid.xml", {kCert}, 0, "", "aws"},
    {"responses/okta-aws-signed-assertion.xml", {kCert, "--now=2024-05-01T12:05:01Z"}, 1, "HYG001", "aws"},
    // Endpoints: a made-up region, Identity Center's path on another host
    {"lint/made-up-region-recipient.xml", {kCert}, 1, "SUB005", "aws"},
    {"lint/identity-center-path-other-host.xml", {kCert}, 1, "CND004", "aws"},
    // IAM Identity Center
    {"lint/identity-center.xml", {kCert}, 0, "AWS028", "aws-identity-center"},
    {"lint/identity-center-nameid-not-email.xml", {kCert}, 1, "AWS025", "aws-identity-center"},
    {"lint/identity-center.xml", {kCert, "--profile=aws"}, 1, "CND004", "aws"},
    {"responses/okta-aws-signed-assertion.xml", {kCert, "--profile=aws-identity-center"}, 1, "CND004",
     "aws-identity-center"},
    // Nothing identifies the service provider: aws applies unless --profile generic
    {"lint/generic-sp.xml", {kCert}, 1, "CND004", "aws"},
    {"lint/generic-sp.xml", {kCert, "--profile=generic"}, 0, "", "generic"},
};

std::vector<std::string> args_of(const Row& row, const std::string& format_option) {
  std::vector<std::string> args = row.args;
  const bool now_given = std::any_of(args.begin(), args.end(),
                                     [](const std::string& arg) { return arg.rfind("--now=", 0) == 0; });
  if (!now_given) args.push_back("--now=" + kNow);
  args.push_back(format_option);
  args.push_back(kFixtures + "/" + row.fixture);
  return args;
}

// The (last) message of a tool's JSON document.
Json message_of(const Json& document) {
  for (const char* list : {"messages", "results"}) {
    if (document.contains(list)) return document.at(list).back();
  }
  return document;
}

bool has_rule(const Json& findings, const std::string& rule) {
  for (const Json& finding : findings) {
    if (finding.at("rule") == rule) return true;
  }
  return false;
}

}  // namespace

BOOST_DATA_TEST_CASE(the_three_tools_agree, boost::unit_test::data::make(kRows), row) {
  const samltest::Run verify = samltest::run_tool(SAML_VERIFY_PATH, args_of(row, "--json"));
  BOOST_TEST(verify.exit_code == row.exit_code, row << ": saml-verify exit " << verify.exit_code << "\n"
                                                    << verify.out << verify.err);
  const Json verdict = message_of(Json::parse(verify.out));
  BOOST_TEST(verdict.at("profile") == row.profile, row << ": " << verdict.at("profile_reason"));
  if (!row.rule.empty()) BOOST_TEST(has_rule(verdict.at("findings"), row.rule), row << ": " << verify.out);

  const samltest::Run lint = samltest::run_tool(SAML_LINT_PATH, args_of(row, "--format=json"));
  BOOST_TEST(lint.exit_code == row.exit_code, row << ": saml-lint exit " << lint.exit_code << "\n"
                                                  << lint.out << lint.err);
  const Json entry = message_of(Json::parse(lint.out));
  BOOST_TEST(entry.at("profile") == row.profile, row);
  BOOST_TEST(entry.at("accepted") == verdict.at("accepted"), row);
  if (!row.rule.empty()) BOOST_TEST(has_rule(entry.at("findings"), row.rule), row << ": " << lint.out);

  const samltest::Run decode = samltest::run_tool(SAML_DECODE_PATH, args_of(row, "--json"));
  BOOST_TEST(decode.exit_code == 0, row << ": saml-decode exit " << decode.exit_code << decode.err);
  const Json view = message_of(Json::parse(decode.out));
  BOOST_TEST(view.at("profile").at("name") == row.profile, row);
  BOOST_TEST(view.at("accepted") == verdict.at("accepted"), row);
  if (!row.rule.empty()) BOOST_TEST(has_rule(view.at("verify_findings"), row.rule), row);
}

BOOST_AUTO_TEST_CASE(xml_that_is_no_saml_message_is_unreadable_for_every_tool) {
  const samltest::TempFile input("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
  for (const char* tool : {SAML_VERIFY_PATH, SAML_LINT_PATH, SAML_DECODE_PATH}) {
    const samltest::Run run = samltest::run_tool(tool, {kCert, input.path()});
    BOOST_TEST(run.exit_code == 3, tool << ": " << run.err);
    BOOST_TEST(run.err.find("not a SAML message") != std::string::npos, tool << ": " << run.err);
  }
}

BOOST_AUTO_TEST_CASE(text_reports_name_the_profile_and_why) {
  const std::string file = kFixtures + "/lint/identity-center.xml";
  const samltest::Run verify = samltest::run_tool(SAML_VERIFY_PATH, {kCert, "--now=" + kNow, file});
  BOOST_TEST(verify.out.find("profile:       aws-identity-center (detected: IAM Identity Center Audience") !=
                 std::string::npos,
             verify.out);
  BOOST_TEST(verify.out.find("session name") == std::string::npos, "no IAM federation view: " << verify.out);
  const samltest::Run decode = samltest::run_tool(SAML_DECODE_PATH, {"--now=" + kNow, file});
  BOOST_TEST(decode.out.find("profile       aws-identity-center") != std::string::npos, decode.out);
  const samltest::Run lint = samltest::run_tool(SAML_LINT_PATH, {kCert, "--now=" + kNow, file});
  BOOST_TEST(lint.out.find("(profile aws-identity-center, detected:") != std::string::npos, lint.out);
}
