// Output people script and read, for the three tools: one JSON layout (validated against
// docs/schema), escaped text, colour choices, failed writes, the two clocks, the config
// file, messages that name what went wrong, SARIF details and the rule list as JSON.
#define BOOST_TEST_MODULE output_e2e
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "run_tool.h"
#include "temp_dir.h"
#include "text.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kFixtures = SAMLKIT_FIXTURES_DIR;
const std::string kSchemas = SAMLKIT_SCHEMA_DIR;
const std::string kNow = "2024-05-01T12:01:00Z";
const std::string kSigned = kFixtures + "/responses/okta-aws-signed-both.xml";
const std::string kTracer = kFixtures + "/captures/saml-tracer-export.json";
const std::string kHar = kFixtures + "/captures/okta-idp-initiated.har";
const std::string kCert = kFixtures + "/keys/idp-rsa.crt";

using samltest::contains;
using samltest::Run;
using samltest::Setup;
using samltest::slurp;
using samltest::TempDir;

Setup in_directory(const std::string& cwd) {
  Setup setup;
  setup.cwd = cwd;
  return setup;
}
Setup with_stdout(const std::string& path) {
  Setup setup;
  setup.stdout_path = path;
  return setup;
}
Setup with_environment(std::vector<std::string> changes) {
  Setup setup;
  setup.environment = std::move(changes);
  return setup;
}

Run run(const std::string& program, const std::vector<std::string>& args, const Setup& setup = {}) {
  return samltest::run_tool(program, args, setup);
}

const std::vector<std::string> kTools = {SAML_VERIFY_PATH, SAML_DECODE_PATH, SAML_LINT_PATH};

Json parse(const Run& r, const std::string& what) {
  try {
    return Json::parse(r.out);
  } catch (const Json::exception& e) {
    BOOST_FAIL(what << ": not JSON (" << e.what() << "): " << r.out << r.err);
  }
  return nullptr;
}

std::vector<Json> parse_lines(const Run& r, const std::string& what) {
  std::vector<Json> lines;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    try {
      lines.push_back(Json::parse(line));
    } catch (const Json::exception& e) {
      BOOST_FAIL(what << ": a line is not JSON (" << e.what() << "): " << line);
    }
  }
  return lines;
}

#ifdef PYTHON3_PATH
// Validates a report with tests/support/validate_json.py; `part` selects the schema part
// each JSON line must match.
void expect_valid(const std::string& schema, const std::string& document, const std::string& part = {}) {
  TempDir dir;
  std::vector<std::string> args{VALIDATE_JSON, kSchemas + "/" + schema, dir.file("report.json", document)};
  if (!part.empty()) args.push_back(part);
  const Run check = run(PYTHON3_PATH, args);
  BOOST_TEST(check.exit_code == 0, schema << " " << part << ": " << check.err << check.out);
}
#else
void expect_valid(const std::string&, const std::string&, const std::string& = {}) {}
#endif

}  // namespace

BOOST_AUTO_TEST_SUITE(json_layout)

BOOST_AUTO_TEST_CASE(one_message_is_a_messages_array_of_one) {
  const Run verify = run(SAML_VERIFY_PATH, {"--cert", kCert, "--now", kNow, "--json", kSigned});
  BOOST_TEST(verify.exit_code == 0, verify.err);
  const Json v = parse(verify, "saml-verify --json");
  BOOST_TEST(v.at("schema") == "samlkit.verify/2");
  BOOST_TEST(v.at("messages").size() == 1u, "one message, one entry: " << verify.out);
  expect_valid("saml-verify.schema.json", verify.out);

  const Run decode = run(SAML_DECODE_PATH, {"--now", kNow, "--json", kSigned});
  const Json d = parse(decode, "saml-decode --json");
  BOOST_TEST(d.at("schema") == "samlkit.decode/2");
  BOOST_TEST(d.at("messages").size() == 1u);
  expect_valid("saml-decode.schema.json", decode.out);
}

