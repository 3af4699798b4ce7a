// verdict_to_json keys and nulls, verdict_to_text lines, fixes and the --now hint; the HTML
// page: escaping, structure, the content policy and its size.
#define BOOST_TEST_MODULE report
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <openssl/evp.h>

#include <chrono>
#include <string>

#include "fixtures.h"
#include "saml/decode.h"
#include "saml/html_report.h"
#include "saml/lint.h"
#include "saml/report.h"
#include "saml/rules.h"
#include "saml_support.h"

using namespace std::chrono;
using Json = nlohmann::json;

namespace {

using samltest::contains;

saml::TimePoint at(int h, int m, int s, int ms = 0) {
  return sys_days{year{2024} / May / 1} + hours{h} + minutes{m} + seconds{s} + milliseconds{ms};
}

saml::Instant instant(saml::TimePoint t, std::string text) {
  saml::Instant i;
  i.present = true;
  i.text = std::move(text);
  i.value = t;
  return i;
}

saml::Capture capture() {
  saml::Capture c;
  c.xml = "<x/>";
  c.format = saml::CaptureFormat::Base64;
  c.origin.source = "okta.b64";
  c.base64_length = 8;
  return c;
}

saml::Policy policy_at(saml::TimePoint now) {
  saml::Policy p;
  p.now = now;
  return p;
}

saml::Arn arn(saml::ArnKind kind, std::string path, std::string name) {
  saml::Arn a;
  a.partition = "aws";
  a.account = "123456789012";
  a.kind = kind;
  a.path = std::move(path);
  a.name = std::move(name);
  return a;
}

saml::Verdict accepted_verdict() {
  saml::Verdict v;
  v.accepted = true;
  saml::Response r;
  r.id = "id7351248823101942113046815";
  r.destination = "https://signin.aws.amazon.com/saml";
  r.has_destination = true;
  r.status.present = true;
  r.status.code = "urn:oasis:names:tc:SAML:2.0:status:Success";
  r.issue_instant = instant(at(12, 0, 0, 123), "2024-05-01T12:00:00.123Z");
  v.response = r;
  saml::Assertion a;
  a.id = "id73512488232874331823509731";
  a.issuer = "http://www.okta.com/exk1fxcj2k3Lm4NoP5d7";
  a.has_issuer = true;
  a.has_name_id = true;
  a.name_id = "jane.doe@example.com.attacker.test";
  a.issue_instant = instant(at(12, 0, 0, 123), "2024-05-01T12:00:00.123Z");
  a.conditions.present = true;
  a.conditions.not_before = instant(at(11, 55, 0, 123), "2024-05-01T11:55:00.123Z");
  a.conditions.not_on_or_after = instant(at(12, 5, 0, 123), "2024-05-01T12:05:00.123Z");
  a.conditions.audience_restrictions.push_back({{"urn:amazon:webservices"}, {}});
  saml::SubjectConfirmation c;
  c.method = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
  c.recipient = "https://signin.aws.amazon.com/saml";
  c.has_recipient = true;
  c.not_on_or_after = a.conditions.not_on_or_after;
  a.confirmations.push_back(c);
  v.assertion = a;
  saml::AwsView aws;
  aws.roles.push_back({arn(saml::ArnKind::Role, "/", "Okta-Admin"),
                       arn(saml::ArnKind::SamlProvider, "/", "Okta"), true, false, ""});
  aws.roles.push_back({arn(saml::ArnKind::Role, "/engineering/", "Okta-ReadOnly"),
                       arn(saml::ArnKind::SamlProvider, "/", "Okta"), true, false, ""});
  aws.role_session_name = "jane.doe@example.com";
  aws.session_duration = 3600;
  v.aws = aws;
  saml::SignatureReport s;
  s.signed_element = "Assertion";
  s.signed_id = a.id;
  s.status = saml::SignatureStatus::Verified;
  s.signature_method = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
  s.digest_method = "http://www.w3.org/2001/04/xmlenc#sha256";
  saml::CertificateInfo key;
  key.subject = "CN=okta-idp-test";
  key.fingerprint.fill(0xAB);
  s.key_used = key;
  v.signatures.signatures.push_back(s);
  return v;
}

saml::Verdict expired_verdict() {
  saml::Verdict v = accepted_verdict();
  v.accepted = false;
  v.findings.push_back(saml::make_finding(
      saml::RuleId::expired, "the assertion expired 4 min 59.877 s ago",
      saml::Location{1, "/Response/Assertion/Conditions", "NotOnOrAfter", -1}));
  return v;
}

std::string fix_of(std::string_view id) { return std::string(saml::find_rule(id)->fix); }


}  // namespace

