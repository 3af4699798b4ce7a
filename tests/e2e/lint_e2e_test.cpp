// saml-lint end to end: rule listing, usage errors, exit codes, the config file, batch
// inputs (directories, --lines, --jobs), and the reports checked by real validators
// (xmllint with junit.xsd; the SARIF Multitool when installed). Run with posix_spawn.
#define BOOST_TEST_MODULE lint_e2e
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "run_tool.h"
#include "temp_dir.h"

namespace {

using samltest::Run;
using samltest::slurp;

using Json = nlohmann::json;
namespace fs = std::filesystem;

const std::string kFixtures = SAMLKIT_FIXTURES_DIR;
const std::string kClean = kFixtures + "/responses/okta-aws-signed-assertion.xml";
const std::string kWarning = kFixtures + "/lint/duplicate-role-values.xml";

using samltest::TempDir;

// Runs a program with `args`, stdin /dev/null, working directory `cwd`.
Run run(const std::string& program, const std::vector<std::string>& args, const std::string& cwd = ".") {
  return samltest::run_tool(program, args, "/dev/null", cwd);
}

Run lint(std::vector<std::string> args, const std::string& cwd = ".") {
  const std::vector<std::string> common{"--cert", kFixtures + "/keys/idp-rsa.crt", "--now",
                                        "2024-05-01T12:01:00Z"};
  args.insert(args.begin(), common.begin(), common.end());
  return run(SAML_LINT_PATH, args, cwd);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(list_rules_and_explain) {
  const Run list = run(SAML_LINT_PATH, {"--list-rules"});
  BOOST_TEST(list.exit_code == 0);
  BOOST_TEST(list.out.find("AWS013  warning") != std::string::npos, list.out);
  const Run markdown = run(SAML_LINT_PATH, {"--list-rules", "--format", "markdown"});
  BOOST_TEST(markdown.out == slurp(kFixtures + "/../docs/rules.md"), "docs/rules.md is stale");
  const Run explain = run(SAML_LINT_PATH, {"--explain", "SIG013"});
  BOOST_TEST(explain.exit_code == 0);
  BOOST_TEST(explain.out.find("SIG013: Only the Response is signed") == 0u, explain.out);
}

BOOST_AUTO_TEST_CASE(unknown_rule_ids_and_levels_are_usage_errors) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--explain", "XYZ001"}, {"--disable", "XYZ001"}, {"--enable", "AWS999"},
           {"--severity", "AWS014=fatal"}, {"--severity", "AWS014"}, {"--fail-on", "never"},
           {"--profile", "azure"}, {"--format", "xml"}, {"--no-such-option"}}) {
    const Run r = lint(args);
    BOOST_TEST(r.exit_code == 2, args.front() << " " << (args.size() > 1 ? args[1] : "") << ": exit "
                                              << r.exit_code << " " << r.err);
  }
}

BOOST_AUTO_TEST_CASE(exit_codes_follow_fail_on) {
  BOOST_TEST(lint({kClean}).exit_code == 0);
  BOOST_TEST(lint({kWarning}).exit_code == 0, "a warning passes at --fail-on error");
  BOOST_TEST(lint({"--fail-on", "warning", kWarning}).exit_code == 1);
  BOOST_TEST(lint({"--fail-on", "warning", "--disable", "AWS014", kWarning}).exit_code == 0);
  BOOST_TEST(lint({"--severity", "AWS014=error", kWarning}).exit_code == 1);
  BOOST_TEST(lint({kFixtures + "/responses/unsigned.xml"}).exit_code == 1);
  BOOST_TEST(lint({kFixtures + "/no-such-file.xml"}).exit_code == 3);
  BOOST_TEST(lint({kFixtures + "/captures/not-saml.html"}).exit_code == 3);
}

