// Model stage: Response and Assertion fields read from small XML documents.
#define BOOST_TEST_MODULE model
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "saml/model.h"
#include "saml/time.h"
#include "saml/xml.h"

namespace {

using namespace std::chrono;

constexpr std::string_view kNamespaces =
    R"( xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol")"
    R"( xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion")";

// An Okta-shaped Response around `inner` (Status and Assertion are up to the caller).
std::string response_xml(std::string_view attributes, std::string_view inner) {
  return std::string("<saml2p:Response") + std::string(kNamespaces) + " " +
         std::string(attributes) + ">" + std::string(inner) + "</saml2p:Response>";
}

const std::string kSuccess =
    R"(<saml2p:Status><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>)"
    R"(</saml2p:Status>)";

const std::string kAssertion = R"(<saml2:Assertion ID="a1" Version="2.0"
    IssueInstant="2024-05-01T12:00:00.123Z">
  <saml2:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">http://www.okta.com/exk1</saml2:Issuer>
  <saml2:Subject>
    <saml2:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">jane.doe@example.com</saml2:NameID>
    <saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
      <saml2:SubjectConfirmationData NotOnOrAfter="2024-05-01T12:05:00.123Z"
          Recipient="https://signin.aws.amazon.com/saml" InResponseTo="req-1"/>
    </saml2:SubjectConfirmation>
    <saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:holder-of-key"/>
  </saml2:Subject>
  <saml2:Conditions NotBefore="2024-05-01T11:55:00.123Z" NotOnOrAfter="2024-13-01T00:00:00Z">
    <saml2:AudienceRestriction>
      <saml2:Audience>urn:amazon:webservices</saml2:Audience>
      <saml2:Audience>https://signin.aws.amazon.com/saml</saml2:Audience>
    </saml2:AudienceRestriction>
    <saml2:AudienceRestriction><saml2:Audience>https://sp.example.com</saml2:Audience></saml2:AudienceRestriction>
  </saml2:Conditions>
  <saml2:AuthnStatement AuthnInstant="2024-05-01T11:59:58.000Z"
      SessionNotOnOrAfter="2024-05-01T13:00:00.000Z" SessionIndex="a1">
    <saml2:AuthnContext>
      <saml2:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml2:AuthnContextClassRef>
    </saml2:AuthnContext>
  </saml2:AuthnStatement>
  <saml2:AttributeStatement>
    <saml2:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role"
        NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">
      <saml2:AttributeValue>provider-1,role-1</saml2:AttributeValue>
      <saml2:AttributeValue>provider-2,<!---->role-2</saml2:AttributeValue>
    </saml2:Attribute>
  </saml2:AttributeStatement>
  <saml2:AttributeStatement>
    <saml2:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName"
        FriendlyName="RoleSessionName"><saml2:AttributeValue>jane</saml2:AttributeValue></saml2:Attribute>
  </saml2:AttributeStatement>
</saml2:Assertion>)";

saml::TimePoint utc(year_month_day day, hours h, minutes m, seconds s, milliseconds ms) {
  return saml::TimePoint{sys_days{day}} + h + m + s + ms;
}

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(SAMLKIT_FIXTURES_DIR) + "/responses/" + name, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "fixture " << name << " should exist");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

saml::Document parse(const std::string& xml) {
  saml::Expected<saml::Document> doc = saml::parse_xml(xml);
  BOOST_REQUIRE_MESSAGE(doc, "test XML should parse: " << (doc ? "" : doc.error().message));
  return std::move(doc).value();
}