BOOST_AUTO_TEST_CASE(json_rejected_without_assertion_has_no_identity) {
  saml::Verdict v;
  saml::Response r;
  r.id = "id1";
  v.response = r;
  v.findings.push_back(saml::make_finding(saml::RuleId::assertion_not_signed, "not covered", saml::Location{1, "/Response/Assertion", "", -1}));
  const Json j = Json::parse(saml::verdict_to_json(capture(), v, policy_at(at(12, 1, 0))));
  BOOST_TEST(!j.contains("schema"), "the schema is the document's, not each message's");
  BOOST_TEST(j["accepted"] == false);
  BOOST_TEST(j["input"]["source"] == "okta.b64");
  BOOST_TEST(j["input"]["base64_length"] == 8);
  BOOST_TEST(j["input"]["field"].is_null());
  BOOST_TEST(j["now"] == "2024-05-01T12:01:00Z");
  BOOST_TEST(j["skew_seconds"] == 0);
  for (const char* key : {"issuer", "assertion", "aws"}) {
    BOOST_TEST(j.contains(key), "key " << key << " must be present");
    BOOST_TEST(j[key].is_null(), "key " << key << " must be null without a verified assertion");
  }
  BOOST_TEST(j["response"]["signed"] == false);
  const Json& f = j["findings"].at(0);
  for (const char* key : {"rule", "severity", "title", "message", "location", "fix", "reference"}) {
    BOOST_TEST(f.contains(key), "finding key " << key << " missing");
  }
  for (const char* key : {"line", "element", "attribute"}) {
    BOOST_TEST(f["location"].contains(key), "location key " << key << " missing");
  }
  BOOST_TEST(f["rule"] == "SIG001");
  BOOST_TEST(f["severity"] == "error");
  BOOST_TEST(f["location"]["line"] == 1);
  BOOST_TEST(f["location"]["attribute"].is_null(), "an empty attribute is null");
  BOOST_TEST(f["fix"] == fix_of("SIG001"));
}

BOOST_AUTO_TEST_CASE(json_accepted_has_identity_roles_and_signatures) {
  const Json j = Json::parse(saml::verdict_to_json(capture(), accepted_verdict(), policy_at(at(12, 1, 0))));
  BOOST_TEST(j["accepted"] == true);
  BOOST_TEST(j["issuer"] == "http://www.okta.com/exk1fxcj2k3Lm4NoP5d7");
  BOOST_TEST(j["assertion"]["name_id"] == "jane.doe@example.com.attacker.test");
  BOOST_TEST(j["assertion"]["recipient"] == "https://signin.aws.amazon.com/saml");
  BOOST_TEST(j["assertion"]["audiences"].at(0) == "urn:amazon:webservices");
  BOOST_TEST(j["aws"]["roles"].size() == 2u);
  const Json& role = j["aws"]["roles"].at(1);
  BOOST_TEST(role["role_name"] == "Okta-ReadOnly");
  BOOST_TEST(role["role_path"] == "/engineering/");
  BOOST_TEST(role["account"] == "123456789012");
  BOOST_TEST(role["provider_name"] == "Okta");
  BOOST_TEST(role["partition"] == "aws");
  BOOST_TEST(j["aws"]["session_duration"] == 3600);
  const Json& sig = j["signatures"].at(0);
  BOOST_TEST(sig["element"] == "Assertion");
  BOOST_TEST(sig["status"] == std::string(saml::signature_status_name(saml::SignatureStatus::Verified)));
  BOOST_TEST(sig["key_subject"] == "CN=okta-idp-test");
  BOOST_TEST(contains(sig["key_fingerprint_sha256"].get<std::string>(), "AB:AB:"));
}