BOOST_AUTO_TEST_CASE(without_trust_options_sig012_fails_the_run) {
  const Run r = run(SAML_LINT_PATH, {"--now", "2024-05-01T12:01:00Z", "--format", "json", kClean});
  BOOST_TEST(r.exit_code == 1);
  const Json json = Json::parse(r.out);
  BOOST_TEST(json["messages"][0]["findings"][0]["rule"] == "SIG012", r.out);
}

BOOST_AUTO_TEST_CASE(config_file_in_the_working_directory_and_given) {
  TempDir dir;
  dir.file(".saml-lint.ini", "fail-on = warning\n");
  BOOST_TEST(lint({kWarning}, dir.file("")).exit_code == 1, ".saml-lint.ini not read");
  const std::string config = dir.file("ci.ini", "fail-on = warning\ndisable = AWS014\n");
  BOOST_TEST(lint({"--config", config, kWarning}).exit_code == 0, "--config not applied");
  const std::string bad = dir.file("bad.ini", "disable = NOPE42\n");
  BOOST_TEST(lint({"--config", bad, kWarning}).exit_code == 2, "unknown ID in the file");
}

BOOST_AUTO_TEST_CASE(directories_recursively_in_order_on_several_threads) {
  const Run r = lint({"--format", "json", "--jobs", "2", "--include", "tag*.xml",
                      "--include", "tags-*.xml", kFixtures + "/lint", kClean});
  const Json json = Json::parse(r.out);
  std::vector<std::string> expected;
  for (const auto& entry : fs::directory_iterator(kFixtures + "/lint")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("tag", 0) == 0 && entry.path().extension() == ".xml") expected.push_back(entry.path().string());
  }
  std::sort(expected.begin(), expected.end());
  expected.push_back(kClean);
  BOOST_REQUIRE_EQUAL(json["messages"].size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST(json["messages"][i]["source"] == expected[i], "result " << i << " out of order");
  }
}

// Every thread but the first verifies with the keys loaded again in an OpenSSL context of
// its own (saml::ThreadCrypto): the report is the one a single thread writes, for keys from
// --cert, for keys a --metadata file adds after the trust store is built, and with a
// --decrypt-key loaded in the first thread's context.
BOOST_AUTO_TEST_CASE(several_threads_report_what_one_thread_reports) {
  const std::vector<std::string> common{"--format", "json", "--cert-now", "2024-05-01T12:01:00Z",
                                        "--decrypt-key", kFixtures + "/keys/sp-rsa.key",
                                        kFixtures + "/responses", kFixtures + "/attacks", kFixtures + "/encrypted"};
  for (const std::string& metadata : {std::string(), kFixtures + "/keys/okta-metadata.xml"}) {
    std::vector<std::string> args = common;
    if (!metadata.empty()) args.insert(args.begin(), {"--metadata", metadata});
    std::vector<std::string> one = args;
    one.insert(one.begin(), {"--jobs", "1"});
    std::vector<std::string> two = args;
    two.insert(two.begin(), {"--jobs", "2"});
    const Run single = lint(one);
    const Run threads = lint(two);
    BOOST_TEST(threads.exit_code == single.exit_code);
    BOOST_TEST(threads.out == single.out, "--jobs 2 differs from --jobs 1 (metadata: " << metadata << ")");
    const Json json = Json::parse(single.out);
    std::size_t verified = 0;
    for (const Json& message : json["messages"]) verified += message.value("accepted", false) ? 1 : 0;
    BOOST_TEST(json["messages"].size() > 100u);
    BOOST_TEST(verified > 30u, "the trusted keys verified " << verified << " messages");
  }
}