BOOST_AUTO_TEST_CASE(several_messages_and_json_lines_in_every_tool) {
  const struct {
    std::string tool;
    std::vector<std::string> args;
    std::string schema;
    std::string part;
    std::size_t messages;  // the flow's request is judged by no tool but shown by saml-decode
  } cases[] = {
      {SAML_VERIFY_PATH, {"--cert", kCert}, "saml-verify.schema.json", "#/definitions/message", 1},
      {SAML_DECODE_PATH, {}, "saml-decode.schema.json", "#/definitions/view", 2},
      {SAML_LINT_PATH, {"--cert", kCert}, "saml-lint.schema.json", "#/$defs/result", 1},
  };
  for (const auto& c : cases) {
    std::vector<std::string> json_args = c.args;
    json_args.insert(json_args.end(), {"--json", kTracer});
    const Run document = run(c.tool, json_args);
    const Json j = parse(document, c.tool + " --json");
    BOOST_TEST(j.at("messages").size() == c.messages, c.tool << ": a request and a response: " << document.out);
    expect_valid(c.schema, document.out);

    std::vector<std::string> lines_args = c.args;
    lines_args.insert(lines_args.end(), {"--json-lines", kTracer});
    const Run lines = run(c.tool, lines_args);
    const std::vector<Json> objects = parse_lines(lines, c.tool + " --json-lines");
    BOOST_REQUIRE_MESSAGE(objects.size() == c.messages, c.tool << ": one object per line: " << lines.out);
    for (const Json& object : objects) BOOST_TEST(object.at("schema") == j.at("schema"));
    if (objects.size() == 2) BOOST_TEST(objects[1].dump() != objects[0].dump());
    expect_valid(c.schema, lines.out, c.part);
  }
}

BOOST_AUTO_TEST_CASE(format_choices_that_disagree_are_usage_errors) {
  for (const std::string& tool : kTools) {
    const Run both = run(tool, {"--json", "--json-lines", kSigned});
    BOOST_TEST(both.exit_code == 2, tool << ": " << both.err);
    const Run unknown = run(tool, {"--format", "yaml", kSigned});
    BOOST_TEST(unknown.exit_code == 2, tool << ": " << unknown.err);
    BOOST_TEST(contains(unknown.err, "--format yaml"), unknown.err);
  }
}

#ifdef PYTHON3_PATH
BOOST_AUTO_TEST_CASE(the_verify_schema_rejects_a_changed_document) {
  const Run verify = run(SAML_VERIFY_PATH, {"--cert", kCert, "--now", kNow, "--json", kSigned});
  Json changed = parse(verify, "saml-verify --json");
  changed["messages"][0]["accepted"] = "yes";
  TempDir dir;
  const Run check = run(PYTHON3_PATH, {VALIDATE_JSON, kSchemas + "/saml-verify.schema.json",
                                       dir.file("changed.json", changed.dump())});
  BOOST_TEST(check.exit_code != 0, "a string where the schema says boolean must fail");
}
#endif

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(text)