const xmlNode* assertion_of(const saml::Document& doc) {
  const xmlNode* node = saml::first_child(doc.root(), saml::ns::assertion, "Assertion");
  BOOST_REQUIRE_MESSAGE(node != nullptr, "test XML should hold an Assertion");
  return node;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(response)

BOOST_AUTO_TEST_CASE(own_fields) {
  const saml::Document doc = parse(response_xml(
      R"(ID="r1" Version="2.0" IssueInstant="2024-05-01T12:00:00.123Z" )"
      R"(Destination="https://signin.aws.amazon.com/saml" InResponseTo="req-1")",
      "<saml2:Issuer>http://www.okta.com/exk1</saml2:Issuer>" + kSuccess + kAssertion));
  const saml::Response r = saml::read_response(doc.root());
  BOOST_TEST(r.node == doc.root());
  BOOST_TEST(r.id == "r1");
  BOOST_TEST(r.has_version);
  BOOST_TEST(r.version == "2.0");
  BOOST_TEST(r.issue_instant.present);
  BOOST_TEST(r.issue_instant.text == "2024-05-01T12:00:00.123Z");
  BOOST_TEST((r.issue_instant.value == utc(2024y / May / 1, 12h, 0min, 0s, 123ms)),
             "IssueInstant value");
  BOOST_TEST(r.issue_instant.error.empty());
  BOOST_TEST(r.issue_instant.where.attribute == "IssueInstant");
  BOOST_TEST(r.issue_instant.where.location().element == "/Response");
  BOOST_TEST(r.has_destination);
  BOOST_TEST(r.destination == "https://signin.aws.amazon.com/saml");
  BOOST_TEST(r.in_response_to == "req-1");
  BOOST_TEST(r.has_issuer);
  BOOST_TEST(r.issuer == "http://www.okta.com/exk1");
  BOOST_TEST(r.status.present);
  BOOST_TEST(r.status.code == "urn:oasis:names:tc:SAML:2.0:status:Success");
  BOOST_TEST(r.status.second_level.empty());
  BOOST_TEST(r.where.location().element == "/Response");
}

BOOST_AUTO_TEST_CASE(nested_status_and_message) {
  const saml::Document doc = parse(response_xml(
      R"(ID="r1" Version="2.0")",
      R"(<saml2p:Status><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Requester">)"
      R"(<saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></saml2p:StatusCode>)"
      R"(<saml2p:StatusMessage>user <!-- x -->not assigned</saml2p:StatusMessage></saml2p:Status>)"));
  const saml::Response r = saml::read_response(doc.root());
  BOOST_TEST(r.status.code == "urn:oasis:names:tc:SAML:2.0:status:Requester", "top-level code");
  BOOST_TEST(r.status.second_level == "urn:oasis:names:tc:SAML:2.0:status:Success",
             "nested code");
  BOOST_TEST(r.status.message == "user not assigned", "whole StatusMessage text");
}

BOOST_AUTO_TEST_CASE(absent_fields) {
  const saml::Document doc = parse(response_xml(R"(ID="r1")", ""));
  const saml::Response r = saml::read_response(doc.root());
  BOOST_TEST(!r.has_version);
  BOOST_TEST(!r.has_destination);
  BOOST_TEST(!r.has_issuer);
  BOOST_TEST(!r.status.present);
  BOOST_TEST(!r.issue_instant.present);
  BOOST_TEST(!r.issue_instant.value.has_value());
}

