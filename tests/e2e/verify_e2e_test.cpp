// saml-verify end to end: every row of the fixture contract (fixtures/README.md), the capture
// forms, stdin, time, trust options, overrides and usage errors. The binary is run with
// posix_spawn (no shell); exit status, --json output and the text report are asserted.
#define BOOST_TEST_MODULE verify_e2e
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <ostream>
#include <string>
#include <vector>

#include "run_tool.h"
#include "text.h"

namespace {

using samltest::contains;

using Json = nlohmann::json;

const std::string kFixtures = SAMLKIT_FIXTURES_DIR;
const std::string kNow = "2024-05-01T12:01:00Z";

std::string response(const std::string& name) { return kFixtures + "/responses/" + name; }
std::string capture(const std::string& name) { return kFixtures + "/captures/" + name; }
std::string key(const std::string& name) { return kFixtures + "/keys/" + name; }

using samltest::Run;
using samltest::slurp;
using samltest::TempFile;

// Runs saml-verify with `args`, stdin from `stdin_path`, and collects its output.
Run run_verify(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null") {
  return samltest::run_tool(SAML_VERIFY_PATH, args, stdin_path);
}

std::vector<std::string> with(std::vector<std::string> args, std::initializer_list<std::string> more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// The default invocation of the contract: idp-rsa certificate, now 12:01.
std::vector<std::string> base_args(const std::string& input) {
  return {"--cert", key("idp-rsa.crt"), "--now", kNow, input};
}

std::vector<std::string> finding_rules(const Json& verdict) {
  std::vector<std::string> rules;
  for (const Json& f : verdict.at("findings")) rules.push_back(f.at("rule").get<std::string>());
  return rules;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}


// Runs with --json and returns the one verdict of the document's messages.
Json run_json(const std::vector<std::string>& args, Run& run) {
  run = run_verify(with(args, {"--json"}));
  Json j;
  try {
    const Json document = Json::parse(run.out);
    BOOST_REQUIRE_MESSAGE(document.at("schema") == "samlkit.verify/2", run.out);
    BOOST_REQUIRE_MESSAGE(document.at("messages").size() == 1u, "one message: " << run.out);
    j = document.at("messages").at(0);
  } catch (const Json::exception& e) {
    BOOST_FAIL("stdout is not JSON (" << e.what() << "): " << run.out << run.err);
  }
  return j;
}

struct Row {
  std::string file;
  int exit_code;                    // 0 accept, 1 reject
  std::vector<std::string> rules;   // rule IDs that must be reported
  std::vector<std::string> extra;   // extra options (replace the default --cert when one is given)
};

std::ostream& operator<<(std::ostream& out, const Row& row) { return out << row.file; }

std::vector<std::string> row_args(const Row& row) {
  const bool own_cert = has(row.extra, "--cert");
  std::vector<std::string> args;
  if (!own_cert) args = {"--cert", key("idp-rsa.crt")};
  args.insert(args.end(), {"--now", kNow});
  args.insert(args.end(), row.extra.begin(), row.extra.end());
  args.push_back(response(row.file));
  return args;
}

// fixtures/README.md and the fixture contract: expected verdicts at 12:01 with idp-rsa.crt.
const std::vector<Row> kContract = {
    {"okta-aws-signed-assertion.xml", 0, {}, {}},
    {"okta-aws-signed-response.xml", 0, {}, {}},
    {"okta-aws-signed-both.xml", 0, {}, {}},
    {"okta-aws-ecdsa-p256.xml", 0, {}, {"--cert", key("idp-ec.crt")}},
    {"okta-aws-ecdsa-p256.xml", 1, {"SIG008", "SIG001"}, {}},
    {"okta-aws-rsa-sha512.xml", 0, {}, {}},
    {"okta-aws-role-reversed-order.xml", 0, {}, {}},
    {"okta-aws-role-whitespace.xml", 0, {"AWS007"}, {}},
    {"okta-aws-cross-account-role.xml", 0, {"AWS006"}, {}},
    {"okta-aws-govcloud.xml", 0, {}, {}},
    {"okta-aws-regional-recipient.xml", 0, {}, {}},
    {"okta-aws-no-destination.xml", 0, {}, {}},
    {"okta-aws-comment-in-nameid.xml", 0, {}, {}},
    {"okta-aws-rsa-sha1.xml", 1, {"SIG005"}, {}},
    {"okta-aws-rsa-sha1.xml", 0, {}, {"--allow-sha1"}},
    {"okta-aws-hmac-sha256.xml", 1, {"SIG006"}, {}},
    {"unsigned.xml", 1, {"SIG001"}, {}},
    {"signed-by-untrusted-key.xml", 1, {"SIG008", "SIG011", "SIG001"}, {}},
    {"tampered-role.xml", 1, {"SIG009", "SIG001"}, {}},
    {"status-responder.xml", 1, {"PRO002"}, {}},
    {"status-nested-success.xml", 1, {"PRO002"}, {}},
    {"version-2-1.xml", 1, {"PRO001"}, {}},
    {"assertion-no-issuer.xml", 1, {"PRO003"}, {}},
    {"destination-mismatch.xml", 1, {"PRO004"}, {}},
    {"no-nameid.xml", 1, {"SUB001"}, {}},
    {"two-subject-confirmations.xml", 1, {"SUB002"}, {}},
    {"holder-of-key-confirmation.xml", 1, {"SUB002"}, {}},
    {"confirmation-no-notonorafter.xml", 1, {"SUB003"}, {}},
    {"confirmation-no-recipient.xml", 1, {"SUB004"}, {}},
    {"wrong-recipient.xml", 1, {"SUB005"}, {}},
    {"no-audience-restriction.xml", 1, {"CND003"}, {}},
    {"wrong-audience.xml", 1, {"CND004"}, {}},
    {"audience-prefix.xml", 1, {"CND004"}, {}},
    {"two-audience-restrictions.xml", 1, {"CND004"}, {}},
    {"bad-time-value.xml", 1, {"CND006"}, {}},
    {"no-role-attribute.xml", 1, {"AWS001"}, {}},
    {"role-single-arn.xml", 1, {"AWS002"}, {}},
    {"role-two-roles.xml", 1, {"AWS002"}, {}},
    {"role-invalid-account.xml", 1, {"AWS003"}, {}},
    {"role-invalid-name.xml", 1, {"AWS003"}, {}},
    {"provider-invalid-name.xml", 1, {"AWS004"}, {}},
    {"role-partition-mismatch.xml", 1, {"AWS005"}, {}},
    {"no-role-session-name.xml", 1, {"AWS008"}, {}},
    {"two-role-session-names.xml", 1, {"AWS008"}, {}},
    {"role-session-name-invalid.xml", 1, {"AWS009"}, {}},
    {"role-session-name-short.xml", 1, {"AWS009"}, {}},
    {"session-duration-too-long.xml", 1, {"AWS010"}, {}},
    {"session-duration-too-short.xml", 1, {"AWS010"}, {}},
    {"session-duration-not-integer.xml", 1, {"AWS010"}, {}},
    {"doctype.xml", 1, {"XML001"}, {}},
    {"duplicate-ids.xml", 1, {"XML002"}, {}},
    {"two-assertions.xml", 1, {"XML004"}, {}},
    {"encrypted-assertion.xml", 1, {"XML005"}, {}},
    {"authn-request.xml", 1, {"XML003"}, {}},
    // The wrapped assertion may be caught as a second Assertion (XML004); it must never pass.
    {"xsw-assertion-in-extensions.xml", 1, {"XML004"}, {}},
    {"large-over-aws-limit.xml", 1, {"AWS011"}, {}},
};

}  // namespace

BOOST_DATA_TEST_CASE(contract_row_json, boost::unit_test::data::make(kContract), row) {
  Run run;
  const Json j = run_json(row_args(row), run);
  BOOST_TEST(run.exit_code == row.exit_code, row.file << ": exit " << run.exit_code << ", stderr: " << run.err);
  BOOST_TEST(j.at("accepted").get<bool>() == (row.exit_code == 0), row.file << ": accepted flag");
  const auto rules = finding_rules(j);
  for (const std::string& rule : row.rules) {
    BOOST_TEST(has(rules, rule), row.file << ": expected " << rule << " in " << j.at("findings").dump());
  }
  if (row.exit_code == 0) {
    for (const Json& f : j.at("findings")) {
      BOOST_TEST(f.at("severity") != "error", row.file << ": accepted with an error " << f.dump());
    }
    BOOST_TEST(!j.at("assertion").is_null(), row.file << ": accepted without the assertion");
    BOOST_TEST(j.at("aws").at("roles").size() >= 1u, row.file << ": accepted without roles");
  } else if (has(row.rules, "SIG001")) {
    BOOST_TEST(j.at("assertion").is_null(), row.file << ": identity shown from an unverified assertion");
  }
}

BOOST_DATA_TEST_CASE(contract_row_text, boost::unit_test::data::make(kContract), row) {
  const Run run = run_verify(row_args(row));
  BOOST_TEST(run.exit_code == row.exit_code, row.file << ": exit " << run.exit_code << ", stderr: " << run.err);
  BOOST_TEST(run.out.rfind(row.exit_code == 0 ? "ACCEPTED" : "REJECTED: ", 0) == 0,
             row.file << ": text starts with " << run.out.substr(0, 40));
  for (const std::string& rule : row.rules) {
    BOOST_TEST(contains(run.out, "[" + rule + "] "), row.file << ": " << rule << " not in text:\n" << run.out);
  }
  BOOST_TEST(!contains(run.out, "\x1b["), row.file << ": colour written to a file");
}

BOOST_AUTO_TEST_CASE(accepted_text_shows_identity_roles_window_and_key) {
  const Run run = run_verify(base_args(response("okta-aws-signed-assertion.xml")));
  BOOST_TEST(run.exit_code == 0, run.err);
  for (const char* part : {"http://www.okta.com/exk1fxcj2k3Lm4NoP5d7", "jane.doe@example.com",
                           "3600 s", "123456789012", "/Okta-Admin", "/engineering/Okta-ReadOnly",
                           "for another 4 min 0.123 s", "CN=okta-idp-test"}) {
    BOOST_TEST(contains(run.out, part), "accepted text lacks \"" << part << "\":\n" << run.out);
  }
  const std::string fingerprint = slurp(key("idp-rsa.sha256"));
  const auto eq = fingerprint.find('=');
  const std::string hex = fingerprint.substr(eq == std::string::npos ? 0 : eq + 1, 95);
  BOOST_TEST(contains(run.out, hex), "accepted text lacks the key fingerprint " << hex << ":\n" << run.out);
}

BOOST_AUTO_TEST_CASE(capture_forms_are_accepted) {
  for (const char* name : {"okta-aws-signed-assertion.b64", "okta-aws-signed-assertion.b64-oneline",
                           "okta-aws-signed-assertion.form", "okta-aws-signed-assertion.pct"}) {
    Run run;
    const Json j = run_json(base_args(capture(name)), run);
    BOOST_TEST(run.exit_code == 0, name << ": exit " << run.exit_code << " " << run.err);
    BOOST_TEST(j.at("input").at("source") == capture(name), name);
    BOOST_TEST(j.at("input").at("format") != "raw XML", name << ": format " << j.at("input").dump());
    BOOST_TEST(j.at("input").at("base64_length").is_number(), name << ": base64_length");
  }
  Run run;
  const Json j = run_json(base_args(capture("okta-aws-signed-assertion.form")), run);
  BOOST_TEST(j.at("input").at("field") == "SAMLResponse", "form body field");
}

BOOST_AUTO_TEST_CASE(undecodable_captures_exit_3_with_the_source) {
  for (const char* name : {"not-saml.html", "empty-form.form", "truncated.b64"}) {
    const Run run = run_verify(base_args(capture(name)));
    BOOST_TEST(run.exit_code == 3, name << ": exit " << run.exit_code << " " << run.err);
    BOOST_TEST(run.err.rfind("saml-verify: " + capture(name) + ": ", 0) == 0, name << ": " << run.err);
    BOOST_TEST(run.out.empty(), name << ": nothing on stdout");
  }
}

BOOST_AUTO_TEST_CASE(stdin_input) {
  const std::string file = capture("okta-aws-signed-assertion.b64");
  Run dash = run_verify({"--cert", key("idp-rsa.crt"), "--now", kNow, "--json", "-"}, file);
  BOOST_TEST(dash.exit_code == 0, "explicit -: " << dash.err);
  BOOST_TEST(Json::parse(dash.out).at("messages").at(0).at("input").at("source") == "-");
  Run implicit = run_verify({"--cert", key("idp-rsa.crt"), "--now", kNow}, file);
  BOOST_TEST(implicit.exit_code == 0, "no INPUT reads stdin: " << implicit.err);
}

BOOST_AUTO_TEST_CASE(expired_at_12_10_with_now_hint) {
  const std::string file = response("okta-aws-signed-assertion.xml");
  const std::vector<std::string> args{"--cert", key("idp-rsa.crt"), "--now", "2024-05-01T12:10:00Z", file};
  Run run;
  const Json j = run_json(args, run);
  BOOST_TEST(run.exit_code == 1);
  BOOST_TEST(has(finding_rules(j), "CND002"), j.at("findings").dump());
  BOOST_TEST(has(finding_rules(j), "SUB006"), j.at("findings").dump());
  const Run text = run_verify(args);
  BOOST_TEST(contains(text.out, "expired 4 min 59.877 s ago"), text.out);
  BOOST_TEST(contains(text.out, "--now 2024-05-01T12:00:00.123Z"), "no --now hint:\n" << text.out);
  BOOST_TEST(contains(text.out, "line 2, column 3517, /Response/Assertion/Conditions@NotOnOrAfter"), text.out);
}

BOOST_AUTO_TEST_CASE(time_cases) {
  const std::string file = response("okta-aws-signed-assertion.xml");
  Run run;
  Json j = run_json({"--cert", key("idp-rsa.crt"), "--now", "2024-05-01T11:50:00Z", file}, run);
  BOOST_TEST(run.exit_code == 1, "11:50");
  BOOST_TEST(has(finding_rules(j), "CND001"), "11:50: " << j.at("findings").dump());

  j = run_json({"--cert", key("idp-rsa.crt"), "--now", "2024-05-01T12:10:00Z", "--skew", "600", file}, run);
  BOOST_TEST(run.exit_code == 0, "skew 600 at 12:10: " << j.at("findings").dump());
  BOOST_TEST(!has(finding_rules(j), "HYG001"), "the skew widens STS's 5-minute window too");

  j = run_json({"--cert", key("idp-rsa.crt"), "--now", "2024-05-01T12:10:00Z", file}, run);
  BOOST_TEST(run.exit_code == 1, "12:10 without skew: " << j.at("findings").dump());
  BOOST_TEST(has(finding_rules(j), "HYG001"), "STS refuses a response redeemed 10 min after issue");

  j = run_json({"--cert", key("idp-rsa.crt"), "--now", "2024-05-01T13:30:00Z", file}, run);
  BOOST_TEST(run.exit_code == 1, "13:30");
  BOOST_TEST(has(finding_rules(j), "CND005"), "13:30: " << j.at("findings").dump());

  run = run_verify({"--cert", key("idp-rsa.crt"), "--now", "yesterday", file});
  BOOST_TEST(run.exit_code == 2, "bad --now: " << run.err);
  BOOST_TEST(contains(run.err, "--now yesterday"), run.err);
  run = run_verify({"--cert", key("idp-rsa.crt"), "--skew", "-5", file});
  BOOST_TEST(run.exit_code == 2, "negative --skew: " << run.err);
}

BOOST_AUTO_TEST_CASE(trust_by_fingerprint_metadata_and_rollover) {
  const std::string file = response("okta-aws-signed-assertion.xml");
  std::string fingerprint = slurp(key("idp-rsa.sha256"));
  if (const auto eq = fingerprint.find('='); eq != std::string::npos) fingerprint.erase(0, eq + 1);
  while (!fingerprint.empty() && (fingerprint.back() == '\n' || fingerprint.back() == '\r')) fingerprint.pop_back();

  Run run = run_verify({"--fingerprint", fingerprint, "--now", kNow, file});
  BOOST_TEST(run.exit_code == 0, "--fingerprint: " << run.out << run.err);
  run = run_verify({"--metadata", key("okta-metadata.xml"), "--now", kNow, file});
  BOOST_TEST(run.exit_code == 0, "--metadata: " << run.out << run.err);
  run = run_verify({"--cert", key("idp-rsa-next.crt"), "--cert", key("idp-rsa.crt"), "--now", kNow, file});
  BOOST_TEST(run.exit_code == 0, "rollover, right cert second: " << run.out << run.err);

  Json j = run_json({"--cert", key("idp-rsa-next.crt"), "--now", kNow, file}, run);
  BOOST_TEST(run.exit_code == 1, "only the next cert");
  BOOST_TEST(has(finding_rules(j), "SIG008"), j.at("findings").dump());
  BOOST_TEST(j.at("assertion").is_null(), "no identity without a trusted signature");

  run = run_verify({"--fingerprint", "not-hex", "--now", kNow, file});
  BOOST_TEST(run.exit_code == 2, "bad --fingerprint: " << run.err);
  run = run_verify({"--cert", key("does-not-exist.crt"), "--now", kNow, file});
  BOOST_TEST(run.exit_code == 2, "missing --cert file: " << run.err);
}

BOOST_AUTO_TEST_CASE(audience_and_recipient_overrides) {
  Run run = run_verify(with(base_args(response("wrong-audience.xml")), {"--audience", "https://sp.example.com"}));
  BOOST_TEST(run.exit_code == 0, "--audience accepts wrong-audience.xml: " << run.out);
  Json j = run_json(with(base_args(response("okta-aws-signed-assertion.xml")),
                         {"--audience", "https://sp.example.com"}), run);
  BOOST_TEST(run.exit_code == 1, "--audience replaces the AWS defaults");
  BOOST_TEST(has(finding_rules(j), "CND004"), j.at("findings").dump());

  run = run_verify(with(base_args(response("wrong-recipient.xml")), {"--recipient", "https://sp.example.com/acs"}));
  BOOST_TEST(run.exit_code == 0, "--recipient accepts wrong-recipient.xml: " << run.out);
  j = run_json(with(base_args(response("okta-aws-signed-assertion.xml")),
                    {"--recipient", "https://sp.example.com/acs"}), run);
  BOOST_TEST(run.exit_code == 1, "--recipient replaces the AWS endpoints");
  BOOST_TEST(has(finding_rules(j), "SUB005"), j.at("findings").dump());
}

BOOST_AUTO_TEST_CASE(comment_injection_reports_the_whole_name_id) {
  Run run;
  const Json j = run_json(base_args(response("okta-aws-comment-in-nameid.xml")), run);
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(j.at("assertion").at("name_id") == "jane.doe@example.com.attacker.test", j.at("assertion").dump());
  BOOST_TEST(j.at("aws").at("role_session_name") != "jane.doe@example.com",
             "RoleSessionName truncated at the comment: " << j.at("aws").dump());
  const Run text = run_verify(base_args(response("okta-aws-comment-in-nameid.xml")));
  BOOST_TEST(contains(text.out, "jane.doe@example.com.attacker.test"), text.out);
}

BOOST_AUTO_TEST_CASE(usage_errors_and_help) {
  const std::string file = response("okta-aws-signed-assertion.xml");
  Run run = run_verify({"--now", kNow, file});
  BOOST_TEST(run.exit_code == 2, "no trust options");
  BOOST_TEST(contains(run.err, "never trusted"), run.err);
  BOOST_TEST(contains(run.err, "--cert"), run.err);

  run = run_verify({"--no-such-option"});
  BOOST_TEST(run.exit_code == 2, "unknown option: " << run.err);

  run = run_verify({"--help"});
  BOOST_TEST(run.exit_code == 0);
  for (const char* option : {"--cert", "--fingerprint", "--metadata", "--now", "--skew", "--audience",
                             "--recipient", "--allow-sha1", "--max-size", "--json"}) {
    BOOST_TEST(contains(run.out, option), "--help lacks " << option);
  }
  run = run_verify({"--version"});
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(contains(run.out, "saml-verify"), run.out);
}

// Decided: a missing or unreadable INPUT is "the input could not be read", exit 3 (a missing
// --cert/--metadata file is a configuration error, exit 2).
BOOST_AUTO_TEST_CASE(missing_input_file_exits_3) {
  const std::string missing = kFixtures + "/responses/no-such-file.xml";
  const Run run = run_verify(base_args(missing));
  BOOST_TEST(run.exit_code == 3, run.err);
  BOOST_TEST(run.err.rfind("saml-verify: " + missing + ": cannot open: ", 0) == 0, run.err);
  BOOST_TEST(run.err.find(missing, missing.size()) == std::string::npos, "the path once: " << run.err);

  const Run cert = run_verify({"--cert", missing, response("okta-aws-signed-assertion.xml")});
  BOOST_TEST(cert.exit_code == 2, cert.err);
  BOOST_TEST(cert.err.rfind("saml-verify: --cert " + missing + ": cannot open: ", 0) == 0, cert.err);
}

BOOST_AUTO_TEST_CASE(max_size_refuses_larger_input) {
  const Run run = run_verify(with({"--max-size", "1000"}, {"--cert", key("idp-rsa.crt"), "--now", kNow,
                                                            response("okta-aws-signed-assertion.xml")}));
  BOOST_TEST(run.exit_code == 3, "input over --max-size: " << run.err);
}

BOOST_AUTO_TEST_CASE(pasted_capture_forms_are_accepted) {
  struct Case {
    const char* name;
    const char* origin;  // how the input line describes it
  };
  const Case cases[] = {
      {"chrome-bash.curl", "(cURL command): POST https://signin.aws.amazon.com/saml, field SAMLResponse"},
      {"chrome-cmd.curl", "(cURL command): POST"},
      {"firefox-cmd.curl", "(cURL command): POST"},
      {"firefox-bash.curl", "(cURL command): POST"},
      {"powershell-curl-exe.ps1", "(cURL command): POST"},
      {"chrome.ps1", "(PowerShell command): POST https://signin.aws.amazon.com/saml"},
      {"okta-autopost.html", "(HTML form): POST https://signin.aws.amazon.com/saml, field SAMLResponse"},
      {"shibboleth-autopost.html", "(HTML form): POST https://signin.aws.amazon.com/saml"},
      // The signature covers the canonical UTF-8 form: it verifies after the conversion.
      {"okta-aws-signed-assertion.utf16le.xml", "(raw XML)\n  note:          the input is UTF-16 LE"},
      {"okta-aws-signed-assertion.utf16be.b64", "(base64)\n  note:          the input is UTF-16 BE"},
      {"okta-aws-signed-assertion.plus-as-space.b64", "(base64)\n  note:          29 spaces inside the base64 read as '+'"},
  };
  for (const Case& c : cases) {
    const Run run = run_verify(base_args(capture(c.name)));
    BOOST_TEST(run.exit_code == 0, c.name << ": exit " << run.exit_code << " " << run.err);
    BOOST_TEST(run.out.rfind("ACCEPTED\n  input:         " + capture(c.name) + " " + c.origin, 0) == 0u,
               c.name << ":\n" << run.out);
  }
  // Tampered after conversion: the UTF-16 path does not weaken the signature check.
  const std::string utf16 = slurp(capture("okta-aws-signed-assertion.utf16le.xml"));
  std::string tampered = utf16;
  const std::string jane("j\0a\0n\0e\0", 8);
  tampered.replace(tampered.find(jane), jane.size(), std::string("j\0o\0h\0n\0", 8));
  const TempFile file(tampered);
  const Run run = run_verify(base_args(file.path()));
  BOOST_TEST(run.exit_code == 1, "tampered UTF-16: exit " << run.exit_code << " " << run.out);
}

BOOST_AUTO_TEST_CASE(a_whole_flow_is_judged_by_its_responses) {
  const Run run = run_verify(base_args(capture("saml-tracer-export.json")));
  BOOST_TEST(run.exit_code == 0, "the AuthnRequest does not fail the run: " << run.out << run.err);
  BOOST_TEST(run.out.rfind("ACCEPTED\n", 0) == 0u, run.out);
  BOOST_TEST(!contains(run.out, "REJECTED"), run.out);
  BOOST_TEST(contains(run.out, "saml-tracer-export.json, message 2 of 2 (SAML-tracer export, request 3)"), run.out);
  BOOST_TEST(contains(run.err, "message 1 of 2 (SAML-tracer export, request 1)"), run.err);
  BOOST_TEST(contains(run.err, "listed for information; only the flow's Responses are judged (--index 1 judges it)"),
             run.err);

  const Run request = run_verify(with(base_args(capture("saml-tracer-export.json")), {"--index", "1"}));
  BOOST_TEST(request.exit_code == 1, "--index 1 judges the AuthnRequest: " << request.out);
  BOOST_TEST(contains(request.out, "[XML003]"), request.out);
  const Run past = run_verify(with(base_args(capture("saml-tracer-export.json")), {"--index", "3"}));
  BOOST_TEST(past.exit_code == 2);
  BOOST_TEST(contains(past.err, "--index 3: " + capture("saml-tracer-export.json") + " holds 2 messages"), past.err);
  BOOST_TEST(run_verify(with(base_args(capture("saml-tracer-export.json")), {"--index", "0"})).exit_code == 2);

  Run json;
  const Json verdict = run_json(with(base_args(capture("okta-idp-initiated.har")), {"--index", "2"}), json);
  BOOST_TEST(verdict.at("input").at("message") == 2, json.out);
  BOOST_TEST(verdict.at("input").at("messages") == 2);
  BOOST_TEST(verdict.at("input").at("entry") == 4, "1-based, as the text says");
}

BOOST_AUTO_TEST_CASE(max_input_size_is_an_option_named_when_exceeded) {
  const Run run = run_verify(with(base_args(capture("okta-idp-initiated.har")), {"--max-input-size", "1000"}));
  BOOST_TEST(run.exit_code == 3);
  BOOST_TEST(contains(run.err, "input is larger than 1000 bytes (raise the limit with --max-input-size BYTES)"), run.err);
  BOOST_TEST(run_verify(with(base_args(capture("okta-idp-initiated.har")), {"--max-input-size", "0"})).exit_code == 2);
}
