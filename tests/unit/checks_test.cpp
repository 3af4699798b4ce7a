// The verify checks on small hand-built models: boundaries, skew, AND/OR audiences.
#define BOOST_TEST_MODULE checks
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "saml/checks.h"
#include "saml/xml.h"
#include "model_nodes.h"
#include "saml_support.h"

using namespace std::chrono;

namespace {

using samltest::find_rule;

saml::TimePoint at(int h, int m, int s, int ms = 0) {
  return sys_days{year{2024} / May / 1} + hours{h} + minutes{m} + seconds{s} + milliseconds{ms};
}

saml::Instant instant(saml::TimePoint t, std::string text, std::string_view element,
                      std::string_view attribute) {
  saml::Instant i;
  i.present = true;
  i.text = std::move(text);
  i.value = t;
  i.where = samltest::node_at(element, 1, attribute);
  return i;
}

constexpr const char* kBearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
constexpr const char* kSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success";

// The fixture contract's valid Okta -> AWS assertion.
saml::Assertion valid_assertion() {
  saml::Assertion a;
  a.id = "id73512488232874331823509731";
  a.version = "2.0";
  a.issue_instant = instant(at(12, 0, 0, 123), "2024-05-01T12:00:00.123Z", "/Response/Assertion", "IssueInstant");
  a.issuer = "http://www.okta.com/exk1fxcj2k3Lm4NoP5d7";
  a.has_issuer = true;
  a.has_subject = true;
  a.has_name_id = true;
  a.name_id = "jane.doe@example.com";
  saml::SubjectConfirmation c;
  c.method = kBearer;
  c.has_data = true;
  c.not_on_or_after = instant(at(12, 5, 0, 123), "2024-05-01T12:05:00.123Z",
                              "/Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData",
                              "NotOnOrAfter");
  c.recipient = "https://signin.aws.amazon.com/saml";
  c.has_recipient = true;
  c.where = samltest::node_at("/Response/Assertion/Subject/SubjectConfirmation");
  a.confirmations.push_back(c);
  a.conditions.present = true;
  a.conditions.not_before = instant(at(11, 55, 0, 123), "2024-05-01T11:55:00.123Z",
                                    "/Response/Assertion/Conditions", "NotBefore");
  a.conditions.not_on_or_after = instant(at(12, 5, 0, 123), "2024-05-01T12:05:00.123Z",
                                         "/Response/Assertion/Conditions", "NotOnOrAfter");
  a.conditions.audience_restrictions.push_back({{"urn:amazon:webservices"}, {}});
  saml::AuthnStatement s;
  s.session_not_on_or_after = instant(at(13, 0, 0), "2024-05-01T13:00:00.000Z",
                                      "/Response/Assertion/AuthnStatement", "SessionNotOnOrAfter");
  a.authn_statements.push_back(s);
  a.where = samltest::node_at("/Response/Assertion");
  return a;
}

saml::Response valid_response() {
  saml::Response r;
  r.id = "id7351248823101942113046815";
  r.version = "2.0";
  r.has_version = true;
  r.destination = "https://signin.aws.amazon.com/saml";
  r.has_destination = true;
  r.status.present = true;
  r.status.code = kSuccess;
  r.where = samltest::node_at("/Response");
  return r;
}

saml::Policy policy_at(saml::TimePoint now, long skew_seconds = 0) {
  saml::Policy p;
  p.now = now;
  p.skew = seconds(skew_seconds);
  return p;
}

std::vector<saml::Finding> all_checks(const saml::Assertion& a, const saml::Policy& p,
                                      const saml::Response& r = valid_response()) {
  std::vector<saml::Finding> findings;
  saml::check_response(r, findings);
  saml::check_verified_assertion(r, a, p, saml::Profile::Aws, findings);
  return findings;
}

std::string ids(const std::vector<saml::Finding>& findings) {
  std::string text;
  for (const auto& f : findings) text += (text.empty() ? "" : ",") + f.rule_id;
  return text;
}


}  // namespace

BOOST_AUTO_TEST_CASE(valid_assertion_has_no_findings) {
  const auto findings = all_checks(valid_assertion(), policy_at(at(12, 1, 0)));
  BOOST_TEST(findings.empty(), "valid assertion at 12:01 gave: " << ids(findings));
}