// A CR in a NameID could make a terminal show another name; bidi, zero-width and other
// invisible characters (a soft hyphen) could reorder or hide parts of it.
BOOST_AUTO_TEST_CASE(control_bidi_and_zero_width_characters_are_escaped) {
  std::string xml = slurp(kSigned);
  const std::string name = "jane.doe@example.com</saml2:NameID>";
  const auto at = xml.find(name);
  BOOST_REQUIRE(at != std::string::npos);
  xml.replace(at, name.size(), "admin&#13;jane\xE2\x80\xAEmoc.\xE2\x80\x8B\xC2\xAD</saml2:NameID>");
  TempDir dir;
  const std::string input = dir.file("name\x1b[31m.xml", xml);
  const Run decode = run(SAML_DECODE_PATH, {"--now", kNow, input});
  BOOST_TEST(decode.exit_code == 0, decode.err);
  BOOST_TEST(contains(decode.out, "admin\\x0djane\\u{202e}moc.\\u{200b}\\u{00ad}"), decode.out);
  BOOST_TEST(!contains(decode.out, "\r"), "a raw CR reached the terminal");
  BOOST_TEST(!contains(decode.out, "\xE2\x80\xAE"), "a raw RIGHT-TO-LEFT OVERRIDE reached the terminal");
  BOOST_TEST(!contains(decode.out, "\x1b"), "the file name's escape sequence reached the terminal");

  const Run lint = run(SAML_LINT_PATH, {"--now", kNow, input});
  BOOST_TEST(contains(lint.out, "name\\x1b[31m.xml"), lint.out);
  BOOST_TEST(!contains(lint.out, "\x1b"), lint.out);
  const Run verify = run(SAML_VERIFY_PATH, {"--cert", kCert, "--now", kNow, input});
  BOOST_TEST(!contains(verify.out, "\x1b"), verify.out);
}

BOOST_AUTO_TEST_CASE(attribute_values_share_one_column_however_long_the_names) {
  std::string xml = slurp(kFixtures + "/responses/okta-aws-signed-assertion.xml");
  const std::string end = "</saml2:AttributeStatement>";
  const auto at = xml.find(end);
  BOOST_REQUIRE(at != std::string::npos);
  xml.insert(at,
             "<saml2:Attribute Name=\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress\">"
             "<saml2:AttributeValue>jane@example.com</saml2:AttributeValue></saml2:Attribute>"
             "<saml2:Attribute Name=\"dept\"><saml2:AttributeValue>eng</saml2:AttributeValue></saml2:Attribute>");
  TempDir dir;
  const Run decode = run(SAML_DECODE_PATH, {"--now", kNow, dir.file("claims.xml", xml)});
  BOOST_TEST(decode.exit_code == 0, decode.err);
  const auto long_at = decode.out.find("jane@example.com\n");
  const auto short_at = decode.out.find("eng\n");
  BOOST_REQUIRE_MESSAGE(long_at != std::string::npos && short_at != std::string::npos, decode.out);
  const auto column = [&](std::size_t pos) { return pos - decode.out.rfind('\n', pos) - 1; };
  BOOST_TEST(column(long_at) == column(short_at), "values not aligned:\n" << decode.out);
}

BOOST_AUTO_TEST_CASE(color_follows_the_option_and_the_environment) {
  for (const std::string& tool : kTools) {
    const std::vector<std::string> args{"--cert", kCert, "--now", kNow, kSigned};
    std::vector<std::string> always = args;
    always.insert(always.begin(), "--color=always");
    BOOST_TEST(contains(run(tool, always, with_environment({"NO_COLOR=1"})).out, "\x1b["),
               tool << ": --color=always colours, NO_COLOR or not");
    std::vector<std::string> never = args;
    never.insert(never.begin(), "--color=never");
    BOOST_TEST(!contains(run(tool, never).out, "\x1b["), tool << ": --color=never");
    BOOST_TEST(!contains(run(tool, args).out, "\x1b["), tool << ": auto, not a terminal");
    std::vector<std::string> bad = args;
    bad.insert(bad.begin(), "--color=sometimes");
    BOOST_TEST(run(tool, bad).exit_code == 2, tool << ": --color=sometimes");
  }
}