BOOST_AUTO_TEST_CASE(text_accepted_shows_identity_roles_window_and_key) {
  const std::string text = saml::verdict_to_text(capture(), accepted_verdict(), policy_at(at(12, 1, 0)));
  BOOST_TEST(text.rfind("ACCEPTED", 0) == 0, text);
  BOOST_TEST(contains(text, "jane.doe@example.com.attacker.test"), text);
  BOOST_TEST(contains(text, "123456789012  /engineering/Okta-ReadOnly  Okta"), text);
  BOOST_TEST(contains(text, "for another 4 min 0.123 s (until 2024-05-01T12:05:00.123Z"), text);
  BOOST_TEST(contains(text, "rsa-sha256"), text);
  BOOST_TEST(contains(text, "CN=okta-idp-test"), text);
  BOOST_TEST(!contains(text, "\x1b["), "no colour unless asked");
  const std::string colored =
      saml::verdict_to_text(capture(), accepted_verdict(), policy_at(at(12, 1, 0)), {true});
  BOOST_TEST(contains(colored, "\x1b["), "colour when asked");
}

BOOST_AUTO_TEST_CASE(text_rejected_lists_location_fix_and_now_hint) {
  const std::string text = saml::verdict_to_text(capture(), expired_verdict(), policy_at(at(12, 10, 0)));
  BOOST_TEST(text.rfind("REJECTED: 1 problem", 0) == 0, text);
  BOOST_TEST(contains(text, "[CND002] error at line 1, /Response/Assertion/Conditions@NotOnOrAfter: "
                            "the assertion expired"),
             text);
  BOOST_TEST(contains(text, "  fix: " + fix_of("CND002")), text);
  BOOST_TEST(contains(text, "closed 4 min 59.877 s ago"), text);
  BOOST_TEST(contains(text, "--now 2024-05-01T12:00:00.123Z"), text);
}

BOOST_AUTO_TEST_CASE(text_has_no_time_hint_when_other_errors_exist) {
  saml::Verdict v = expired_verdict();
  v.findings.push_back(saml::make_finding(saml::RuleId::audience_not_accepted, "wrong audience"));
  const std::string text = saml::verdict_to_text(capture(), v, policy_at(at(12, 10, 0)));
  BOOST_TEST(text.rfind("REJECTED: 2 problems", 0) == 0, text);
  BOOST_TEST(contains(text, "[CND004] error: wrong audience"), text);
  BOOST_TEST(!contains(text, "hint:"), "no --now hint when a non-time rule failed: " << text);
}

BOOST_AUTO_TEST_CASE(text_hint_offers_the_capture_time_when_known) {
  saml::Capture c = capture();
  c.captured_at = at(12, 0, 30);
  const std::string text = saml::verdict_to_text(c, expired_verdict(), policy_at(at(12, 10, 0)));
  BOOST_TEST(contains(text, "--now 2024-05-01T12:00:30Z"), "hint must offer the capture time:\n" << text);
}

// ---------------------------------------------------------------------------------------
// HTML page
// ---------------------------------------------------------------------------------------
namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The view saml-verify builds for a fixture, trusting keys/idp-rsa.crt, at 12:01:00.
saml::DecodeView verified_view(const std::string& fixture) {
  saml::TrustStore trust;
  BOOST_REQUIRE(trust.add_pem_certificates(samltest::read_fixture("keys/idp-rsa.crt"), "idp-rsa.crt"));
  auto captures = saml::decode_capture(samltest::read_fixture(fixture), fixture);
  BOOST_REQUIRE(captures);
  saml::Policy policy = policy_at(at(12, 1, 0));
  auto verdict = saml::verify_capture(captures->front(), trust, policy);
  BOOST_REQUIRE(verdict);
  return saml::view_of_verdict(captures->front(), std::move(*verdict));
}

std::string page_of(const saml::DecodeView& view, std::vector<saml::HtmlIamOutcome> iam = {}) {
  return saml::messages_to_html({{&view, "", std::nullopt, std::move(iam)}}, {"saml-verify report", at(12, 1, 0), {}});
}

std::string between(const std::string& text, const std::string& open, const std::string& close) {
  const auto start = text.find(open);
  BOOST_REQUIRE(start != std::string::npos);
  const auto end = text.find(close, start + open.size());
  BOOST_REQUIRE(end != std::string::npos);
  return text.substr(start + open.size(), end - start - open.size());
}

}  // namespace

