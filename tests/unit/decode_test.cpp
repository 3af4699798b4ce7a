// Decode stage: the unverified view, its summary, JSON, pretty XML, redaction and diff.
#define BOOST_TEST_MODULE decode
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "fixtures.h"
#include "saml/capture.h"
#include "saml/decode.h"
#include "saml_support.h"

namespace {

using samltest::contains;
using samltest::idp_trust;

using samltest::read_fixture;
using samltest::replace_once;

// BOOST_REQUIRE_MESSAGE builds its message even when the check passes.
template <class T>
std::string error_text(const saml::Expected<T>& result) {
  return result.has_value() ? std::string() : result.error().message;
}

saml::TimePoint at(const char* text) {
  auto t = saml::parse_xs_datetime(text);
  BOOST_REQUIRE_MESSAGE(t.has_value(), text << ": " << error_text(t));
  return *t;
}
#define kNow at("2024-05-01T12:01:00Z")

saml::Capture capture_of(const std::string& bytes, const std::string& name, std::size_t index = 0) {
  auto captures = saml::decode_capture(bytes, name);
  BOOST_REQUIRE_MESSAGE(captures.has_value(), name << ": " << error_text(captures));
  BOOST_REQUIRE_MESSAGE(captures->size() > index, name << ": only " << captures->size() << " captures");
  return (*captures)[index];
}

saml::DecodeView view_of(const std::string& bytes, const std::string& name,
                         const saml::TrustStore& trust = {}, std::size_t index = 0) {
  saml::Policy policy;
  policy.now = kNow;
  auto view = saml::decode_view(capture_of(bytes, name, index), trust, policy);
  BOOST_REQUIRE_MESSAGE(view.has_value(), name << ": " << error_text(view));
  return std::move(*view);
}

saml::DecodeView response_view(const std::string& file, const saml::TrustStore& trust = {}) {
  return view_of(read_fixture("responses/" + file), file, trust);
}



bool has_change(const std::vector<saml::Change>& changes, const std::string& aspect) {
  return std::any_of(changes.begin(), changes.end(), [&](const saml::Change& c) { return c.aspect == aspect; });
}

std::string describe(const std::vector<saml::Change>& changes) { return saml::diff_to_text(changes); }

}  // namespace

BOOST_AUTO_TEST_CASE(unverified_view_reads_everything_and_verifies_nothing) {
  const saml::DecodeView view = response_view("okta-aws-signed-assertion.xml");
  BOOST_TEST(view.message_type == "Response");
  BOOST_TEST(!view.trust_given);
  BOOST_REQUIRE(view.assertion.has_value());
  BOOST_TEST(view.assertion->name_id == "jane.doe@example.com");
  BOOST_REQUIRE(view.aws.has_value());
  BOOST_TEST(view.aws->roles.size() == 2u, "two Okta roles");
  BOOST_REQUIRE(view.signatures.signatures.size() == 1u);
  const saml::SignatureReport& signature = view.signatures.signatures.front();
  BOOST_TEST(signature.signed_element == "Assertion");
  BOOST_TEST((signature.status != saml::SignatureStatus::Verified), "no trust, no verification");
  BOOST_TEST(signature.keyinfo_certificates.size() == 1u, "KeyInfo certificate inspected");
  BOOST_TEST(!view.verified(view.assertion->node), "nothing is verified without trust");
}

BOOST_AUTO_TEST_CASE(an_unsigned_assertion_is_still_shown) {
  const saml::DecodeView view = response_view("unsigned.xml");
  BOOST_REQUIRE(view.assertion.has_value());
  BOOST_TEST(view.signatures.signatures.empty());
  BOOST_TEST(contains(saml::decode_summary(view, kNow), "nothing in this message is signed"));
}

BOOST_AUTO_TEST_CASE(with_trust_only_covered_parts_are_verified) {
  const saml::DecodeView view = response_view("okta-aws-signed-assertion.xml", idp_trust());
  BOOST_TEST(view.trust_given);
  BOOST_REQUIRE(view.accepted.has_value());
  BOOST_TEST(*view.accepted);
  BOOST_TEST(view.verified(view.assertion->node), "the signed assertion is verified");
  BOOST_TEST(!view.verified(view.response->node), "the unsigned Response envelope is not");
  const std::string summary = saml::decode_summary(view, kNow);
  BOOST_TEST(!contains(summary, "UNVERIFIED"), summary);
  BOOST_TEST(contains(summary, "jane.doe@example.com (unspecified)  [verified]"), summary);
  BOOST_TEST(contains(summary, "destination   https://signin.aws.amazon.com/saml  [NOT verified]"), summary);

  const saml::DecodeView tampered = response_view("tampered-role.xml", idp_trust());
  BOOST_TEST(!*tampered.accepted, "tampered-role.xml is rejected");
  BOOST_TEST(!tampered.verified(tampered.assertion->node), "a tampered assertion is not verified");
  BOOST_TEST(contains(saml::decode_summary(tampered, kNow), "SIG009"), "the failing rule is named");
}