BOOST_AUTO_TEST_CASE(now_equal_to_not_on_or_after_is_expired) {
  const auto findings = all_checks(valid_assertion(), policy_at(at(12, 5, 0, 123)));
  BOOST_TEST(ids(findings) == "CND002,SUB006", "now == NotOnOrAfter gave: " << ids(findings));
  const auto* f = find_rule(findings, "CND002");
  BOOST_REQUIRE(f != nullptr);
  BOOST_TEST(f->message.find("expired 0 s ago") != std::string::npos, f->message);
  BOOST_TEST(f->where.attribute == "NotOnOrAfter");
  BOOST_TEST(f->where.element == "/Response/Assertion/Conditions");
}

BOOST_AUTO_TEST_CASE(one_microsecond_before_not_on_or_after_is_valid) {
  const auto findings = all_checks(valid_assertion(), policy_at(at(12, 5, 0, 123) - microseconds(1)));
  BOOST_TEST(findings.empty(), "1 us before NotOnOrAfter gave: " << ids(findings));
}

BOOST_AUTO_TEST_CASE(expiry_message_says_window_now_skew_and_miss) {
  const auto findings = all_checks(valid_assertion(), policy_at(at(12, 13, 0)));
  const auto* f = find_rule(findings, "CND002");
  BOOST_REQUIRE_MESSAGE(f != nullptr, "no CND002 at 12:13: " << ids(findings));
  BOOST_TEST(f->message ==
             "the assertion expired 7 min 59.877 s ago: NotOnOrAfter 2024-05-01T12:05:00.123Z, "
             "now 2024-05-01T12:13:00Z, skew 0 s");
  BOOST_REQUIRE_MESSAGE(find_rule(findings, "HYG001") != nullptr, "13 min after issue must report HYG001");
  BOOST_TEST((find_rule(findings, "HYG001")->severity == saml::Severity::Error),
             "HYG001 is an error: STS refuses a response redeemed after 5 minutes");
}