BOOST_AUTO_TEST_CASE(html_escape_makes_markup_text_and_hidden_characters_visible) {
  BOOST_TEST(saml::html_escape("<script>a&b</script>") == "&lt;script&gt;a&amp;b&lt;/script&gt;");
  BOOST_TEST(saml::html_escape("\"x' onerror") == "&quot;x&#39; onerror");
  BOOST_TEST(saml::html_escape("line\n\tnext caf\xC3\xA9") == "line\n\tnext caf\xC3\xA9", "newline, tab, UTF-8 kept");
  BOOST_TEST(saml::html_escape("a\xE2\x80\xAE" "b") == "a<span class=\"esc\">[U+202E]</span>b", "bidi override shown");
  BOOST_TEST(saml::html_escape("\x01\r") == "<span class=\"esc\">[U+0001]</span><span class=\"esc\">[U+000D]</span>");
  BOOST_TEST(saml::html_escape("\xFF") == "<span class=\"esc\">[0xFF]</span>", "not UTF-8");
  BOOST_TEST(saml::html_escape("\xC0\x80") == "<span class=\"esc\">[0xC0]</span><span class=\"esc\">[0x80]</span>",
             "overlong encodings are not characters");
  BOOST_TEST(saml::html_escape("\xEF\xBB\xBF") == "<span class=\"esc\">[U+FEFF]</span>", "invisible format character");
}

BOOST_AUTO_TEST_CASE(html_page_of_a_typical_response_is_small_strict_and_complete) {
  const saml::DecodeView view = verified_view("responses/okta-aws-signed-assertion.xml");
  const std::string page = page_of(view);
  BOOST_TEST(page.size() < 100u * 1024u, page.size());
  BOOST_TEST(page.rfind("<!DOCTYPE html>", 0) == 0);
  BOOST_TEST(!contains(page, "<script"), "no script at all");
  BOOST_TEST(!contains(page, "http-equiv=\"refresh\""));
  // The policy allows exactly the one style block, by its hash.
  const std::string style = between(page, "<style>", "</style>");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(style.data(), style.size(), digest, &length, EVP_sha256(), nullptr);
  std::string hash(64, '\0');
  hash.resize(static_cast<std::size_t>(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(hash.data()), digest, static_cast<int>(length))));
  BOOST_TEST(contains(page, "content=\"default-src 'none'; style-src 'sha256-" + hash + "'; base-uri 'none'; form-action 'none'\""));
  BOOST_TEST(count_of(page, "<style") == 1u);
  BOOST_TEST(contains(page, "&#10004; ACCEPTED"));
  BOOST_TEST(contains(page, "Findings (<span class=\"count\">0</span>)"));
  // Two IssueInstants, AuthnInstant, SessionNotOnOrAfter, NotBefore, two NotOnOrAfter, now.
  BOOST_TEST(count_of(page, "<g class=\"marker ") == 8u);
  BOOST_TEST(contains(page, "accepted window"));
  BOOST_TEST(contains(page, "[&#10004; signed by signature #1, key CN=okta-idp-test"));
  BOOST_TEST(contains(page, "[&#10006; outside the verified part]"), "the Response is not signed");
  BOOST_TEST(contains(page, "<th scope=\"row\">NameID</th><td>jane.doe@example.com (unspecified)</td>"));
  BOOST_TEST(contains(page, "arn:aws:iam::123456789012:role/engineering/Okta-ReadOnly"));
  BOOST_TEST(contains(page, "Canonical bytes digested") == false, "kept only when the policy asks");
  BOOST_TEST(contains(page, "&lt;saml2p:Response"), "the pretty XML, escaped");
}

BOOST_AUTO_TEST_CASE(html_page_shows_injected_markup_as_text) {
  const saml::DecodeView view = verified_view("html/script-injection.xml");
  const std::string page = page_of(view, {{"arn:aws:iam::123456789012:role/<b>x</b>", false, "no trust <i>policy</i>"}});
  BOOST_TEST(!contains(page, "<script"));
  BOOST_TEST(!contains(page, "<img"));
  BOOST_TEST(!contains(page, "<svg onload"));
  BOOST_TEST(contains(page, "&lt;script&gt;window.samlkitInjected=&quot;nameid&quot;&lt;/script&gt;"));
  BOOST_TEST(contains(page, "invoice<span class=\"esc\">[U+202E]</span>fdp.exe"));
  BOOST_TEST(contains(page, "IAM outcome per role"));
  BOOST_TEST(contains(page, "role/&lt;b&gt;x&lt;/b&gt;</th><td><span class=\"fail\">&#10006; denied</span></td><td>no trust &lt;i&gt;policy&lt;/i&gt;"));
  // The findings name the rules, and the page explains each rule it names.
  BOOST_TEST(contains(page, "<a class=\"rule\" href=\"#rule-AWS009\">"));
  BOOST_TEST(contains(page, "<dt id=\"rule-AWS009\">"));
}

