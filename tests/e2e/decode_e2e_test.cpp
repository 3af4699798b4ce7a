// saml-decode end to end: the summary, JSON, XML, diff and redaction outputs, every capture
// form decoding to the same model, and the messages for input that cannot be decoded.
#define BOOST_TEST_MODULE decode_e2e
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "run_tool.h"
#include "text.h"

namespace {

using samltest::contains;

using Json = nlohmann::json;
using samltest::Run;
using samltest::TempFile;

const std::string kFixtures = SAMLKIT_FIXTURES_DIR;
const std::string kNow = "2024-05-01T12:01:00Z";

std::string response(const std::string& name) { return kFixtures + "/responses/" + name; }
std::string capture(const std::string& name) { return kFixtures + "/captures/" + name; }

Run decode(std::vector<std::string> args, const std::string& stdin_path = "/dev/null") {
  args.insert(args.begin(), {"--now", kNow});
  return samltest::run_tool(SAML_DECODE_PATH, args, stdin_path);
}


Json json_of(const Run& run, const std::string& what) {
  try {
    return Json::parse(run.out);
  } catch (const Json::exception& e) {
    BOOST_FAIL(what << ": stdout is not JSON (" << e.what() << "): " << run.out << run.err);
  }
  return nullptr;
}

// The model of one capture, without where it came from.
Json model_of(const std::vector<std::string>& args, const std::string& what) {
  std::vector<std::string> with_json = args;
  with_json.push_back("--json");
  const Run run = decode(with_json);
  BOOST_TEST(run.exit_code == 0, what << ": exit " << run.exit_code << " " << run.err);
  Json j = json_of(run, what).at("messages").at(0);
  j.erase("origin");
  return j;
}

std::string base64_of(const std::string& bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) value |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) value |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(value >> 18) & 63];
    out += kAlphabet[(value >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(value >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[value & 63] : '=';
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(summary_of_a_base64_capture) {
  const Run run = decode({capture("okta-aws-signed-assertion.b64")});
  BOOST_TEST(run.exit_code == 0, run.err);
  for (const char* part : {"okta-aws-signed-assertion.b64 (base64)", "SAML Response  UNVERIFIED",
                           "http://www.okta.com/exk1fxcj2k3Lm4NoP5d7", "jane.doe@example.com",
                           "123456789012  /Okta-Admin", "/engineering/Okta-ReadOnly", "3600 s",
                           "CN=okta-idp-test", "SHA-256 ", "NotOnOrAfter (SubjectConfirmation)  in 4 min 0.123 s"}) {
    BOOST_TEST(contains(run.out, part), "summary lacks \"" << part << "\":\n" << run.out);
  }
  BOOST_TEST(!contains(run.out, "\x1b["), "no colour into a file");
}

BOOST_AUTO_TEST_CASE(har_shows_every_capture_with_its_origin) {
  Run run = decode({capture("okta-idp-initiated.har")});
  BOOST_TEST(run.exit_code == 0, run.err);
  for (const char* part : {"okta-idp-initiated.har, message 1 of 2 (HAR, entry 3): POST https://signin.aws.amazon.com/saml",
                           "okta-idp-initiated.har, message 2 of 2 (HAR, entry 4)", "captured      2024-05-01T12:00:04.789000Z"}) {
    BOOST_TEST(contains(run.out, part), "HAR summary lacks \"" << part << "\":\n" << run.out);
  }
  run = decode({"--index", "2", capture("okta-idp-initiated.har")});
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(contains(run.out, "message 2 of 2 (HAR, entry 4)"), run.out);
  BOOST_TEST(!contains(run.out, "message 1 of 2"), "--index 2 shows one message");
  run = decode({"--index", "3", capture("okta-idp-initiated.har")});
  BOOST_TEST(run.exit_code == 2, "--index past the end: " << run.err);
}

BOOST_AUTO_TEST_CASE(json_fields) {
  const Run run = decode({"--json", "--index", "1", capture("okta-idp-initiated.har")});
  BOOST_TEST(run.exit_code == 0, run.err);
  const Json document = json_of(run, "HAR --json");
  BOOST_TEST(document.at("schema") == "samlkit.decode/2");
  BOOST_REQUIRE_MESSAGE(document.at("messages").size() == 1u, "one capture is a messages array of one");
  const Json& j = document.at("messages").at(0);
  BOOST_TEST(j.at("origin").at("format") == "HAR");
  BOOST_TEST(j.at("origin").at("entry") == 3, "1-based, like the text");
  BOOST_TEST(j.at("origin").at("message") == 1);
  BOOST_TEST(j.at("origin").at("messages") == 2);
  BOOST_TEST(j.at("origin").at("captured_at") == "2024-05-01T12:00:00.456000Z");
  BOOST_TEST(j.at("trust_given") == false);
  BOOST_TEST(j.at("response").at("destination") == "https://signin.aws.amazon.com/saml");
  BOOST_TEST(j.at("assertion").at("name_id") == "jane.doe@example.com");
  BOOST_TEST(j.at("aws").at("roles").at(0).at("role_arn") == "arn:aws:iam::123456789012:role/Okta-Admin");
  BOOST_TEST(j.at("aws").at("session_duration") == 3600);
  BOOST_TEST(j.at("signatures").at(0).at("certificates").at(0).at("subject") == "CN=okta-idp-test");

  const Run several = decode({"--json", capture("okta-idp-initiated.har")});
  const Json array = json_of(several, "HAR --json, all captures").at("messages");
  BOOST_TEST(array.is_array(), "several captures are messages of one document");
  BOOST_TEST(array.size() == 2u);
}

BOOST_AUTO_TEST_CASE(every_response_form_decodes_to_the_same_model) {
  const Json expected = model_of({response("okta-aws-signed-assertion.xml")}, "raw XML");
  const std::vector<std::vector<std::string>> forms = {
      {capture("okta-aws-signed-assertion.b64")},        {capture("okta-aws-signed-assertion.b64-oneline")},
      {capture("okta-aws-signed-assertion.form")},       {capture("okta-aws-signed-assertion.pct")},
      {"--index", "1", capture("okta-idp-initiated.har")}, {"--index", "2", capture("okta-idp-initiated.har")},
      {"--index", "2", capture("saml-tracer-export.json")}, {capture("chrome-bash.curl")},
      {capture("chrome-cmd.curl")}, {capture("firefox-cmd.curl")}, {capture("firefox-bash.curl")},
      {capture("powershell-curl-exe.ps1")}, {capture("chrome.ps1")}, {capture("okta-autopost.html")},
      {capture("shibboleth-autopost.html")}, {capture("okta-aws-signed-assertion.utf16le.xml")},
      {capture("okta-aws-signed-assertion.utf16be.b64")}, {capture("okta-aws-signed-assertion.plus-as-space.b64")}};
  for (const auto& form : forms) {
    const std::string what = form.back() + (form.size() > 1 ? " #" + form[1] : "");
    const Json model = model_of(form, what);
    BOOST_TEST(model == expected, what << " differs:\n" << Json::diff(expected, model).dump());
  }
}

BOOST_AUTO_TEST_CASE(every_request_form_decodes_to_the_same_model) {
  const Json expected = model_of({capture("authn-request.xml")}, "authn-request.xml");
  BOOST_TEST(expected.at("authn_request").at("assertion_consumer_service_url") == "https://signin.aws.amazon.com/saml");
  for (const auto& form : std::vector<std::vector<std::string>>{{capture("authn-request.deflate.b64")},
                                                                 {capture("authn-request.url")},
                                                                 {"--index", "1", capture("saml-tracer-export.json")}}) {
    const Json model = model_of(form, form.back());
    BOOST_TEST(model == expected, form.back() << " differs:\n" << Json::diff(expected, model).dump());
  }
  const Run run = decode({capture("authn-request.url")});
  for (const char* part : {"SAML AuthnRequest", "id7351248823101942113046817", "ACS URL", "NameIDPolicy  unspecified",
                           "binding       HTTP-POST", "IssueInstant (AuthnRequest)"}) {
    BOOST_TEST(contains(run.out, part), "AuthnRequest summary lacks \"" << part << "\":\n" << run.out);
  }
}

BOOST_AUTO_TEST_CASE(stdin_input) {
  const Run run = decode({"-"}, capture("okta-aws-signed-assertion.b64"));
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(contains(run.out, "== - (base64)"), run.out);
}

BOOST_AUTO_TEST_CASE(undecodable_input_names_the_layer) {
  struct Case {
    std::string name;
    std::string content;  // written to a temporary file; empty = use `name` as the fixture
    std::vector<std::string> parts;
  };
  const std::string bad_xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n<a></b>";
  const std::vector<Case> cases = {
      {"truncated.b64", "", {"invalid base64 character '*' at offset 884"}},
      {"not-saml.html", "", {"HTML page has no form with a SAMLResponse or SAMLRequest field"}},
      {"empty-form.form", "", {"the SAMLResponse field is empty"}},
      {"deflate-bomb.b64", "", {"decompression bomb"}},
      {"bad deflate", base64_of(std::string("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4", 12)), {"DEFLATE"}},
      {"bad XML", base64_of(bad_xml), {"line 2"}},
      {"HAR with no SAML",
       R"({"log": {"version": "1.2", "entries": [{"startedDateTime": "2024-05-01T12:00:00Z",)"
       R"( "request": {"method": "GET", "url": "https://example.okta.com/", "queryString": []}}]}})",
       {"HAR with 1 entries but no SAMLResponse or SAMLRequest"}},
      {"JSON error body", R"({"error": "invalid_grant", "error_description": "expired"})", {"not a SAML message"}},
      {"XML that is not SAML", "<config xmlns=\"urn:example\"/>", {"not a SAML message", "<config>"}},
  };
  for (const Case& c : cases) {
    const TempFile file(c.content);
    const std::string path = c.content.empty() ? capture(c.name) : file.path();
    const Run run = decode({path});
    BOOST_TEST(run.exit_code == 3, c.name << ": exit " << run.exit_code << " " << run.err);
    BOOST_TEST(run.err.rfind("saml-decode: " + path, 0) == 0u, c.name << ": " << run.err);
    for (const std::string& part : c.parts) BOOST_TEST(contains(run.err, part), c.name << ": " << run.err);
    BOOST_TEST(run.out.empty(), c.name << ": nothing on stdout");
  }
}

BOOST_AUTO_TEST_CASE(xml_output_is_pretty_with_a_note) {
  const Run run = decode({"--xml", capture("okta-aws-signed-assertion.pct")});
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(run.out.rfind("<?xml", 0) == 0u, run.out.substr(0, 80));
  BOOST_TEST(contains(run.out, "\n  <saml2:Issuer"), "indented");
  BOOST_TEST(contains(run.err, "for reading only"), run.err);
  BOOST_TEST(contains(run.err, "original bytes"), run.err);
}

BOOST_AUTO_TEST_CASE(redaction_in_every_output) {
  std::string token;
  for (const char* output : {"--json", "--xml", "--index"}) {
    std::vector<std::string> args{"--redact", output};
    if (std::string(output) == "--index") args.push_back("1");
    args.push_back(capture("okta-aws-signed-assertion.b64"));
    const Run run = decode(args);
    BOOST_TEST(run.exit_code == 0, output << ": " << run.err);
    BOOST_TEST(!contains(run.out, "jane.doe"), output << " leaks the NameID");
    const auto at = run.out.find("redacted:");
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, output << ": no redacted value");
    const std::string found = run.out.substr(at, 17);
    if (token.empty()) token = found;
    BOOST_TEST(found == token, output << ": the same value gets the same hash");
    BOOST_TEST(contains(run.out, "Okta-ReadOnly"), output << ": roles stay readable");
  }
}

BOOST_AUTO_TEST_CASE(trust_marks_values) {
  const Run run = decode({"--cert", kFixtures + "/keys/idp-rsa.crt", response("okta-aws-signed-assertion.xml")});
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(!contains(run.out, "UNVERIFIED"), run.out);
  BOOST_TEST(contains(run.out, "ACCEPTED"), run.out);
  BOOST_TEST(contains(run.out, "jane.doe@example.com (unspecified)  [verified]"), run.out);
  BOOST_TEST(contains(run.out, "[NOT verified]"), "the unsigned Response envelope:\n" << run.out);

  const Run wrong_key = decode({"--cert", kFixtures + "/keys/idp-rsa-next.crt", response("okta-aws-signed-assertion.xml")});
  BOOST_TEST(wrong_key.exit_code == 0, "decoding succeeds whatever the verdict");
  BOOST_TEST(!contains(wrong_key.out, "[verified]"), wrong_key.out);
  BOOST_TEST(contains(wrong_key.out, "REJECTED"), wrong_key.out);
}

BOOST_AUTO_TEST_CASE(diff_of_two_captures) {
  Run run = decode({"--diff", response("okta-aws-signed-assertion.xml"), response("okta-aws-govcloud.xml")});
  BOOST_TEST(run.exit_code == 0, run.err);
  for (const char* part : {"~ destination", "- role: arn:aws:iam::123456789012:role/Okta-Admin",
                           "+ role: arn:aws-us-gov:iam::123456789012:role/Okta-Admin", "~ audience"}) {
    BOOST_TEST(contains(run.out, part), "diff lacks \"" << part << "\":\n" << run.out);
  }
  run = decode({"--diff", "--json", response("okta-aws-signed-assertion.xml"), response("okta-aws-rsa-sha512.xml")});
  const Json j = json_of(run, "diff --json");
  BOOST_TEST(j.at("schema") == "samlkit.decode-diff/1");
  BOOST_TEST(j.at("changes").at(0).at("aspect") == "signature algorithm", j.dump());
  run = decode({"--diff", capture("okta-aws-signed-assertion.b64"), response("okta-aws-signed-assertion.xml")});
  BOOST_TEST(contains(run.out, "no differences"), run.out);
  run = decode({"--diff", response("okta-aws-signed-assertion.xml")});
  BOOST_TEST(run.exit_code == 2, "--diff needs two inputs");
}

BOOST_AUTO_TEST_CASE(usage_help_and_version) {
  Run run = decode({"--help"});
  BOOST_TEST(run.exit_code == 0);
  for (const char* option : {"--json", "--xml", "--diff", "--redact", "--index", "--cert", "--fingerprint",
                             "--metadata", "--now"}) {
    BOOST_TEST(contains(run.out, option), "--help lacks " << option);
  }
  run = decode({"--version"});
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(contains(run.out, "saml-decode"), run.out);
  BOOST_TEST(decode({"--no-such-option"}).exit_code == 2, "unknown option");
  BOOST_TEST(decode({"--json", "--xml", capture("authn-request.xml")}).exit_code == 2, "--json with --xml");
  BOOST_TEST(decode({"--index", "0", capture("authn-request.xml")}).exit_code == 2, "--index 0");
  BOOST_TEST(decode({kFixtures + "/no-such-file"}).exit_code == 3, "missing input");
}

BOOST_AUTO_TEST_CASE(pasted_forms_show_what_was_converted_or_repaired) {
  const Run plus = decode({capture("okta-aws-signed-assertion.plus-as-space.b64")});
  BOOST_TEST(plus.exit_code == 0, plus.err);
  BOOST_TEST(contains(plus.out, "note: 29 spaces inside the base64 read as '+'"), plus.out);
  const Run utf16 = decode({capture("okta-aws-signed-assertion.utf16le.xml")});
  BOOST_TEST(contains(utf16.out, "note: the input is UTF-16 LE"), utf16.out);
  const Run json = decode({"--json", capture("okta-aws-signed-assertion.utf16be.b64")});
  BOOST_TEST(json_of(json, "UTF-16 BE --json").at("messages").at(0).at("origin").at("notes").size() == 1u, json.out);
  const Run page = decode({capture("okta-autopost.html")});
  BOOST_TEST(contains(page.out, "okta-autopost.html (HTML form): POST https://signin.aws.amazon.com/saml, field SAMLResponse"),
             page.out);
  const Run command = decode({capture("chrome.ps1")});
  BOOST_TEST(contains(command.out, "(PowerShell command): POST https://signin.aws.amazon.com/saml"), command.out);
  BOOST_TEST(contains(command.out, "captured      2024-05-01T12:00:01Z"), "from the Date header:\n" << command.out);
}

BOOST_AUTO_TEST_CASE(index_counts_within_each_input) {
  const Run run = decode({"--index", "1", capture("okta-idp-initiated.har"), capture("saml-tracer-export.json")});
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(contains(run.out, "okta-idp-initiated.har, message 1 of 2"), run.out);
  BOOST_TEST(contains(run.out, "saml-tracer-export.json, message 1 of 2"), run.out);
  BOOST_TEST(!contains(run.out, "message 2 of 2"), run.out);
  const Run past = decode({"--index", "3", capture("saml-tracer-export.json")});
  BOOST_TEST(past.exit_code == 2);
  BOOST_TEST(contains(past.err, "--index 3: " + capture("saml-tracer-export.json") + " holds 2 messages"), past.err);
}