BOOST_AUTO_TEST_CASE(summary_content_fits_one_screen) {
  const saml::DecodeView view = response_view("okta-aws-signed-assertion.xml");
  const std::string summary = saml::decode_summary(view, kNow);
  for (const char* part :
       {"SAML Response  UNVERIFIED", "issuer        http://www.okta.com/exk1fxcj2k3Lm4NoP5d7",
        "destination   https://signin.aws.amazon.com/saml", "status        Success",
        "NameID        jane.doe@example.com", "session name  jane.doe@example.com", "3600 s",
        "123456789012  /Okta-Admin", "/engineering/Okta-ReadOnly", "PARTITION", "rsa-sha256, digest sha256",
        "certificate CN=okta-idp-test (RSA 2048)", "SHA-256 ", "NotBefore (Conditions)", "5 min 59.877 s ago",
        "NotOnOrAfter (SubjectConfirmation)  in 4 min 0.123 s", "2024-05-01T12:01:00Z      now"}) {
    BOOST_TEST(contains(summary, part), "summary lacks \"" << part << "\":\n" << summary);
  }
  const auto lines = std::count(summary.begin(), summary.end(), '\n');
  BOOST_TEST(lines <= 40, "summary has " << lines << " lines:\n" << summary);
  BOOST_TEST(!contains(summary, "\x1b["), "no colour unless asked");
  BOOST_TEST(contains(saml::decode_summary(view, kNow, saml::TextStyle{true}), "\x1b["), "colour when asked");
}

BOOST_AUTO_TEST_CASE(summary_marks_expired_times) {
  const saml::DecodeView view = response_view("okta-aws-signed-assertion.xml");
  const std::string summary = saml::decode_summary(view, at("2024-05-01T12:10:00Z"));
  BOOST_TEST(contains(summary, "NotOnOrAfter (Conditions)           4 min 59.877 s ago, expired"), summary);
}

BOOST_AUTO_TEST_CASE(timeline_is_sorted_and_has_the_capture_time) {
  const saml::DecodeView view = view_of(read_fixture("captures/okta-idp-initiated.har"), "x.har", {}, 1);
  const auto events = saml::decode_timeline(view, true);
  BOOST_TEST(std::is_sorted(events.begin(), events.end(),
                            [](const saml::TimelineEvent& a, const saml::TimelineEvent& b) { return a.time < b.time; }));
  const auto captured = std::find_if(events.begin(), events.end(),
                                     [](const saml::TimelineEvent& e) { return e.label == "captured"; });
  BOOST_REQUIRE_MESSAGE(captured != events.end(), "HAR startedDateTime in the time line");
  BOOST_TEST(saml::format_xs_datetime(captured->time) == "2024-05-01T12:00:04.789000Z", captured->text);
  BOOST_TEST(saml::decode_timeline(view, false).size() == events.size() - 1, "capture time left out on request");
}

