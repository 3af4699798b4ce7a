#define BOOST_TEST_MODULE trust
#include <boost/test/unit_test.hpp>

#include "fixtures.h"
#include "saml/trust.h"

using samltest::read_fixture;

namespace {
std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  return text;
}
}  // namespace

BOOST_AUTO_TEST_CASE(pem_certificate_is_pinned_with_its_details) {
  saml::TrustStore trust;
  auto added = trust.add_pem_certificates(read_fixture("keys/idp-rsa.crt"), "idp-rsa.crt");
  BOOST_TEST_REQUIRE(added.has_value(), (added ? "" : added.error().message));
  BOOST_TEST(*added == 1);
  BOOST_TEST_REQUIRE(trust.keys().size() == 1u);
  const auto& cert = trust.keys()[0].certificate;
  BOOST_TEST(cert.subject.find("CN=okta-idp-test") != std::string::npos, "subject: " << cert.subject);
  BOOST_TEST(cert.key_type == "RSA");
  BOOST_TEST(cert.key_bits == 2048);
  BOOST_TEST(saml::format_fingerprint(cert.fingerprint) == trimmed(read_fixture("keys/idp-rsa.sha256")));
  BOOST_TEST(cert.not_before.has_value());
  BOOST_TEST(cert.not_after.has_value());
  BOOST_TEST(trust.keys()[0].pinned != nullptr);
}

BOOST_AUTO_TEST_CASE(pem_bundle_adds_every_certificate_once) {
  saml::TrustStore trust;
  const std::string bundle = read_fixture("keys/idp-rsa.crt") + read_fixture("keys/idp-rsa-next.crt");
  auto added = trust.add_pem_certificates(bundle, "bundle.pem");
  BOOST_TEST_REQUIRE(added.has_value());
  BOOST_TEST(*added == 2);
  auto again = trust.add_pem_certificates(read_fixture("keys/idp-rsa.crt"), "again.pem");
  BOOST_TEST_REQUIRE(again.has_value());
  BOOST_TEST(trust.keys().size() == 2u, "a certificate already trusted must not be added twice");
}

BOOST_AUTO_TEST_CASE(ec_certificate_is_pinned) {
  saml::TrustStore trust;
  BOOST_TEST_REQUIRE(trust.add_pem_certificates(read_fixture("keys/idp-ec.crt"), "idp-ec.crt").has_value());
  BOOST_TEST(trust.keys()[0].certificate.key_type == "EC");
  BOOST_TEST(trust.keys()[0].certificate.key_bits == 256);
}

BOOST_AUTO_TEST_CASE(private_key_or_garbage_is_refused_with_a_reason) {
  saml::TrustStore trust;
  auto key = trust.add_pem_certificates(read_fixture("keys/idp-rsa.key"), "idp-rsa.key");
  BOOST_TEST_REQUIRE(!key.has_value());
  BOOST_TEST(key.error().code == "trust.pem");
  BOOST_TEST((key.error().kind == saml::ErrorKind::Config));
  BOOST_TEST(key.error().message.find("idp-rsa.key") != std::string::npos, key.error().message);
  auto garbage = trust.add_pem_certificates("hello", "junk.txt");
  BOOST_TEST_REQUIRE(!garbage.has_value());
  BOOST_TEST(garbage.error().message.find("neither PEM") != std::string::npos, garbage.error().message);
  BOOST_TEST(trust.empty());
}

BOOST_AUTO_TEST_CASE(fingerprints_parse_in_common_spellings) {
  const std::string colons = trimmed(read_fixture("keys/idp-rsa.sha256"));
  std::string bare;
  for (char c : colons) {
    if (c != ':') bare += static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
  }
  auto a = saml::parse_fingerprint(colons);
  auto b = saml::parse_fingerprint(bare);
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST((*a == *b));
  BOOST_TEST(saml::format_fingerprint(*a) == colons);

  auto short_one = saml::parse_fingerprint(bare.substr(1));
  BOOST_TEST_REQUIRE(!short_one.has_value());
  BOOST_TEST(short_one.error().message.find("got 63") != std::string::npos, short_one.error().message);
  auto non_hex = saml::parse_fingerprint("zz" + bare.substr(2));
  BOOST_TEST_REQUIRE(!non_hex.has_value());
  BOOST_TEST(non_hex.error().message.find("'z'") != std::string::npos, non_hex.error().message);

  saml::TrustStore trust;
  BOOST_TEST(trust.add_fingerprint(colons).has_value());
  BOOST_TEST(trust.add_fingerprint(bare).has_value());
  BOOST_TEST(trust.fingerprints().size() == 1u);
  BOOST_TEST(!trust.empty());
}

BOOST_AUTO_TEST_CASE(okta_metadata_yields_its_signing_certificate) {
  saml::TrustStore trust;
  auto added = trust.add_metadata(read_fixture("keys/okta-metadata.xml"), "okta-metadata.xml");
  BOOST_TEST_REQUIRE(added.has_value(), (added ? "" : added.error().message));
  BOOST_TEST(*added == 1);
  BOOST_TEST_REQUIRE(trust.metadata_entity_ids().size() == 1u);
  BOOST_TEST(trust.metadata_entity_ids()[0] == "http://www.okta.com/exk1fxcj2k3Lm4NoP5d7");
  BOOST_TEST(saml::format_fingerprint(trust.keys()[0].certificate.fingerprint) ==
             trimmed(read_fixture("keys/idp-rsa.sha256")));
}

BOOST_AUTO_TEST_CASE(metadata_without_signing_keys_is_an_error) {
  saml::TrustStore trust;
  const std::string only_encryption =
      "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\">"
      "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
      "<md:KeyDescriptor use=\"encryption\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
  auto result = trust.add_metadata(only_encryption, "enc-only.xml");
  BOOST_TEST_REQUIRE(!result.has_value());
  BOOST_TEST(result.error().message.find("no signing certificate") != std::string::npos, result.error().message);

  auto wrong_root = trust.add_metadata("<foo/>", "foo.xml");
  BOOST_TEST_REQUIRE(!wrong_root.has_value());
  BOOST_TEST(wrong_root.error().message.find("EntityDescriptor") != std::string::npos);

  auto not_xml = trust.add_metadata("not xml at all", "bad.xml");
  BOOST_TEST_REQUIRE(!not_xml.has_value());
  BOOST_TEST((not_xml.error().kind == saml::ErrorKind::Config));
}