BOOST_AUTO_TEST_CASE(a_failed_write_to_stdout_exits_non_zero) {
  for (const std::string& tool : kTools) {
    const Run full = run(tool, {"--cert", kCert, "--now", kNow, kSigned}, with_stdout("/dev/full"));
    BOOST_TEST(full.exit_code == 2, tool << ": exit " << full.exit_code << " " << full.err);
    BOOST_TEST(contains(full.err, "cannot write the report to standard output"), tool << ": " << full.err);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ci)

BOOST_AUTO_TEST_CASE(nothing_linted_is_a_failure_unless_allowed) {
  TempDir dir;
  dir.file("notes.txt", "not a capture");
  const Run none = run(SAML_LINT_PATH, {"--include", "*.xml", dir.path()});
  BOOST_TEST(none.exit_code == 2, none.err);
  BOOST_TEST(contains(none.err, "no file matches --include *.xml"), none.err);
  BOOST_TEST(contains(none.err, "--allow-empty"), none.err);
  const Run allowed = run(SAML_LINT_PATH, {"--allow-empty", "--include", "*.xml", dir.path()});
  BOOST_TEST(allowed.exit_code == 0, allowed.err);
  BOOST_TEST(contains(allowed.out, "0 messages linted"), allowed.out);
  const Run empty_lines = run(SAML_LINT_PATH, {"--lines", dir.file("empty.txt", "\n\n")});
  BOOST_TEST(empty_lines.exit_code == 2, "--lines with no line to lint: " << empty_lines.err);
}

// A capture that records its time is judged at it; certificates at the clock or --cert-now.
BOOST_AUTO_TEST_CASE(two_clocks) {
  const Run har = run(SAML_VERIFY_PATH, {"--cert", kCert, "--json", kHar});
  bool accepted = false;
  const Json document = parse(har, "HAR without --now");
  for (const Json& at_capture : document.at("messages")) {
    BOOST_TEST(at_capture.at("now_source") == "capture", har.out);
    BOOST_TEST(at_capture.at("now").get<std::string>().rfind("2024-05-01T12:00:0", 0) == 0u, har.out);
    BOOST_TEST(at_capture.at("cert_now_source") == "clock");
    accepted |= at_capture.at("accepted").get<bool>();
  }
  BOOST_TEST(accepted, "the Response is judged when it was captured: " << har.out);

  const Run pinned = run(SAML_VERIFY_PATH, {"--cert", kCert, "--now", kNow, "--cert-now", "2030-01-02T03:04:05Z", kSigned});
  BOOST_TEST(contains(pinned.out, "conditions 2024-05-01T12:01:00Z (option), certificates 2030-01-02T03:04:05Z (option)"),
             pinned.out);

  // A pinned --now in CI still sees the certificate expire (idp-rsa.crt: notAfter 2036-11-27).
  const Run expiring = run(SAML_LINT_PATH, {"--cert", kCert, "--now", kNow, "--cert-now",
                                            "2036-11-20T00:00:00.123456Z", "--format", "json", kSigned});
  const Json lint = parse(expiring, "lint --cert-now");
  BOOST_TEST(lint.at("cert_now") == "2036-11-20T00:00:00.123456Z");
  const Json& findings = lint.at("messages").at(0).at("findings");
  BOOST_REQUIRE_MESSAGE(!findings.empty(), expiring.out);
  BOOST_TEST(findings.at(0).at("rule") == "SIG015", expiring.out);
  const std::string message = findings.at(0).at("message");
  BOOST_TEST(!std::regex_search(message, std::regex("\\.[0-9]{4,} s")), "microsecond noise: " << message);
  const Run expired = run(SAML_LINT_PATH, {"--cert", kCert, "--now", kNow, "--cert-now", "2037-01-01T00:00:00Z", kSigned});
  BOOST_TEST(contains(expired.out, "[SIG014]"), expired.out);
  BOOST_TEST(contains(expired.out, "judged at: conditions 2024-05-01T12:01:00Z (option), certificates "
                                   "2037-01-01T00:00:00Z (option)"), expired.out);

  // SARIF and JUnit say it too: per result / test suite the conditions' time and its source.
  const Run sarif = run(SAML_LINT_PATH, {"--cert", kCert, "--cert-now", "2037-01-01T00:00:00Z", "--format", "sarif", kHar});
  const Json sarif_document = parse(sarif, "SARIF of a HAR");
  const Json& sarif_run = sarif_document.at("runs").at(0);
  BOOST_TEST(sarif_run.at("invocations").at(0).at("properties").at("certNow") == "2037-01-01T00:00:00Z");
  BOOST_TEST(sarif_run.at("invocations").at(0).at("properties").at("certNowSource") == "option");
  BOOST_REQUIRE_MESSAGE(!sarif_run.at("results").empty(), sarif.out);
  for (const Json& result : sarif_run.at("results")) {
    BOOST_TEST(result.at("properties").at("nowSource") == "capture", result.dump());
  }
  const Run junit = run(SAML_LINT_PATH, {"--cert", kCert, "--now", kNow, "--format", "junit", kSigned});
  BOOST_TEST(contains(junit.out, "<property name=\"now\" value=\"2024-05-01T12:01:00Z\"/>"), junit.out);
  BOOST_TEST(contains(junit.out, "<property name=\"now_source\" value=\"option\"/>"), junit.out);
  BOOST_TEST(contains(junit.out, "<property name=\"cert_now_source\" value=\"clock\"/>"), junit.out);
}

BOOST_AUTO_TEST_CASE(config_paths_lines_and_an_implicit_file) {
  TempDir project;
  fs::create_directories(fs::path(project.path()) / "keys");
  fs::copy_file(kCert, fs::path(project.path()) / "keys" / "idp.crt");
  const std::string config = project.file(".saml-lint.ini", "# CI settings\ncert = keys/idp.crt\nfail-on = warning\n");
  TempDir elsewhere;
  const Run relative = run(SAML_LINT_PATH, {"--config", config, "--now", kNow, kSigned}, in_directory(elsewhere.path()));
  BOOST_TEST(relative.exit_code == 0, "cert resolved against the file's folder: " << relative.out << relative.err);
  BOOST_TEST(!contains(relative.out, "SIG012"), relative.out);
  BOOST_TEST(contains(relative.out, "config: " + config + "\n"), relative.out);

  // Every option whose declared value is a file (FILE, PEM) resolves the same way, --pubkey too.
  fs::copy_file(kFixtures + "/keys/idp-rsa.pub.pem", fs::path(project.path()) / "keys" / "idp.pub.pem");
  const std::string pubkey_config = project.file("pubkey.ini", "pubkey = keys/idp.pub.pem\nfail-on = warning\n");
  const Run pubkey = run(SAML_LINT_PATH, {"--config", pubkey_config, "--now", kNow, kSigned}, in_directory(elsewhere.path()));
  BOOST_TEST(pubkey.exit_code == 0, "pubkey resolved against the file's folder: " << pubkey.out << pubkey.err);
  BOOST_TEST(!contains(pubkey.out, "SIG012"), pubkey.out);

  const Run implicit = run(SAML_LINT_PATH, {"--now", kNow, kSigned}, in_directory(project.path()));
  BOOST_TEST(contains(implicit.out, "config: .saml-lint.ini (found in the current directory)"), implicit.out);
  const Run implicit_json = run(SAML_LINT_PATH, {"--now", kNow, "--format", "json", kSigned}, in_directory(project.path()));
  BOOST_TEST(parse(implicit_json, "implicit config, JSON").at("config_file") == ".saml-lint.ini");

  const std::string unknown = project.file("unknown.ini", "fail-on = warning\n\ncolour = always\n");
  const Run bad_option = run(SAML_LINT_PATH, {"--config", unknown, kSigned});
  BOOST_TEST(bad_option.exit_code == 2);
  BOOST_TEST(contains(bad_option.err, unknown + ":3: "), bad_option.err);
  const std::string bad_rule = project.file("rule.ini", "fail-on = warning\ndisable = AWS014\ndisable = NOPE001\n");
  const Run bad_value = run(SAML_LINT_PATH, {"--config", bad_rule, kSigned});
  BOOST_TEST(bad_value.exit_code == 2);
  BOOST_TEST(contains(bad_value.err, bad_rule + ":3: --disable NOPE001: unknown rule ID"), bad_value.err);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(messages)

BOOST_AUTO_TEST_CASE(hyg005_names_the_uris_aws_documents) {
  const Run lint = run(SAML_LINT_PATH, {"--cert", kCert, "--now", kNow, kFixtures + "/lint/nameid-format-x509.xml"});
  BOOST_TEST(contains(lint.out, "[HYG005]"), lint.out);
  BOOST_TEST(contains(lint.out, "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"), lint.out);
}

BOOST_AUTO_TEST_CASE(fingerprint_as_openssl_prints_it) {
  std::string hex = slurp(kFixtures + "/keys/idp-rsa.sha256");
  while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r')) hex.pop_back();
  const Run openssl_line = run(SAML_VERIFY_PATH, {"--fingerprint", "sha256 Fingerprint=" + hex, "--now", kNow, kSigned});
  BOOST_TEST(openssl_line.exit_code == 0, openssl_line.err);
  const Run sha1 = run(SAML_VERIFY_PATH, {"--fingerprint", "SHA1 Fingerprint=AB:CD", "--now", kNow, kSigned});
  BOOST_TEST(sha1.exit_code == 2);
  BOOST_TEST(contains(sha1.err, "not a SHA-256 fingerprint"), sha1.err);
}

BOOST_AUTO_TEST_CASE(a_broken_metadata_file_is_named_broken_once) {
  TempDir dir;
  const std::string broken = dir.file("idp-metadata.xml", "<md:EntityDescriptor");
  const Run verify = run(SAML_VERIFY_PATH, {"--metadata", broken, "--now", kNow, kSigned});
  BOOST_TEST(verify.exit_code == 2, verify.err);
  BOOST_TEST(!contains(verify.err, "no trusted key given"), verify.err);
  const auto first = verify.err.find(broken);
  BOOST_TEST((first != std::string::npos && verify.err.find(broken, first + 1) == std::string::npos),
             "the path once: " << verify.err);
  const Run lint = run(SAML_LINT_PATH, {"--metadata", broken, "--now", kNow, kSigned});
  BOOST_TEST(lint.exit_code == 3, lint.err);
  BOOST_TEST(contains(lint.err, "--metadata " + broken + " is broken"), lint.err);
  BOOST_TEST(!contains(lint.out, "SIG012"), "no 'no trusted key given' finding: " << lint.out);
}

BOOST_AUTO_TEST_CASE(baseline_write_errors_give_the_reason) {
  const Run r = run(SAML_LINT_PATH, {"--cert", kCert, "--now", kNow, "--write-baseline",
                                     "/nonexistent-samlkit-dir/baseline.json", kSigned});
  BOOST_TEST(r.exit_code == 2, r.err);
  BOOST_TEST(contains(r.err, "cannot write the file: No such file or directory"), r.err);
}

BOOST_AUTO_TEST_CASE(the_shared_expectations_are_checked_alike) {
  for (const std::string& tool : {std::string(SAML_VERIFY_PATH), std::string(SAML_LINT_PATH)}) {
    const Run r = run(tool, {"--cert", kCert, "--max-size", "0", kSigned});
    BOOST_TEST(r.exit_code == 2, tool);
    BOOST_TEST(contains(r.err, "--max-size must be at least 1 byte"), tool << ": " << r.err);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rules_and_sarif)

BOOST_AUTO_TEST_CASE(sarif_has_fingerprints_help_and_security_severity) {
  const Run r = run(SAML_LINT_PATH, {"--now", kNow, "--format", "sarif", kSigned,
                                     kFixtures + "/lint/nameid-format-x509.xml"});
  const Json sarif = parse(r, "SARIF");
  const Json& driver = sarif.at("runs").at(0).at("tool").at("driver");
  BOOST_TEST(driver.at("informationUri").get<std::string>().rfind("https://", 0) == 0u, driver.dump());
  bool security = false;
  for (const Json& rule : driver.at("rules")) {
    BOOST_TEST(!rule.at("help").at("text").get<std::string>().empty(), rule.at("id"));
    const Json& properties = rule.at("properties");
    if (rule.at("id").get<std::string>().rfind("SIG", 0) == 0) {
      BOOST_TEST(properties.contains("security-severity"), rule.dump());
      security = true;
    }
    if (rule.at("id").get<std::string>().rfind("HYG", 0) == 0) {
      BOOST_TEST(!properties.contains("security-severity"), rule.dump());
    }
  }
  BOOST_TEST(security);
  const Json& results = sarif.at("runs").at(0).at("results");
  BOOST_REQUIRE(results.size() >= 2u);
  for (const Json& result : results) {
    BOOST_TEST(result.at("partialFingerprints").at("samlkitFinding/v1").get<std::string>().size() == 64u);
  }
  BOOST_TEST(results.at(0).at("partialFingerprints") != results.at(1).at("partialFingerprints"));
  const Run again = run(SAML_LINT_PATH, {"--now", "2024-05-01T12:02:00Z", "--format", "sarif", kSigned,
                                         kFixtures + "/lint/nameid-format-x509.xml"});
  BOOST_TEST(parse(again, "SARIF").at("runs").at(0).at("results").at(0).at("partialFingerprints") ==
                 results.at(0).at("partialFingerprints"),
             "the fingerprint does not change with the time of the run");
}

// In one-line XML every finding is on line 2: the column tells them apart.
BOOST_AUTO_TEST_CASE(findings_in_xml_carry_the_element_column) {
  const std::string input = kFixtures + "/lint/nameid-format-x509.xml";
  const std::string xml = slurp(input);
  const std::string line2 = xml.substr(xml.find('\n') + 1);
  const std::size_t expected = line2.find("<saml2:NameID") + 1;
  BOOST_REQUIRE(expected > 1u);
  const Run sarif = run(SAML_LINT_PATH, {"--cert", kCert, "--now", kNow, "--format", "sarif", input});
  bool found = false;
  const Json sarif_document = parse(sarif, "SARIF");
  for (const Json& result : sarif_document.at("runs").at(0).at("results")) {
    if (result.at("ruleId") != "HYG005") continue;
    found = true;
    const Json& region = result.at("locations").at(0).at("physicalLocation").at("region");
    BOOST_TEST(region.at("startLine") == 2);
    BOOST_TEST(region.at("startColumn").get<std::size_t>() == expected, region.dump());
  }
  BOOST_TEST(found, sarif.out);
  const Run text = run(SAML_LINT_PATH, {"--cert", kCert, "--now", kNow, input});
  BOOST_TEST(contains(text.out, "at line 2, column " + std::to_string(expected) + ", "), text.out);
  const Run json = run(SAML_LINT_PATH, {"--cert", kCert, "--now", kNow, "--json", input});
  bool json_found = false;
  const Json json_document = parse(json, "lint --json");
  for (const Json& finding : json_document.at("messages").at(0).at("findings")) {
    if (finding.at("rule") != "HYG005") continue;
    json_found = true;
    BOOST_TEST(finding.at("location").at("column").get<std::size_t>() == expected);
  }
  BOOST_TEST(json_found, json.out);
}

BOOST_AUTO_TEST_CASE(list_rules_as_json) {
  const Run r = run(SAML_LINT_PATH, {"--list-rules", "--format", "json"});
  BOOST_TEST(r.exit_code == 0, r.err);
  const Json rules = parse(r, "--list-rules --format json");
  BOOST_TEST(rules.at("schema") == "samlkit.rules/1");
  const Run text = run(SAML_LINT_PATH, {"--list-rules"});
  BOOST_TEST(contains(text.out, std::to_string(rules.at("rules").size()) + " rules;"), text.out);
  BOOST_TEST(rules.at("rules").at(0).at("profiles").is_array());
  expect_valid("saml-lint-rules.schema.json", r.out);
}

BOOST_AUTO_TEST_SUITE_END()