BOOST_AUTO_TEST_CASE(authn_request_summary) {
  const saml::DecodeView view = view_of(read_fixture("captures/authn-request.url"), "authn-request.url");
  BOOST_REQUIRE(view.authn_request.has_value());
  const saml::AuthnRequestView& r = *view.authn_request;
  BOOST_TEST(r.id == "id7351248823101942113046817");
  BOOST_TEST(r.issuer == "urn:amazon:webservices");
  BOOST_TEST(r.assertion_consumer_service_url == "https://signin.aws.amazon.com/saml");
  BOOST_TEST(r.protocol_binding == "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
  BOOST_TEST(r.name_id_policy_format == "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
  BOOST_TEST(r.issue_instant.text == "2024-05-01T11:59:57.000Z");
  const std::string summary = saml::decode_summary(view, kNow);
  BOOST_TEST(contains(summary, "SAML AuthnRequest"), summary);
  BOOST_TEST(contains(summary, "ACS URL       https://signin.aws.amazon.com/saml"), summary);
  BOOST_TEST(contains(summary, "SigAlg        rsa-sha256"), summary);
  BOOST_TEST(!contains(summary, "SAMLRequest=fZ"), "the long query is shortened in the heading");
}

BOOST_AUTO_TEST_CASE(xml_that_is_not_saml_is_an_error) {
  saml::Policy policy;
  auto capture = capture_of("<config xmlns=\"urn:example\"><a/></config>", "config.xml");
  auto view = saml::decode_view(capture, {}, policy);
  BOOST_REQUIRE(!view.has_value());
  BOOST_TEST(view.error().code == saml::ErrorCode::DecodeNotSaml);
  BOOST_TEST(contains(view.error().message, "<config>"), view.error().message);
  auto broken = saml::decode_view(capture_of("<samlp:Response xmlns:samlp=\"x\"><a></b>", "b.xml"), {}, policy);
  BOOST_REQUIRE(!broken.has_value());
  BOOST_TEST(broken.error().where.line == 1, "XML errors keep their line");
}

BOOST_AUTO_TEST_CASE(redact_value_is_stable_and_short) {
  const std::string a = saml::redact_value("jane.doe@example.com");
  BOOST_TEST(a == saml::redact_value("jane.doe@example.com"), "same input, same hash");
  BOOST_TEST(a != saml::redact_value("jane.doe@example.org"), "different input, different hash");
  BOOST_TEST(a.size() == std::string("redacted:").size() + 8);
  BOOST_TEST(a.rfind("redacted:", 0) == 0u);
  BOOST_TEST(a.find_first_not_of("0123456789abcdef", 9) == std::string::npos, a);
  // SHA-256("abc") starts ba7816bf.
  BOOST_TEST(saml::redact_value("abc") == "redacted:ba7816bf");
}

BOOST_AUTO_TEST_CASE(redaction_reaches_every_output) {
  saml::DecodeView view = response_view("okta-aws-signed-assertion.xml");
  saml::redact_view(view);
  const std::string token = saml::redact_value("jane.doe@example.com");
  BOOST_TEST(view.assertion->name_id == token);
  BOOST_TEST(*view.aws->role_session_name == token, "session name hashed like the NameID");
  BOOST_TEST(view.aws->roles.size() == 2u, "roles stay readable");
  const std::string summary = saml::decode_summary(view, kNow);
  const std::string json = saml::decode_to_json(view, kNow);
  auto xml = saml::pretty_xml(view);
  BOOST_REQUIRE(xml.has_value());
  for (const auto& [name, text] : {std::pair<const char*, const std::string&>{"summary", summary},
                                   {"json", json}, {"xml", *xml}}) {
    BOOST_TEST(!contains(text, "jane.doe"), name << " leaks the NameID");
    BOOST_TEST(contains(text, token), name << " lacks " << token);
    BOOST_TEST(contains(text, "/engineering/Okta-ReadOnly"), name << " lost the role");
  }
  BOOST_TEST(nlohmann::json::parse(json).at("redacted") == true);
}

BOOST_AUTO_TEST_CASE(redaction_hashes_other_attribute_values_and_messages) {
  const std::string xml = replace_once(read_fixture("responses/unsigned.xml"), "</saml2:AttributeStatement>",
                                       "<saml2:Attribute Name=\"groups\"><saml2:AttributeValue>admins"
                                       "</saml2:AttributeValue></saml2:Attribute></saml2:AttributeStatement>");
  saml::DecodeView view = view_of(xml, "edited.xml");
  saml::redact_view(view);
  const saml::Attribute* groups = view.assertion->find_attribute("groups");
  BOOST_REQUIRE(groups != nullptr);
  BOOST_TEST(groups->values.front() == saml::redact_value("admins"));
  const saml::Attribute* duration = view.assertion->find_attribute(saml::aws_attr::session_duration);
  BOOST_REQUIRE(duration != nullptr);
  BOOST_TEST(duration->values.front() == "3600", "SessionDuration stays readable");
}

BOOST_AUTO_TEST_CASE(pretty_xml_changes_only_layout) {
  const saml::DecodeView view = response_view("okta-aws-signed-assertion.xml");
  auto pretty = saml::pretty_xml(view);
  BOOST_REQUIRE(pretty.has_value());
  BOOST_TEST(contains(*pretty, "\n  <saml2:Issuer"), "indented:\n" << pretty->substr(0, 400));
  auto reparsed = saml::decode_view(capture_of(*pretty, "pretty.xml"), {}, saml::Policy{});
  BOOST_REQUIRE(reparsed.has_value());
  BOOST_TEST(reparsed->assertion->name_id == view.assertion->name_id);
  BOOST_TEST(reparsed->aws->roles.size() == view.aws->roles.size());
}

BOOST_AUTO_TEST_CASE(json_is_one_document_with_the_model) {
  const saml::DecodeView view = response_view("okta-aws-signed-assertion.xml");
  const auto j = nlohmann::json::parse(saml::decode_to_json(view, kNow));
  BOOST_TEST(!j.contains("schema"), "the schema is the document's, not each message's");
  BOOST_TEST(j.at("trust_given") == false);
  BOOST_TEST(j.at("assertion").at("name_id") == "jane.doe@example.com");
  BOOST_TEST(j.at("aws").at("roles").size() == 2u);
  BOOST_TEST(j.at("aws").at("roles").at(1).at("role_path") == "/engineering/");
  BOOST_TEST(j.at("signatures").at(0).at("status") == "not checked");
  BOOST_TEST(j.at("signatures").at(0).at("certificates").at(0).at("subject") == "CN=okta-idp-test");
  BOOST_TEST(j.at("timeline").at(0).at("seconds_from_now").get<double>() < 0.0, "NotBefore is in the past");
  BOOST_TEST(j.at("origin").at("format") == "raw XML");
}

BOOST_AUTO_TEST_CASE(diff_of_identical_captures_is_empty) {
  const auto changes = saml::diff_views(response_view("okta-aws-signed-assertion.xml"),
                                        view_of(read_fixture("captures/okta-aws-signed-assertion.b64"), "b64"));
  BOOST_TEST(changes.empty(), describe(changes));
  BOOST_TEST(contains(saml::diff_to_text(changes), "no differences"));
}

BOOST_AUTO_TEST_CASE(diff_names_algorithms_certificates_and_signed_elements) {
  const saml::DecodeView base = response_view("okta-aws-signed-assertion.xml");
  auto changes = saml::diff_views(base, response_view("okta-aws-rsa-sha512.xml"));
  BOOST_TEST(has_change(changes, "signature algorithm"), describe(changes));
  BOOST_TEST(has_change(changes, "digest algorithm"), describe(changes));
  changes = saml::diff_views(base, response_view("okta-aws-signed-both.xml"));
  BOOST_TEST(has_change(changes, "signed elements"), describe(changes));
  changes = saml::diff_views(base, response_view("signed-by-untrusted-key.xml"));
  BOOST_TEST(has_change(changes, "signing certificate"), describe(changes));
  changes = saml::diff_views(base, response_view("unsigned.xml"));
  BOOST_TEST(has_change(changes, "signed elements"), describe(changes));
}

BOOST_AUTO_TEST_CASE(diff_names_roles_attributes_formats_and_lifetimes) {
  const std::string xml = read_fixture("responses/unsigned.xml");
  const saml::DecodeView base = view_of(xml, "unsigned.xml");
  auto changes = saml::diff_views(base, response_view("okta-aws-govcloud.xml"));
  BOOST_TEST(has_change(changes, "role"), describe(changes));
  BOOST_TEST(has_change(changes, "destination"), describe(changes));
  const auto added = std::count_if(changes.begin(), changes.end(),
                                   [](const saml::Change& c) { return c.aspect == "role" && c.before.empty(); });
  BOOST_TEST(added >= 1, "a GovCloud role is added: " << describe(changes));

  std::string edited = replace_once(xml, ">3600<", ">7200<");
  edited = replace_once(edited, "nameid-format:unspecified", "nameid-format:emailAddress");
  edited = replace_once(edited, "NotOnOrAfter=\"2024-05-01T12:05:00.123Z\"", "NotOnOrAfter=\"2024-05-01T12:10:00.123Z\"");
  changes = saml::diff_views(base, view_of(edited, "edited.xml"));
  const std::string duration = "attribute " + std::string(saml::aws_attr::session_duration);
  BOOST_TEST(has_change(changes, duration), describe(changes));
  BOOST_TEST(has_change(changes, "NameID format"), describe(changes));
  BOOST_TEST(has_change(changes, "lifetime: SubjectConfirmation NotOnOrAfter"), describe(changes));
  const auto j = nlohmann::json::parse(saml::diff_to_json(changes));
  BOOST_TEST(j.at("changes").size() == changes.size());
}