BOOST_AUTO_TEST_CASE(skew_extends_the_window_up_to_but_not_including_its_end) {
  const auto inside = all_checks(valid_assertion(), policy_at(at(12, 5, 59, 123), 60));
  BOOST_TEST(find_rule(inside, "CND002") == nullptr, "skew 60 at NotOnOrAfter+59s gave: " << ids(inside));
  const auto edge = all_checks(valid_assertion(), policy_at(at(12, 6, 0, 123), 60));
  BOOST_REQUIRE_MESSAGE(find_rule(edge, "CND002") != nullptr, "skew 60 at NotOnOrAfter+60s gave: " << ids(edge));
  BOOST_TEST(find_rule(edge, "CND002")->message.find("skew 60 s") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(not_before_boundary_and_skew) {
  auto a = valid_assertion();
  const auto at_not_before = all_checks(a, policy_at(at(11, 55, 0, 123)));
  BOOST_TEST(find_rule(at_not_before, "CND001") == nullptr, "now == NotBefore gave: " << ids(at_not_before));
  const auto early = all_checks(a, policy_at(at(11, 50, 0)));
  const auto* f = find_rule(early, "CND001");
  BOOST_REQUIRE_MESSAGE(f != nullptr, "11:50 gave: " << ids(early));
  BOOST_TEST(f->message.find("5 min 0.123 s too early") != std::string::npos, f->message);
  BOOST_TEST(f->where.attribute == "NotBefore");
  const auto skewed = all_checks(a, policy_at(at(11, 50, 0), 301));
  BOOST_TEST(find_rule(skewed, "CND001") == nullptr, "skew 301 at 11:50 gave: " << ids(skewed));
}

BOOST_AUTO_TEST_CASE(session_expiry_is_cnd005) {
  const auto findings = all_checks(valid_assertion(), policy_at(at(13, 30, 0)));
  BOOST_TEST(ids(findings) == "CND002,SUB006,CND005,HYG001", "13:30 gave: " << ids(findings));
}

BOOST_AUTO_TEST_CASE(unparseable_instant_is_cnd006_and_not_checked_further) {
  auto a = valid_assertion();
  a.conditions.not_on_or_after.value.reset();
  a.conditions.not_on_or_after.text = "2024-13-01T00:00:00Z";
  a.conditions.not_on_or_after.error = "month 13 is out of range";
  const auto findings = all_checks(a, policy_at(at(12, 1, 0)));
  BOOST_TEST(ids(findings) == "CND006", "bad NotOnOrAfter gave: " << ids(findings));
  BOOST_TEST(findings.front().message.find("2024-13-01T00:00:00Z") != std::string::npos);
  BOOST_TEST(findings.front().where.attribute == "NotOnOrAfter");
}

BOOST_AUTO_TEST_CASE(issue_age_boundary) {
  auto p = policy_at(at(12, 5, 0, 123));
  std::vector<saml::Finding> findings;
  saml::check_issue_age(valid_assertion(), p, findings);
  BOOST_TEST(findings.empty(), "exactly 300 s after issue gave: " << ids(findings));
  p.now += microseconds(1);
  saml::check_issue_age(valid_assertion(), p, findings);
  BOOST_TEST(ids(findings) == "HYG001", "300 s + 1 us after issue gave: " << ids(findings));
}

BOOST_AUTO_TEST_CASE(audiences_and_across_restrictions_or_within) {
  const auto p = policy_at(at(12, 1, 0));
  auto a = valid_assertion();
  a.conditions.audience_restrictions = {{{"https://sp.example.com", "urn:amazon:webservices"}, {}}};
  BOOST_TEST(all_checks(a, p).empty(), "OR within one restriction must accept");

  a.conditions.audience_restrictions = {{{"urn:amazon:webservices"}, {}},
                                        {{"https://sp.example.com"}, {}}};
  auto findings = all_checks(a, p);
  BOOST_TEST(ids(findings) == "CND004", "AND across restrictions gave: " << ids(findings));
  BOOST_TEST(findings.front().message.find("https://sp.example.com") != std::string::npos);

  a.conditions.audience_restrictions = {{{"urn:amazon:webservices:evil"}, {}}};
  findings = all_checks(a, p);
  BOOST_TEST(ids(findings) == "CND004", "prefix of an accepted audience gave: " << ids(findings));

  a.conditions.audience_restrictions.clear();
  findings = all_checks(a, p);
  BOOST_TEST(ids(findings) == "CND003", "no AudienceRestriction gave: " << ids(findings));

  a.conditions = saml::Conditions{};
  findings = all_checks(a, p);
  BOOST_TEST(ids(findings) == "CND003", "no Conditions gave: " << ids(findings));
}

BOOST_AUTO_TEST_CASE(audience_option_replaces_the_defaults) {
  auto p = policy_at(at(12, 1, 0));
  p.audiences = {"https://sp.example.com"};
  auto a = valid_assertion();
  BOOST_TEST(ids(all_checks(a, p)) == "CND004", "default audience must fail with --audience");
  a.conditions.audience_restrictions = {{{"https://sp.example.com"}, {}}};
  BOOST_TEST(all_checks(a, p).empty(), "the --audience value must be accepted");
}

BOOST_AUTO_TEST_CASE(subject_confirmation_rules) {
  const auto p = policy_at(at(12, 1, 0));
  auto a = valid_assertion();
  a.has_name_id = false;
  a.name_id.clear();
  BOOST_TEST(ids(all_checks(a, p)) == "SUB001", "no NameID");

  a = valid_assertion();
  a.confirmations.push_back(a.confirmations.front());
  BOOST_TEST(ids(all_checks(a, p)) == "SUB002", "two confirmations");

  a = valid_assertion();
  a.confirmations.front().method = "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key";
  BOOST_TEST(ids(all_checks(a, p)) == "SUB002", "holder-of-key");

  a = valid_assertion();
  a.confirmations.front().not_on_or_after = saml::Instant{};
  BOOST_TEST(ids(all_checks(a, p)) == "SUB003", "no SubjectConfirmationData NotOnOrAfter");

  a = valid_assertion();
  a.confirmations.front().has_recipient = false;
  a.confirmations.front().recipient.clear();
  BOOST_TEST(ids(all_checks(a, p)) == "SUB004", "no Recipient");

  a = valid_assertion();
  a.confirmations.front().recipient = "https://sp.example.com/acs";
  auto r = valid_response();
  r.destination = "https://sp.example.com/acs";
  BOOST_TEST(ids(all_checks(a, p, r)) == "SUB005", "wrong Recipient");

  a.confirmations.front().recipient = "https://signin.aws.amazon.com/saml/";
  r.destination = a.confirmations.front().recipient;
  BOOST_TEST(ids(all_checks(a, p, r)) == "SUB005", "trailing slash must not match exactly");

  a.confirmations.front().recipient = "https://us-east-1.signin.aws.amazon.com/saml";
  r.destination = a.confirmations.front().recipient;
  BOOST_TEST(all_checks(a, p, r).empty(), "regional endpoint must be accepted");
}

BOOST_AUTO_TEST_CASE(recipient_option_replaces_the_defaults) {
  auto p = policy_at(at(12, 1, 0));
  p.recipients = {"https://sp.example.com/acs"};
  auto a = valid_assertion();
  BOOST_TEST(ids(all_checks(a, p)) == "SUB005", "AWS endpoint must fail with --recipient");
  a.confirmations.front().recipient = "https://sp.example.com/acs";
  auto r = valid_response();
  r.destination = "https://sp.example.com/acs";
  BOOST_TEST(all_checks(a, p, r).empty(), "the --recipient value must be accepted");
}

BOOST_AUTO_TEST_CASE(protocol_rules) {
  const auto p = policy_at(at(12, 1, 0));
  auto r = valid_response();
  r.version = "2.1";
  BOOST_TEST(ids(all_checks(valid_assertion(), p, r)) == "PRO001", "Version 2.1");

  r = valid_response();
  r.status.code = "urn:oasis:names:tc:SAML:2.0:status:Requester";
  r.status.second_level = kSuccess;
  r.status.message = "no such user";
  auto findings = all_checks(valid_assertion(), p, r);
  BOOST_REQUIRE_MESSAGE(ids(findings) == "PRO002", "nested Success gave: " << ids(findings));
  BOOST_TEST(findings.front().message.find("status:Requester") != std::string::npos);
  BOOST_TEST(findings.front().message.find("status:Success") != std::string::npos);
  BOOST_TEST(findings.front().message.find("no such user") != std::string::npos);

  r = valid_response();
  r.status = saml::Status{};
  BOOST_TEST(ids(all_checks(valid_assertion(), p, r)) == "PRO002", "no Status");

  auto a = valid_assertion();
  a.has_issuer = false;
  a.issuer.clear();
  BOOST_TEST(ids(all_checks(a, p)) == "PRO003", "no Assertion Issuer");

  r = valid_response();
  r.destination = "https://evil.example/saml";
  findings = all_checks(valid_assertion(), p, r);
  BOOST_TEST(ids(findings) == "PRO004", "Destination mismatch");
  BOOST_TEST(findings.front().where.attribute == "Destination");

  r.has_destination = false;
  r.destination.clear();
  BOOST_TEST(all_checks(valid_assertion(), p, r).empty(), "no Destination is fine");
}

BOOST_AUTO_TEST_CASE(message_size_limit_of_assume_role_with_saml) {
  saml::Capture capture;
  capture.base64_length = 100000;
  std::vector<saml::Finding> findings;
  saml::check_message_size(capture, findings);
  BOOST_TEST(findings.empty(), "exactly 100,000 base64 characters must pass");
  capture.base64_length = 100001;
  saml::check_message_size(capture, findings);
  BOOST_TEST(ids(findings) == "AWS011", "100,001 base64 characters");

  saml::Capture raw;
  raw.xml.assign(75000, 'x');  // 100,000 base64 characters
  findings.clear();
  saml::check_message_size(raw, findings);
  BOOST_TEST(findings.empty(), "75,000 bytes of raw XML encode to exactly 100,000");
  raw.xml.push_back('x');
  saml::check_message_size(raw, findings);
  BOOST_TEST(ids(findings) == "AWS011", "75,001 bytes of raw XML");
}