BOOST_AUTO_TEST_CASE(html_page_headline_follows_the_aws_side) {
  const saml::DecodeView view = verified_view("responses/okta-aws-signed-assertion.xml");
  BOOST_TEST(contains(page_of(view), "ACCEPTED"));
  const std::string refused = saml::messages_to_html(
      {{&view, "", std::nullopt, {{"arn:aws:iam::123456789012:role/Okta-Admin", false, "aud-mismatch"}}, true}},
      {"saml-verify report", at(12, 1, 0), {}});
  BOOST_TEST(contains(refused, "REFUSED BY AWS: the SAML checks pass, but no role in the response is assumable"));
  BOOST_TEST(!contains(refused, "ACCEPTED"), "the headline says what the exit code says");

  saml::iam::AwsSide side;
  side.verified = true;
  side.iam.emplace();
  saml::iam::RoleDecision role;
  role.role_arn = "arn:aws:iam::123456789012:role/Okta-Admin";
  role.notes.push_back({"aud-mismatch", "Statement[0]: StringEquals SAML:aud"});
  side.iam->roles.push_back(role);
  const std::vector<saml::HtmlIamOutcome> outcomes = saml::iam_outcomes(side);
  BOOST_TEST_REQUIRE(outcomes.size() == 1u);
  BOOST_TEST(outcomes[0].role_arn == role.role_arn);
  BOOST_TEST(!outcomes[0].allowed);
  BOOST_TEST(outcomes[0].reason == "aud-mismatch: Statement[0]: StringEquals SAML:aud");
  BOOST_TEST(saml::iam_outcomes(saml::iam::AwsSide{}).empty(), "no --iam, no table");
}

BOOST_AUTO_TEST_CASE(html_page_says_why_an_input_was_not_read) {
  const saml::Error error{saml::ErrorKind::Decode, saml::ErrorCode::CaptureBase64, "bad <base64>", {}};
  const std::string page = saml::messages_to_html({{nullptr, "in<put>.b64", error, {}}}, {"saml-decode report", at(12, 1, 0), {}});
  BOOST_TEST(contains(page, "Message 1: in&lt;put&gt;.b64"));
  BOOST_TEST(contains(page, "&#10006; UNREADABLE"));
  BOOST_TEST(contains(page, "<code>capture.base64</code>: bad &lt;base64&gt;"));
}

// A SessionNotOnOrAfter before the other deadlines closes the window (CND005 rejects after
// it): the text report and the HTML time line name the same end.
BOOST_AUTO_TEST_CASE(text_and_html_close_the_window_at_the_same_instant) {
  std::string xml = samltest::read_fixture("responses/okta-aws-signed-assertion.xml");
  const std::string session = "SessionNotOnOrAfter=\"2024-05-01T13:00:00.000Z\"";
  const auto at_session = xml.find(session);
  BOOST_REQUIRE(at_session != std::string::npos);
  xml.replace(at_session, session.size(), "SessionNotOnOrAfter=\"2024-05-01T12:03:00.000Z\"");
  saml::Capture message;
  message.xml = xml;
  const saml::Policy policy = policy_at(at(12, 1, 0));
  auto view = saml::decode_view(message, {}, policy);
  BOOST_REQUIRE(view);
  const std::string page = page_of(*view);
  BOOST_TEST(contains(page, "until before 2024-05-01T12:03:00Z"), between(page, "<p>Accepted from", "</p>"));

  saml::Verdict verdict = accepted_verdict();
  saml::AuthnStatement statement;
  statement.session_not_on_or_after = instant(at(12, 3, 0), "2024-05-01T12:03:00Z");
  verdict.assertion->authn_statements.push_back(statement);
  const std::string text = saml::verdict_to_text(capture(), verdict, policy);
  BOOST_TEST(contains(text, "for another 2 min 0 s (until 2024-05-01T12:03:00Z"), text);
}

