// verdict_to_json keys and nulls, verdict_to_text lines, fixes and the --now hint.
#define BOOST_TEST_MODULE report
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>

#include "saml/report.h"
#include "saml/rules.h"

using namespace std::chrono;
using Json = nlohmann::json;

namespace {

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

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

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