BOOST_AUTO_TEST_CASE(lines_mode_reads_base64_and_ndjson) {
  TempDir dir;
  const std::string b64 = slurp(kFixtures + "/captures/okta-aws-signed-assertion.b64-oneline");
  const std::string file = dir.file("day.ndjson", b64 + "\n\n{\"SAMLResponse\":\"" + b64 +
                                                      "\",\"at\":\"12:00\"}\nnot base64 at all\n");
  const Run r = lint({"--lines", "--format", "json", file});
  BOOST_TEST(r.exit_code == 3, "the third message is unreadable: " << r.err);
  const Json json = Json::parse(r.out);
  BOOST_REQUIRE_EQUAL(json["messages"].size(), 3u);
  BOOST_TEST(json["messages"][0]["source_line"] == 1);
  BOOST_TEST(json["messages"][0]["findings"].empty(), json["messages"][0]);
  BOOST_TEST(json["messages"][1]["source_line"] == 3);
  BOOST_TEST(json["messages"][1]["findings"].empty(), json["messages"][1]);
  BOOST_TEST(json["messages"][2]["source_line"] == 4);
  BOOST_TEST(json["messages"][2]["error"].is_object());
}

BOOST_AUTO_TEST_CASE(junit_validates_against_the_xsd) {
  TempDir dir;
  const Run r = lint({"--format", "junit", kClean, kWarning, kFixtures + "/responses/unsigned.xml",
                      kFixtures + "/no-such-file.xml"});
  BOOST_TEST(r.exit_code == 3);
  const std::string report = dir.file("report.xml", r.out);
  const Run check = run(XMLLINT_PATH, {"--noout", "--schema", JUNIT_XSD, report});
  BOOST_TEST(check.exit_code == 0, "xmllint: " << check.err);
  BOOST_TEST(r.out.find("<failure") != std::string::npos);
  BOOST_TEST(r.out.find("<skipped") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sarif_locates_results_in_the_input_file) {
  const Run r = lint({"--format", "sarif", kFixtures + "/responses/unsigned.xml"});
  const Json sarif = Json::parse(r.out);
  const auto& result = sarif["runs"][0]["results"][0];
  BOOST_TEST(result["ruleId"] == "SIG001");
  const auto& physical = result["locations"][0]["physicalLocation"];
  BOOST_TEST(physical["artifactLocation"]["uri"].get<std::string>().find("responses/unsigned.xml") !=
             std::string::npos);
  BOOST_TEST(physical["region"]["startLine"] == 2, "the Assertion is on line 2");
}

BOOST_AUTO_TEST_CASE(pasted_capture_forms_are_linted) {
  const std::string captures = kFixtures + "/captures/";
  for (const char* name : {"chrome-bash.curl", "chrome-cmd.curl", "firefox-cmd.curl", "firefox-bash.curl",
                           "powershell-curl-exe.ps1", "chrome.ps1", "okta-autopost.html", "shibboleth-autopost.html",
                           "okta-aws-signed-assertion.utf16le.xml", "okta-aws-signed-assertion.utf16be.b64",
                           "okta-aws-signed-assertion.plus-as-space.b64"}) {
    const Run result = lint({"--format", "json", captures + name});
    BOOST_TEST(result.exit_code == 0, name << ": exit " << result.exit_code << " " << result.err << result.out);
    const Json report = Json::parse(result.out);
    BOOST_TEST(report.at("messages").size() == 1u, name);
    BOOST_TEST(report.at("messages").at(0).at("findings").empty(), name << ": " << result.out);
  }
  const Run plus = lint({captures + "okta-aws-signed-assertion.plus-as-space.b64"});
  BOOST_TEST(plus.out.find("  note: 29 spaces inside the base64 read as '+'") != std::string::npos, plus.out);
}

BOOST_AUTO_TEST_CASE(a_whole_flow_is_judged_by_its_responses) {
  const std::string flow = kFixtures + "/captures/saml-tracer-export.json";
  const Run result = lint({flow});
  BOOST_TEST(result.exit_code == 0, "the AuthnRequest does not fail the run: " << result.out << result.err);
  BOOST_TEST(result.out.find(flow + ", message 2 of 2 (profile aws") != std::string::npos, result.out);
  BOOST_TEST(result.out.find("1 message linted") != std::string::npos, result.out);
  BOOST_TEST(result.err.find("message 1 of 2 (SAML-tracer export, request 1)") != std::string::npos, result.err);
  BOOST_TEST(result.err.find("listed for information") != std::string::npos, result.err);

  const Run json = lint({"--format", "json", "--index", "2", flow});
  BOOST_TEST(json.exit_code == 0, json.err);
  BOOST_TEST(Json::parse(json.out).at("messages").at(0).at("message") == 2, json.out);
  const Run request = lint({"--index", "1", flow});
  BOOST_TEST(request.exit_code == 1, "--index 1 lints the AuthnRequest: " << request.out);
  const Run past = lint({"--index", "9", flow});
  BOOST_TEST(past.exit_code == 2, past.out << past.err);
  BOOST_TEST(past.err.find("--index 9: " + flow + " holds 2 messages") != std::string::npos, past.err);
  const Run big = lint({"--max-input-size", "100", flow});
  BOOST_TEST(big.exit_code == 3);
  BOOST_TEST(big.err.find("--max-input-size") != std::string::npos, big.err);
}

BOOST_AUTO_TEST_SUITE_END()

#ifdef SARIF_MULTITOOL_PATH
BOOST_AUTO_TEST_SUITE(sarif_multitool)

BOOST_AUTO_TEST_CASE(sarif_validates_with_the_multitool) {
  TempDir dir;
  const Run r = lint({"--format", "sarif", kClean, kWarning, kFixtures + "/responses/unsigned.xml",
                      kFixtures + "/lint/tags-51.xml", kFixtures + "/no-such-file.xml"});
  const std::string report = dir.file("lint.sarif", r.out);
  const Run check = run(SARIF_MULTITOOL_PATH, {"validate", report});
  BOOST_TEST(check.exit_code == 0, check.out << check.err);
  // The Multitool exits 0 even for invalid files; its findings are lines "file(l,c): error".
  BOOST_TEST(check.out.find(": error ") == std::string::npos, check.out);
  BOOST_TEST(check.out.find("1 files scanned") != std::string::npos, check.out);
}

BOOST_AUTO_TEST_CASE(the_multitool_rejects_a_broken_report) {
  TempDir dir;
  std::string broken = lint({"--format", "sarif", kWarning}).out;
  const std::string line = "\"startLine\": ";
  const auto at = broken.find(line);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "a result line in the report");
  const auto digits = broken.find_first_not_of("0123456789", at + line.size());
  broken.replace(at + line.size(), digits - at - line.size(), "0");  // SARIF lines start at 1
  const Run check = run(SARIF_MULTITOOL_PATH, {"validate", dir.file("broken.sarif", broken)});
  BOOST_TEST(check.out.find(": error JSON") != std::string::npos, check.out << check.err);
}

BOOST_AUTO_TEST_SUITE_END()
#endif

#ifdef LINT_JSON_SCHEMA
BOOST_AUTO_TEST_SUITE(json_schema)

BOOST_AUTO_TEST_CASE(json_validates_against_the_shipped_schema) {
  TempDir dir;
  const Run r = lint({"--format", "json", kFixtures + "/lint", kFixtures + "/no-such-file.xml"});
  const std::string report = dir.file("lint.json", r.out);
  const Run check = run(PYTHON3_PATH, {VALIDATE_JSON, LINT_JSON_SCHEMA, report});
  BOOST_TEST(check.exit_code == 0, "jsonschema: " << check.err);
  const Run lines = lint({"--format", "json-lines", kFixtures + "/lint", kFixtures + "/no-such-file.xml"});
  const Run lines_check = run(PYTHON3_PATH, {VALIDATE_JSON, LINT_JSON_SCHEMA, dir.file("lint.jsonl", lines.out), "#/$defs/result"});
  BOOST_TEST(lines_check.exit_code == 0, "jsonschema, JSON Lines: " << lines_check.err);
}

BOOST_AUTO_TEST_SUITE_END()
#endif