// The rule glossary at the foot of a page serves messages of either AWS profile: a rule
// with an IAM Identity Center fix of its own shows both fixes.
BOOST_AUTO_TEST_CASE(html_rule_glossary_gives_the_identity_center_fix_too) {
  const saml::DecodeView view = verified_view("responses/no-audience-restriction.xml");
  const std::string page = page_of(view);
  const std::string entry = between(page, "<dt id=\"rule-CND003\">", "</dd>");
  BOOST_TEST(contains(entry, std::string("<strong>Fix:</strong> ") + saml::html_escape(saml::find_rule("CND003")->fix)), entry);
  BOOST_TEST(contains(entry, "<strong>Fix (IAM Identity Center):</strong> " +
                                 saml::html_escape(saml::find_rule("CND003")->identity_center_fix)),
             entry);
}

BOOST_AUTO_TEST_CASE(html_lint_page_streams_sections_then_a_sortable_summary) {
  saml::LintReportOptions options;
  options.now = "2024-05-01T12:01:00Z";
  auto writer = saml::make_lint_report_writer(saml::LintReportFormat::Html, options);
  saml::LintEntry failing;
  failing.source = "a<1>.xml";
  failing.result.emplace();
  failing.result->findings.push_back(saml::make_finding(saml::RuleId::expired, "the assertion expired"));
  failing.result->findings.push_back(saml::make_finding(saml::RuleId::only_response_signed, "only the Response is signed"));
  saml::LintEntry unreadable;
  unreadable.source = "b.xml";
  unreadable.error = saml::Error{saml::ErrorKind::Decode, saml::ErrorCode::CaptureUnknownFormat, "not SAML", {}};
  const std::string begin = writer->begin();
  const std::string first = writer->entry(failing);
  const std::string second = writer->entry(unreadable);
  const std::string end = writer->end();
  BOOST_TEST(contains(begin, "<main id=\"main\">"));
  BOOST_TEST(contains(first, "id=\"msg-1\""));
  BOOST_TEST(contains(first, "&#10006; FAIL"));
  BOOST_TEST(count_of(first, "<li class=\"finding\">") == 2u);
  BOOST_TEST(contains(second, "&#10006; UNREADABLE"));
  BOOST_TEST(count_of(end, "<table class=\"summary\"") == 5u, "one table per sort order");
  BOOST_TEST(contains(end, "<a href=\"#msg-1\">a&lt;1&gt;.xml</a></th><td>FAIL</td><td class=\"num\">1</td><td class=\"num\">1</td>"));
  BOOST_TEST(contains(end, "<dt id=\"rule-CND002\">"));
  BOOST_TEST(end.substr(end.size() - 8) == "</html>\n");
  BOOST_TEST(contains(end, "<th scope=\"col\" aria-sort=\"descending\"><a href=\"#summary-by-errors\">Errors &#9660;</a></th>"),
             "the sorted view says which column it sorts by");
}

BOOST_AUTO_TEST_CASE(html_lint_page_draws_a_message_kept_by_keep_view) {
  saml::TrustStore trust;
  BOOST_REQUIRE(trust.add_pem_certificates(samltest::read_fixture("keys/idp-rsa.crt"), "idp-rsa.crt"));
  auto captures = saml::decode_capture(samltest::read_fixture("responses/okta-aws-signed-assertion.xml"), "okta.xml");
  BOOST_REQUIRE(captures);
  saml::LintOptions lint;
  lint.policy = policy_at(at(12, 1, 0));
  saml::LintEntry entry;
  entry.source = "okta.xml";
  auto plain = saml::lint_capture(captures->front(), trust, lint);
  BOOST_REQUIRE(plain);
  BOOST_TEST(!plain->view, "no view unless asked");
  lint.keep_view = true;
  auto result = saml::lint_capture(captures->front(), trust, lint);
  BOOST_REQUIRE(result);
  BOOST_REQUIRE(result->view);
  BOOST_TEST(result->view->accepted.value_or(false));
  entry.result = std::move(*result);
  saml::LintReportOptions options;
  options.now = "2024-05-01T12:01:00Z";
  auto writer = saml::make_lint_report_writer(saml::LintReportFormat::Html, options);
  const std::string section = writer->entry(entry);
  BOOST_TEST(contains(section, "&#10004; PASS"));
  BOOST_TEST(count_of(section, "<g class=\"marker ") == 8u);
  BOOST_TEST(contains(section, "now (time of the checks) 2024-05-01T12:01:00Z"));
  BOOST_TEST(contains(section, "[&#10004; signed by signature #1, key CN=okta-idp-test"));
}
