#define BOOST_TEST_MODULE trust
#include <boost/test/unit_test.hpp>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>
#include <thread>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "fixtures.h"
#include "saml/capture.h"
#include "saml/thread_crypto.h"
#include "saml/trust.h"
#include "saml/verify.h"
#include "saml_support.h"

using samltest::read_fixture;

namespace {
std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  return text;
}

struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};

// The DER bytes of the first block of a PEM text.
std::string der_of_pem(const std::string& pem) {
  std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  char* name = nullptr;
  char* header = nullptr;
  unsigned char* data = nullptr;
  long length = 0;
  if (PEM_read_bio(bio.get(), &name, &header, &data, &length) != 1) throw std::runtime_error("not PEM");
  std::string der(reinterpret_cast<const char*>(data), static_cast<std::size_t>(length));
  OPENSSL_free(name);
  OPENSSL_free(header);
  OPENSSL_free(data);
  return der;
}

std::string pem_of_der(const std::string& der) {
  std::unique_ptr<BIO, BioDeleter> bio(BIO_new(BIO_s_mem()));
  PEM_write_bio(bio.get(), "CERTIFICATE", "", reinterpret_cast<const unsigned char*>(der.data()),
                static_cast<long>(der.size()));
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

// Non-canonical encodings of a certificate that OpenSSL reads and re-encodes as `der`:
// the outer SEQUENCE length with a leading zero byte, and (as the fuzzer found) a
// signature BIT STRING declaring an unused bit that is set.
std::vector<std::pair<std::string, std::string>> non_canonical_variants(const std::string& der) {
  if (der.size() < 300 || der.compare(0, 2, "\x30\x82") != 0 ||
      der.compare(der.size() - 261, 5, std::string("\x03\x82\x01\x01\x00", 5)) != 0) {
    throw std::runtime_error("expected an RSA-2048-signed certificate");
  }
  std::string long_length = "\x30\x83" + std::string(1, '\0') + der.substr(2);
  std::string dirty_padding = der;
  dirty_padding[der.size() - 257] = '\x01';
  dirty_padding.back() = static_cast<char>(dirty_padding.back() | 1);
  return {{"outer length with a leading zero", long_length}, {"set unused bit", dirty_padding}};
}

std::string metadata_with(const std::string& der) {
  return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\">"
         "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
         "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
         "<ds:X509Data><ds:X509Certificate>" + samltest::base64(der) + "</ds:X509Certificate></ds:X509Data>"
         "</ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>";
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
  BOOST_TEST(*again == 0, "a certificate already trusted counts as none added");
}

// Fuzzer-found (regressions/trust_fuzzer/pem-bundle-repeating-a-certificate-miscounted): a
// bundle or metadata naming one certificate twice reported two keys added, the store had one.
BOOST_AUTO_TEST_CASE(a_repeated_certificate_is_added_and_counted_once) {
  saml::TrustStore bundle_trust;
  const std::string cert = read_fixture("keys/idp-rsa.crt");
  auto bundle = bundle_trust.add_pem_certificates(cert + read_fixture("keys/idp-rsa-next.crt") + cert, "bundle.pem");
  BOOST_TEST_REQUIRE(bundle.has_value());
  BOOST_TEST(*bundle == 2, "PEM bundle: reported " << *bundle);
  BOOST_TEST(bundle_trust.keys().size() == 2u);

  saml::TrustStore metadata_trust;
  const std::string der = der_of_pem(cert);
  std::string twice = metadata_with(der);
  twice = samltest::replace_once(twice, "</md:IDPSSODescriptor>",
                                 twice.substr(twice.find("<md:KeyDescriptor"),
                                              twice.find("</md:IDPSSODescriptor>") - twice.find("<md:KeyDescriptor")) +
                                     "</md:IDPSSODescriptor>");
  auto metadata = metadata_trust.add_metadata(twice, "twice.xml");
  BOOST_TEST_REQUIRE(metadata.has_value(), (metadata ? "" : metadata.error().message));
  BOOST_TEST(*metadata == 1, "metadata: reported " << *metadata);
  BOOST_TEST(metadata_trust.keys().size() == 1u);
  auto known = metadata_trust.add_metadata(metadata_with(der), "again.xml");
  BOOST_TEST_REQUIRE(known.has_value(), "metadata whose certificate is already trusted must still load");
  BOOST_TEST(*known == 0);
}

BOOST_AUTO_TEST_CASE(ec_certificate_is_pinned) {
  saml::TrustStore trust;
  BOOST_TEST_REQUIRE(trust.add_pem_certificates(read_fixture("keys/idp-ec.crt"), "idp-ec.crt").has_value());
  BOOST_TEST(trust.keys()[0].certificate.key_type == "EC");
  BOOST_TEST(trust.keys()[0].certificate.key_bits == 256);
}

BOOST_AUTO_TEST_CASE(bare_public_keys_are_pinned_without_certificate_details) {
  saml::TrustStore trust;
  const std::string rsa = read_fixture("keys/idp-rsa.pub.pem");
  auto added = trust.add_pem_public_keys(rsa + read_fixture("keys/idp-ec.pub.pem") + rsa, "keys.pem");
  BOOST_TEST_REQUIRE(added.has_value(), (added ? "" : added.error().message));
  BOOST_TEST(*added == 2, "a repeated key counts once");
  BOOST_TEST_REQUIRE(trust.keys().size() == 2u);
  const saml::TrustedKey& key = trust.keys()[0];
  BOOST_TEST(key.public_key_only);
  BOOST_TEST(key.certificate.subject.empty());
  BOOST_TEST(key.certificate.key_type == "RSA");
  BOOST_TEST(key.certificate.key_bits == 2048);
  BOOST_TEST(!key.certificate.not_before.has_value());
  BOOST_TEST((saml::certificate_validity(key.certificate, saml::TimePoint{}) == saml::CertificateValidity::Undated));
  // Its fingerprint is the SubjectPublicKeyInfo's, the one the certificate's key has too.
  auto cert = saml::TrustStore{};
  BOOST_TEST_REQUIRE(cert.add_pem_certificates(read_fixture("keys/idp-rsa.crt"), "idp-rsa.crt").has_value());
  BOOST_TEST(key.certificate.fingerprint == cert.keys()[0].certificate.public_key_fingerprint);
  BOOST_TEST(key.certificate.fingerprint != cert.keys()[0].certificate.fingerprint);
  BOOST_TEST(trust.keys()[1].certificate.key_type == "EC");
  // Adding it again adds nothing.
  auto again = trust.add_pem_public_keys(rsa, "again.pem");
  BOOST_TEST_REQUIRE(again.has_value());
  BOOST_TEST(*again == 0);
}

BOOST_AUTO_TEST_CASE(public_key_loader_refuses_certificates_private_keys_and_damage) {
  saml::TrustStore trust;
  for (const char* name : {"keys/idp-rsa.crt", "keys/idp-rsa.key"}) {
    auto refused = trust.add_pem_public_keys(read_fixture(name), name);
    BOOST_TEST_REQUIRE(!refused.has_value());
    BOOST_TEST(refused.error().code == saml::ErrorCode::TrustPubkey);
    BOOST_TEST(refused.error().message.find("no PUBLIC KEY block") != std::string::npos, refused.error().message);
  }
  // All or nothing: a damaged second key keeps the first one out too.
  std::string damaged = read_fixture("keys/idp-ec.pub.pem");
  damaged[damaged.find('\n') + 10] ^= 1;
  auto partial = trust.add_pem_public_keys(read_fixture("keys/idp-rsa.pub.pem") + damaged, "two.pem");
  BOOST_TEST(!partial.has_value());
  BOOST_TEST(trust.empty());
  // A certificate file's message points at --pubkey for a bare key.
  auto as_cert = trust.add_pem_certificates(read_fixture("keys/idp-rsa.pub.pem"), "idp-rsa.pub.pem");
  BOOST_TEST_REQUIRE(!as_cert.has_value());
  BOOST_TEST(as_cert.error().message.find("--pubkey") != std::string::npos, as_cert.error().message);
}

BOOST_AUTO_TEST_CASE(certificate_validity_has_one_definition) {
  saml::CertificateInfo cert;
  const auto day = std::chrono::hours(24);
  const saml::TimePoint start = *saml::parse_xs_datetime("2024-01-01T00:00:00Z");
  cert.not_before = start;
  cert.not_after = start + 100 * day;
  using V = saml::CertificateValidity;
  BOOST_TEST((saml::certificate_validity(cert, start - std::chrono::seconds(1)) == V::NotYetValid));
  BOOST_TEST((saml::certificate_validity(cert, start) == V::Valid));
  BOOST_TEST((saml::certificate_validity(cert, start + 69 * day) == V::Valid));
  BOOST_TEST((saml::certificate_validity(cert, start + 70 * day) == V::ExpiringSoon));
  BOOST_TEST((saml::certificate_validity(cert, *cert.not_after - std::chrono::seconds(1)) == V::ExpiringSoon));
  BOOST_TEST((saml::certificate_validity(cert, *cert.not_after) == V::Expired));
  cert.not_after.reset();
  BOOST_TEST((saml::certificate_validity(cert, start) == V::Undated));
}

BOOST_AUTO_TEST_CASE(private_key_or_garbage_is_refused_with_a_reason) {
  saml::TrustStore trust;
  auto key = trust.add_pem_certificates(read_fixture("keys/idp-rsa.key"), "idp-rsa.key");
  BOOST_TEST_REQUIRE(!key.has_value());
  BOOST_TEST(key.error().code == saml::ErrorCode::TrustPem);
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

// Fuzzer-found (regressions/trust_fuzzer/der-non-canonical-fingerprint-of-re-encoding):
// OpenSSL read a BER-ish certificate and fingerprinted its own re-encoding, so a pinned
// fingerprint also matched other bytes. Every way in now refuses non-canonical DER.
BOOST_AUTO_TEST_CASE(non_canonical_der_certificates_are_refused_everywhere) {
  const std::string der = der_of_pem(read_fixture("keys/idp-rsa.crt"));
  auto canonical = saml::inspect_certificate_der(der);
  BOOST_TEST_REQUIRE(canonical.has_value(), "the fixture's DER must be canonical");
  BOOST_TEST(saml::format_fingerprint(canonical->fingerprint) == trimmed(read_fixture("keys/idp-rsa.sha256")));
  saml::TrustStore from_metadata;
  BOOST_TEST(from_metadata.add_metadata(metadata_with(der), "canonical.xml").has_value(),
             "metadata with the canonical certificate must load");

  for (const auto& [what, variant] : non_canonical_variants(der)) {
    auto inspected = saml::inspect_certificate_der(variant);
    BOOST_TEST_REQUIRE(!inspected.has_value(), what << ": inspect_certificate_der accepted it");
    BOOST_TEST(inspected.error().code == saml::ErrorCode::TrustDer, what);
    BOOST_TEST(inspected.error().message.find("not in canonical DER") != std::string::npos,
               what << ": " << inspected.error().message);

    saml::TrustStore trust;
    auto as_pem = trust.add_pem_certificates(pem_of_der(variant), "variant.pem");
    BOOST_TEST_REQUIRE(!as_pem.has_value(), what << ": accepted as PEM");
    BOOST_TEST(as_pem.error().message.find("variant.pem: certificate 1: the certificate is not in canonical DER") !=
                   std::string::npos,
               what << ": " << as_pem.error().message);
    BOOST_TEST(!trust.add_pem_certificates(variant, "variant.der").has_value(), what << ": accepted as a DER file");
    auto as_metadata = trust.add_metadata(metadata_with(variant), "variant.xml");
    BOOST_TEST_REQUIRE(!as_metadata.has_value(), what << ": accepted in metadata");
    BOOST_TEST(as_metadata.error().message.find("not in canonical DER") != std::string::npos,
               what << ": " << as_metadata.error().message);
    BOOST_TEST(trust.empty(), what << ": a refused certificate left keys");
  }
}

// A worker thread of saml-lint works in an OpenSSL context of its own with the keys loaded
// again in it: the verdicts are the ones the shared keys give, for a certificate, a bare
// public key and a forgery alike.
BOOST_AUTO_TEST_CASE(keys_loaded_again_for_a_thread_give_the_same_verdicts) {
  saml::TrustStore trust;
  BOOST_REQUIRE(trust.add_pem_certificates(read_fixture("keys/idp-rsa.crt"), "idp-rsa.crt"));
  BOOST_REQUIRE(trust.add_pem_public_keys(read_fixture("keys/idp-ec.pub.pem"), "idp-ec.pub.pem"));
  const saml::Policy policy = samltest::fixture_policy();
  const std::vector<std::string> messages = {"responses/okta-aws-signed-assertion.xml",
                                             "responses/okta-aws-ecdsa-p256.xml", "attacks/xsw3-evil-assertion-before-signed.xml"};
  const auto verdicts = [&](const saml::TrustStore& keys) {
    std::vector<bool> accepted;
    for (const std::string& name : messages) {
      saml::Capture capture;
      capture.xml = read_fixture(name);
      auto verdict = saml::verify_capture(capture, keys, policy);
      accepted.push_back(verdict && verdict->accepted);
    }
    return accepted;
  };
  const std::vector<bool> shared = verdicts(trust);
  std::vector<bool> own;
  std::size_t keys_loaded_again = 0;
  std::thread worker([&] {
    const saml::ThreadCrypto crypto;
    const saml::TrustStore keys = trust.for_this_thread();
    for (std::size_t i = 0; i < keys.keys().size(); ++i) {
      if (keys.keys()[i].pinned != trust.keys()[i].pinned) ++keys_loaded_again;
    }
    own = verdicts(keys);
  });
  worker.join();
  BOOST_TEST(keys_loaded_again == 2u);
  BOOST_TEST((shared == std::vector<bool>{true, true, false}));
  BOOST_TEST((own == shared));
}