BOOST_AUTO_TEST_CASE(wrong_namespaces_are_not_read) {
  // An Issuer in the protocol namespace and a Status in the assertion namespace are not
  // the SAML elements; neither is the Assertion's Issuer a Response Issuer.
  const saml::Document doc = parse(response_xml(
      R"(ID="r1")", "<saml2p:Issuer>evil</saml2p:Issuer><saml2:Status/>" + kAssertion));
  const saml::Response r = saml::read_response(doc.root());
  BOOST_TEST(!r.has_issuer, "protocol-namespace Issuer must not count");
  BOOST_TEST(!r.status.present, "assertion-namespace Status must not count");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(assertion)

BOOST_AUTO_TEST_CASE(header_and_subject) {
  const saml::Document doc = parse(response_xml(R"(ID="r1")", kAssertion));
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  BOOST_TEST(a.id == "a1");
  BOOST_TEST(a.version == "2.0");
  BOOST_TEST((a.issue_instant.value == utc(2024y / May / 1, 12h, 0min, 0s, 123ms)));
  BOOST_TEST(a.has_issuer);
  BOOST_TEST(a.issuer == "http://www.okta.com/exk1");
  BOOST_TEST(a.has_subject);
  BOOST_TEST(a.has_name_id);
  BOOST_TEST(a.name_id == "jane.doe@example.com");
  BOOST_TEST(a.name_id_format == "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
  BOOST_TEST(a.name_id_where.location().element == "/Response/Assertion/Subject/NameID");
  BOOST_TEST(a.name_id_where.location().line == 5, "NameID is on line 5 of the test XML");
  BOOST_TEST(a.where.location().element == "/Response/Assertion");
}

BOOST_AUTO_TEST_CASE(subject_confirmations) {
  const saml::Document doc = parse(response_xml(R"(ID="r1")", kAssertion));
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  BOOST_REQUIRE_EQUAL(a.confirmations.size(), 2u);
  const saml::SubjectConfirmation& bearer = a.confirmations[0];
  BOOST_TEST(bearer.method == "urn:oasis:names:tc:SAML:2.0:cm:bearer");
  BOOST_TEST(bearer.has_data);
  BOOST_TEST(!bearer.not_before.present);
  BOOST_TEST((bearer.not_on_or_after.value == utc(2024y / May / 1, 12h, 5min, 0s, 123ms)));
  BOOST_TEST(bearer.not_on_or_after.where.location().element ==
             "/Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData");
  BOOST_TEST(bearer.not_on_or_after.where.attribute == "NotOnOrAfter");
  BOOST_TEST(bearer.has_recipient);
  BOOST_TEST(bearer.recipient == "https://signin.aws.amazon.com/saml");
  BOOST_TEST(bearer.in_response_to == "req-1");
  const saml::SubjectConfirmation& hok = a.confirmations[1];
  BOOST_TEST(hok.method == "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key");
  BOOST_TEST(!hok.has_data);
  BOOST_TEST(!hok.has_recipient);
  BOOST_TEST(!hok.not_on_or_after.present);
}

BOOST_AUTO_TEST_CASE(conditions_and_audiences) {
  const saml::Document doc = parse(response_xml(R"(ID="r1")", kAssertion));
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  const saml::Conditions& c = a.conditions;
  BOOST_TEST(c.present);
  BOOST_TEST((c.not_before.value == utc(2024y / May / 1, 11h, 55min, 0s, 123ms)));
  // An invalid time keeps its text and the parser's message, and has no value.
  BOOST_TEST(c.not_on_or_after.present);
  BOOST_TEST(c.not_on_or_after.text == "2024-13-01T00:00:00Z");
  BOOST_TEST(!c.not_on_or_after.value.has_value(), "month 13 must not parse");
  BOOST_TEST(!c.not_on_or_after.error.empty(), "the parse error is kept");
  BOOST_TEST(c.not_on_or_after.where.attribute == "NotOnOrAfter");
  BOOST_REQUIRE_EQUAL(c.audience_restrictions.size(), 2u);
  BOOST_TEST(c.audience_restrictions[0].audiences ==
             (std::vector<std::string>{"urn:amazon:webservices",
                                       "https://signin.aws.amazon.com/saml"}));
  BOOST_TEST(c.audience_restrictions[1].audiences ==
             std::vector<std::string>{"https://sp.example.com"});
  BOOST_TEST(c.audience_restrictions[1].where.location().element ==
             "/Response/Assertion/Conditions/AudienceRestriction");
}

BOOST_AUTO_TEST_CASE(authn_statement) {
  const saml::Document doc = parse(response_xml(R"(ID="r1")", kAssertion));
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  BOOST_REQUIRE_EQUAL(a.authn_statements.size(), 1u);
  const saml::AuthnStatement& s = a.authn_statements[0];
  BOOST_TEST((s.authn_instant.value == utc(2024y / May / 1, 11h, 59min, 58s, 0ms)));
  BOOST_TEST((s.session_not_on_or_after.value == utc(2024y / May / 1, 13h, 0min, 0s, 0ms)));
  BOOST_TEST(s.session_not_on_or_after.where.attribute == "SessionNotOnOrAfter");
  BOOST_TEST(s.session_index == "a1");
  BOOST_TEST(s.authn_context_class ==
             "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport");
}

BOOST_AUTO_TEST_CASE(attributes_from_every_statement) {
  const saml::Document doc = parse(response_xml(R"(ID="r1")", kAssertion));
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  BOOST_REQUIRE_EQUAL(a.attributes.size(), 2u);
  const saml::Attribute& role = a.attributes[0];
  BOOST_TEST(role.name == "https://aws.amazon.com/SAML/Attributes/Role");
  BOOST_TEST(role.name_format == "urn:oasis:names:tc:SAML:2.0:attrname-format:uri");
  BOOST_TEST(role.values ==
             (std::vector<std::string>{"provider-1,role-1", "provider-2,role-2"}),
             "a comment inside an AttributeValue must not truncate it");
  BOOST_REQUIRE_EQUAL(role.value_locations.size(), 2u);
  BOOST_TEST(role.value_locations[1].location().element ==
             "/Response/Assertion/AttributeStatement/Attribute/AttributeValue");
  BOOST_TEST(role.value_locations[1].location().line > role.value_locations[0].location().line);
  BOOST_TEST(a.attributes[1].friendly_name == "RoleSessionName", "second AttributeStatement");
  BOOST_TEST(a.attributes[1].values == std::vector<std::string>{"jane"});
}

BOOST_AUTO_TEST_CASE(find_attribute) {
  const saml::Document doc = parse(response_xml(R"(ID="r1")", kAssertion));
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  const saml::Attribute* found =
      a.find_attribute("https://aws.amazon.com/SAML/Attributes/RoleSessionName");
  BOOST_REQUIRE_MESSAGE(found != nullptr, "RoleSessionName should be found");
  BOOST_TEST(found == &a.attributes[1]);
  BOOST_TEST(a.find_attribute("https://aws.amazon.com/SAML/Attributes/Nope") == nullptr);
}

BOOST_AUTO_TEST_CASE(comment_split_name_id_is_read_whole) {
  const saml::Document doc = parse(response_xml(
      R"(ID="r1")",
      R"(<saml2:Assertion ID="a1"><saml2:Subject><saml2:NameID>jane.doe@example.com<!---->)"
      R"(.attacker.test</saml2:NameID></saml2:Subject></saml2:Assertion>)"));
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  BOOST_TEST(a.name_id == "jane.doe@example.com.attacker.test");
}

BOOST_AUTO_TEST_CASE(only_the_given_node_is_read) {
  // An Advice holding another assertion, and elements in other namespaces, are not read.
  const saml::Document doc = parse(response_xml(
      R"(ID="r1")",
      R"(<saml2:Assertion ID="a1" xmlns:x="urn:example:other">)"
      R"(<x:Issuer>evil</x:Issuer><x:Subject><saml2:NameID>evil</saml2:NameID></x:Subject>)"
      R"(<saml2:Advice><saml2:Assertion ID="inner"><saml2:Subject><saml2:NameID>admin</saml2:NameID>)"
      R"(</saml2:Subject><saml2:AttributeStatement><saml2:Attribute Name="n"/></saml2:AttributeStatement>)"
      R"(</saml2:Assertion></saml2:Advice></saml2:Assertion>)"));
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  BOOST_TEST(a.id == "a1");
  BOOST_TEST(!a.has_issuer, "a foreign-namespace Issuer must not count");
  BOOST_TEST(!a.has_subject, "a foreign-namespace Subject must not count");
  BOOST_TEST(!a.has_name_id, "the Advice assertion's NameID must not be read");
  BOOST_TEST(a.attributes.empty(), "the Advice assertion's attributes must not be read");
  BOOST_TEST(!a.conditions.present);
}

BOOST_AUTO_TEST_CASE(repeated_children_first_read_extras_noted) {
  // Extras interleaved with other children: the first of each is read; the extras are noted
  // Issuer's first, then Subject's, then Conditions', each in document order.
  const saml::Document doc = parse(response_xml(
      R"(ID="r1")",
      R"(<saml2:Assertion ID="a1">)"
      R"(<saml2:Issuer>first</saml2:Issuer>)"
      R"(<saml2:Conditions NotBefore="2024-05-01T11:55:00Z"/>)"
      R"(<saml2:Subject><saml2:NameID>jane</saml2:NameID></saml2:Subject>)"
      R"(<saml2:Issuer>second</saml2:Issuer>)"
      R"(<saml2:AuthnStatement SessionIndex="s1"/>)"
      R"(<saml2:Subject><saml2:NameID>admin</saml2:NameID></saml2:Subject>)"
      R"(<saml2:AttributeStatement><saml2:Attribute Name="n1"/></saml2:AttributeStatement>)"
      R"(<saml2:Conditions NotBefore="2030-01-01T00:00:00Z"/>)"
      R"(<saml2:Issuer>third</saml2:Issuer>)"
      R"(<saml2:AuthnStatement SessionIndex="s2"/>)"
      R"(<saml2:AttributeStatement><saml2:Attribute Name="n2"/></saml2:AttributeStatement>)"
      R"(</saml2:Assertion>)"));
  const xmlNode* assertion_node = assertion_of(doc);
  const saml::Assertion a = saml::read_assertion(assertion_node);
  BOOST_TEST(a.issuer == "first");
  BOOST_TEST(a.name_id == "jane");
  BOOST_REQUIRE(a.conditions.not_before.value.has_value());
  BOOST_TEST(a.conditions.not_before.text == "2024-05-01T11:55:00Z");
  BOOST_REQUIRE_EQUAL(a.authn_statements.size(), 2u);
  BOOST_TEST(a.authn_statements[1].session_index == "s2");
  BOOST_REQUIRE_EQUAL(a.attributes.size(), 2u);
  BOOST_TEST(a.attributes[1].name == "n2");
  // The children in document order: Issuer 0, Conditions 1, Subject 2, Issuer 3, ...
  std::vector<const xmlNode*> children;
  for (const xmlNode* child = assertion_node->children; child != nullptr; child = child->next) {
    children.push_back(child);
  }
  BOOST_REQUIRE_EQUAL(children.size(), 11u);
  const std::vector<const xmlNode*> expected{children[3], children[8], children[5], children[7]};
  BOOST_REQUIRE_EQUAL(a.repeated.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST(a.repeated[i].node == expected[i], "repeated[" << i << "]");
  }
}

BOOST_AUTO_TEST_CASE(subject_without_name_id) {
  const saml::Document doc = parse(response_xml(
      R"(ID="r1")", R"(<saml2:Assertion ID="a1"><saml2:Subject/></saml2:Assertion>)"));
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  BOOST_TEST(a.has_subject);
  BOOST_TEST(!a.has_name_id);
  BOOST_TEST(a.confirmations.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(fixtures)

BOOST_AUTO_TEST_CASE(okta_signed_assertion) {
  const saml::Document doc = parse(read_fixture("okta-aws-signed-assertion.xml"));
  const saml::Response r = saml::read_response(doc.root());
  BOOST_TEST(r.id == "id7351248823101942113046815");
  BOOST_TEST(r.issuer == "http://www.okta.com/exk1fxcj2k3Lm4NoP5d7");
  BOOST_TEST(r.destination == "https://signin.aws.amazon.com/saml");
  BOOST_TEST(r.status.code == "urn:oasis:names:tc:SAML:2.0:status:Success");
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  BOOST_TEST(a.id == "id73512488232874331823509731");
  BOOST_TEST(a.name_id == "jane.doe@example.com");
  BOOST_REQUIRE_EQUAL(a.confirmations.size(), 1u);
  BOOST_TEST(a.confirmations[0].recipient == "https://signin.aws.amazon.com/saml");
  BOOST_TEST((a.conditions.not_on_or_after.value == utc(2024y / May / 1, 12h, 5min, 0s, 123ms)));
  BOOST_REQUIRE_EQUAL(a.authn_statements.size(), 1u);
  BOOST_TEST(a.authn_statements[0].session_index == a.id);
  BOOST_TEST(a.attributes.size() == 3u, "Role, RoleSessionName, SessionDuration");
}

BOOST_AUTO_TEST_CASE(comment_in_name_id) {
  const saml::Document doc = parse(read_fixture("okta-aws-comment-in-nameid.xml"));
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  BOOST_TEST(a.name_id == "jane.doe@example.com.attacker.test");
}

BOOST_AUTO_TEST_CASE(status_nested_success) {
  const saml::Document doc = parse(read_fixture("status-nested-success.xml"));
  const saml::Response r = saml::read_response(doc.root());
  BOOST_TEST(r.status.code == "urn:oasis:names:tc:SAML:2.0:status:Requester");
  BOOST_TEST(r.status.second_level == "urn:oasis:names:tc:SAML:2.0:status:Success");
}

BOOST_AUTO_TEST_CASE(two_audience_restrictions) {
  const saml::Document doc = parse(read_fixture("two-audience-restrictions.xml"));
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  BOOST_REQUIRE_EQUAL(a.conditions.audience_restrictions.size(), 2u);
  BOOST_TEST(a.conditions.audience_restrictions[1].audiences ==
             std::vector<std::string>{"https://sp.example.com"});
}

BOOST_AUTO_TEST_CASE(bad_time_value) {
  const saml::Document doc = parse(read_fixture("bad-time-value.xml"));
  const saml::Assertion a = saml::read_assertion(assertion_of(doc));
  BOOST_TEST(a.conditions.not_on_or_after.text == "2024-13-01T00:00:00Z");
  BOOST_TEST(!a.conditions.not_on_or_after.value.has_value());
  BOOST_TEST(!a.conditions.not_on_or_after.error.empty());
}

BOOST_AUTO_TEST_SUITE_END()
