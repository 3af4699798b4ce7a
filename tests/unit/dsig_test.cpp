#define BOOST_TEST_MODULE dsig
#include <boost/test/unit_test.hpp>

#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <thread>

#include "fixtures.h"
#include "saml/dsig.h"
#include "saml/xml.h"
#include "saml_support.h"

using samltest::read_fixture;
using samltest::replace_once;

namespace {

using samltest::has_rule;

saml::TrustStore trust_of(std::initializer_list<const char*> certs) {
  saml::TrustStore trust;
  for (const char* cert : certs) {
    auto added = trust.add_pem_certificates(read_fixture(std::string("keys/") + cert), cert);
    if (!added) throw std::runtime_error(added.error().message);
  }
  return trust;
}

struct Checked {
  saml::Document doc;
  saml::DsigResult result;
  std::vector<saml::Finding> findings;  // what verify_signatures appended
};

Checked check_text(const std::string& xml, const saml::TrustStore& trust, saml::DsigPolicy policy = {}) {
  auto doc = saml::parse_xml(xml);
  if (!doc) throw std::runtime_error("fixture does not parse: " + doc.error().message);
  std::vector<saml::Finding> findings;
  saml::DsigResult result = saml::verify_signatures(*doc, trust, policy, findings);
  return Checked{std::move(*doc), std::move(result), std::move(findings)};
}

Checked check(const std::string& fixture, const saml::TrustStore& trust, saml::DsigPolicy policy = {}) {
  return check_text(read_fixture("responses/" + fixture), trust, policy);
}

std::string rules_of(const Checked& checked) {
  std::string ids;
  for (const auto& f : checked.findings) ids += f.rule_id + "(" + f.message + ") ";
  return ids;
}

const xmlNode* assertion_of(const saml::Document& doc) {
  return saml::first_child(doc.root(), saml::ns::assertion, "Assertion");
}

// The text of the fixture's KeyInfo certificate as written, and that text without whitespace.
struct KeyInfoCertificate {
  std::string text;
  std::string base64;
};

KeyInfoCertificate keyinfo_certificate_of(const std::string& xml) {
  const std::string open_tag = "<ds:X509Certificate>";
  const std::size_t start = xml.find(open_tag) + open_tag.size();
  KeyInfoCertificate certificate{xml.substr(start, xml.find('<', start) - start), {}};
  for (const char ch : certificate.text) {
    if (ch != '\n' && ch != '\r' && ch != ' ' && ch != '\t') certificate.base64 += ch;
  }
  return certificate;
}

}  // namespace

BOOST_AUTO_TEST_CASE(okta_signed_assertion_covers_the_assertion_only) {
  auto c = check("okta-aws-signed-assertion.xml", trust_of({"idp-rsa.crt"}));
  BOOST_TEST(c.findings.empty(), rules_of(c));
  BOOST_TEST_REQUIRE(c.result.signatures.size() == 1u);
  const auto& sig = c.result.signatures[0];
  BOOST_TEST((sig.status == saml::SignatureStatus::Verified));
  BOOST_TEST(sig.signed_element == "Assertion");
  BOOST_TEST(sig.signed_id == "id73512488232874331823509731");
  BOOST_TEST(sig.signature_method == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
  BOOST_TEST_REQUIRE(sig.key_used.has_value());
  BOOST_TEST(sig.key_used->subject.find("okta-idp-test") != std::string::npos);
  BOOST_TEST(c.result.covers(assertion_of(c.doc)));
  BOOST_TEST(!c.result.covers(c.doc.root()), "the unsigned Response must not count as covered");
}

BOOST_AUTO_TEST_CASE(signed_response_covers_response_and_assertion) {
  auto c = check("okta-aws-signed-response.xml", trust_of({"idp-rsa.crt"}));
  BOOST_TEST(c.findings.empty(), rules_of(c));
  BOOST_TEST(c.result.covers(c.doc.root()));
  BOOST_TEST(c.result.covers(assertion_of(c.doc)));
}

BOOST_AUTO_TEST_CASE(both_signed_both_verified) {
  auto c = check("okta-aws-signed-both.xml", trust_of({"idp-rsa.crt"}));
  BOOST_TEST(c.findings.empty(), rules_of(c));
  BOOST_TEST_REQUIRE(c.result.signatures.size() == 2u);
  for (const auto& sig : c.result.signatures) BOOST_TEST((sig.status == saml::SignatureStatus::Verified));
}

BOOST_AUTO_TEST_CASE(ecdsa_needs_the_ec_key) {
  auto ok = check("okta-aws-ecdsa-p256.xml", trust_of({"idp-ec.crt"}));
  BOOST_TEST(ok.findings.empty(), rules_of(ok));
  BOOST_TEST(ok.result.covers(assertion_of(ok.doc)));

  auto wrong = check("okta-aws-ecdsa-p256.xml", trust_of({"idp-rsa.crt"}));
  BOOST_TEST(has_rule(wrong.findings, "SIG008"), rules_of(wrong));
  BOOST_TEST(!wrong.result.covers(assertion_of(wrong.doc)));
}

BOOST_AUTO_TEST_CASE(sha512_is_accepted) {
  auto c = check("okta-aws-rsa-sha512.xml", trust_of({"idp-rsa.crt"}));
  BOOST_TEST(c.findings.empty(), rules_of(c));
  BOOST_TEST(c.result.covers(assertion_of(c.doc)));
}

BOOST_AUTO_TEST_CASE(embedded_attacker_certificate_is_never_trusted) {
  auto c = check("signed-by-untrusted-key.xml", trust_of({"idp-rsa.crt"}));
  BOOST_TEST(has_rule(c.findings, "SIG008"), rules_of(c));
  BOOST_TEST(has_rule(c.findings, "SIG011"), rules_of(c));
  BOOST_TEST(c.result.covered.empty());
  BOOST_TEST_REQUIRE(c.result.signatures.size() == 1u);
  BOOST_TEST(c.result.signatures[0].keyinfo_certificates.size() == 1u);
  BOOST_TEST(!c.result.signatures[0].keyinfo_trusted[0]);
}

BOOST_AUTO_TEST_CASE(tampered_content_fails_its_digest) {
  auto c = check("tampered-role.xml", trust_of({"idp-rsa.crt"}));
  BOOST_TEST(has_rule(c.findings, "SIG009"), rules_of(c));
  BOOST_TEST(c.result.covered.empty());
  BOOST_TEST((c.result.signatures[0].status == saml::SignatureStatus::Invalid));
  BOOST_TEST(rules_of(c).find("digest of Reference") != std::string::npos, rules_of(c));
}

BOOST_AUTO_TEST_CASE(sha1_refused_unless_allowed) {
  auto refused = check("okta-aws-rsa-sha1.xml", trust_of({"idp-rsa.crt"}));
  BOOST_TEST(has_rule(refused.findings, "SIG005"), rules_of(refused));
  BOOST_TEST(refused.result.covered.empty());

  auto allowed = check("okta-aws-rsa-sha1.xml", trust_of({"idp-rsa.crt"}), {.allow_sha1 = true});
  BOOST_TEST(allowed.result.covers(assertion_of(allowed.doc)), rules_of(allowed));
  BOOST_TEST(!saml::has_errors(allowed.findings), rules_of(allowed));
  BOOST_TEST(has_rule(allowed.findings, "SIG005"), "SHA-1 stays visible as a warning");
}

BOOST_AUTO_TEST_CASE(hmac_is_always_refused) {
  auto c = check("okta-aws-hmac-sha256.xml", trust_of({"idp-rsa.crt"}), {.allow_sha1 = true});
  BOOST_TEST(has_rule(c.findings, "SIG006"), rules_of(c));
  BOOST_TEST(c.result.covered.empty());
}

BOOST_AUTO_TEST_CASE(fingerprint_trust_uses_the_matching_message_certificate) {
  saml::TrustStore trust;
  BOOST_TEST_REQUIRE(trust.add_fingerprint(read_fixture("keys/idp-rsa.sha256")).has_value());
  auto c = check("okta-aws-signed-assertion.xml", trust);
  BOOST_TEST(c.findings.empty(), rules_of(c));
  BOOST_TEST(c.result.covers(assertion_of(c.doc)));

  auto attacker = check("signed-by-untrusted-key.xml", trust);
  BOOST_TEST(has_rule(attacker.findings, "SIG008"), rules_of(attacker));
  BOOST_TEST(attacker.result.covered.empty());
}

// Fuzzer-found (regressions/trust_fuzzer/der-non-canonical-fingerprint-of-re-encoding): a
// message certificate with a non-minimal outer length was fingerprinted as OpenSSL's
// re-encoding, so it matched a pinned fingerprint that is not the SHA-256 of its bytes.
BOOST_AUTO_TEST_CASE(fingerprint_trust_refuses_a_non_canonical_message_certificate) {
  const std::string xml = read_fixture("responses/okta-aws-signed-assertion.xml");
  const auto [base64_text, base64] = keyinfo_certificate_of(xml);
  std::string der(base64.size() / 4 * 3, '\0');
  const int decoded = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(der.data()),
                                      reinterpret_cast<const unsigned char*>(base64.data()),
                                      static_cast<int>(base64.size()));
  BOOST_TEST_REQUIRE(decoded > 0);
  der.resize(static_cast<std::size_t>(decoded) - static_cast<std::size_t>(std::count(base64.begin(), base64.end(), '=')));
  BOOST_TEST_REQUIRE(der.compare(0, 2, "\x30\x82") == 0, "the KeyInfo certificate must start 30 82");
  const std::string variant = "\x30\x83" + std::string(1, '\0') + der.substr(2);
  std::string encoded(4 * ((variant.size() + 2) / 3) + 1, '\0');
  encoded.resize(static_cast<std::size_t>(
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                      reinterpret_cast<const unsigned char*>(variant.data()), static_cast<int>(variant.size()))));

  saml::TrustStore trust;
  BOOST_TEST_REQUIRE(trust.add_fingerprint(read_fixture("keys/idp-rsa.sha256")).has_value());
  auto c = check_text(replace_once(xml, base64_text, encoded), trust);
  BOOST_TEST(c.result.covered.empty(), "a re-encoded certificate must not match the pin: " << rules_of(c));
  BOOST_TEST(has_rule(c.findings, "SIG008"), rules_of(c));
}

// A trusted certificate's copy in KeyInfo is recognised by its text, however it is wrapped or
// split into text and CDATA nodes; text that only starts or only ends like it is not that
// certificate (and, not being a certificate at all, is left out of the report).
BOOST_AUTO_TEST_CASE(keyinfo_certificate_text_is_recognised_however_it_is_split) {
  const std::string xml = read_fixture("responses/okta-aws-signed-assertion.xml");
  const auto [text, base64] = keyinfo_certificate_of(xml);
  BOOST_TEST_REQUIRE(base64.size() > 200u);
  std::string wrapped;
  for (std::size_t at = 0; at < base64.size(); at += 64) wrapped += "\r\n\t" + base64.substr(at, 64);
  const std::size_t half = base64.size() / 2;
  const std::string split = base64.substr(0, 10) + " " + base64.substr(10, half - 10) + "<!-- wrapped -->\n<![CDATA[" +
                            base64.substr(half, 100) + "]]>" + base64.substr(half + 100) + "\n";
  const saml::TrustStore trust = trust_of({"idp-rsa.crt"});
  const saml::Sha256 trusted_fingerprint = trust.keys().at(0).certificate.fingerprint;
  for (const std::string& variant : {base64, wrapped, split}) {
    auto c = check_text(replace_once(xml, text, variant), trust);
    BOOST_TEST(c.result.covers(assertion_of(c.doc)), rules_of(c));
    const saml::SignatureReport& report = c.result.signatures.at(0);
    BOOST_TEST_REQUIRE(report.keyinfo_certificates.size() == 1u);
    BOOST_TEST(report.keyinfo_certificates[0].fingerprint == trusted_fingerprint);
    BOOST_TEST(report.keyinfo_trusted.at(0));
  }
  for (const std::string& variant : {base64.substr(0, base64.size() - 4), base64 + "AAAA", "AAAA" + base64}) {
    auto c = check_text(replace_once(xml, text, variant), trust);
    const saml::SignatureReport& report = c.result.signatures.at(0);
    BOOST_TEST(report.keyinfo_certificates.empty(), "not a copy of the trusted certificate: " << variant.size());
    BOOST_TEST(report.keyinfo_trusted.empty());
  }
}

BOOST_AUTO_TEST_CASE(metadata_trust_and_rollover) {
  saml::TrustStore metadata;
  BOOST_TEST_REQUIRE(metadata.add_metadata(read_fixture("keys/okta-metadata.xml"), "md").has_value());
  auto c = check("okta-aws-signed-assertion.xml", metadata);
  BOOST_TEST(c.result.covers(assertion_of(c.doc)), rules_of(c));

  // The next key first, the current one second: rollover tries every trusted key.
  auto rollover = check("okta-aws-signed-assertion.xml", trust_of({"idp-rsa-next.crt", "idp-rsa.crt"}));
  BOOST_TEST(rollover.result.covers(assertion_of(rollover.doc)), rules_of(rollover));

  auto only_next = check("okta-aws-signed-assertion.xml", trust_of({"idp-rsa-next.crt"}));
  BOOST_TEST(has_rule(only_next.findings, "SIG008"), rules_of(only_next));
}

// Profile violations are found before any cryptography, on edited copies of a good fixture.
struct ProfileCase {
  std::string name;
  std::string from;
  std::string to;
  std::string rule;
};

BOOST_AUTO_TEST_CASE(profile_violations_are_refused_before_crypto) {
  const std::string good = read_fixture("responses/okta-aws-signed-assertion.xml");
  const ProfileCase cases[] = {
      {"empty reference URI", "URI=\"#id73512488232874331823509731\"", "URI=\"\"", "SIG003"},
      {"reference to the Response", "URI=\"#id73512488232874331823509731\"",
       "URI=\"#id7351248823101942113046815\"", "SIG003"},
      {"second reference", "</ds:Reference>",
       "</ds:Reference><ds:Reference URI=\"#id7351248823101942113046815\"/>", "SIG003"},
      {"xpath transform", "<ds:Transforms>",
       "<ds:Transforms><ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"/>", "SIG004"},
      {"c14n with comments",
       "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>",
       "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#WithComments\"/>",
       "SIG004"},
      {"no enveloped transform",
       "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>", "", "SIG004"},
      {"retrieval method", "<ds:KeyInfo>",
       "<ds:KeyInfo><ds:RetrievalMethod URI=\"file:///etc/passwd\"/>", "SIG010"},
      {"unknown signature method", "xmldsig-more#rsa-sha256", "xmldsig-more#rsa-md5", "SIG007"},
      {"md5 digest", "xmlenc#sha256", "xmldsig-more#md5", "SIG007"},
      {"duplicate assertion ID", "<saml2p:Status>",
       "<saml2p:Extensions><saml2:Foo xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\" "
       "ID=\"id73512488232874331823509731\"/></saml2p:Extensions><saml2p:Status>",
       "XML002"},
      {"xml:id shadowing the assertion ID", "<saml2p:Status>",
       "<foo xml:id=\"id73512488232874331823509731\"/><saml2p:Status>", "SIG003"},
  };
  const auto trust = trust_of({"idp-rsa.crt"});
  for (const auto& test : cases) {
    BOOST_TEST_CONTEXT(test.name) {
      auto c = check_text(replace_once(good, test.from, test.to), trust);
      BOOST_TEST(has_rule(c.findings, test.rule), rules_of(c));
      BOOST_TEST(c.result.covered.empty(), "nothing may be covered after a profile violation");
    }
  }
}

// OpenSAML's SignatureProfileValidator (C++) accepts inclusive c14n 1.0/1.1; so does samlkit,
// with the same XSW defences (fixtures/interop/, signed by xmlsec1).
BOOST_AUTO_TEST_CASE(inclusive_c14n_is_accepted_and_reported) {
  const auto trust = trust_of({"idp-rsa.crt"});
  for (const char* name : {"inclusive-c14n10-signed-assertion.xml", "inclusive-c14n11-signed-assertion.xml",
                           "inclusive-c14n11-signedinfo-exclusive-transform.xml"}) {
    BOOST_TEST_CONTEXT(name) {
      auto c = check_text(read_fixture(std::string("interop/") + name), trust);
      BOOST_TEST(c.result.covers(assertion_of(c.doc)), rules_of(c));
      BOOST_TEST(c.findings.empty(), rules_of(c));
      const saml::SignatureReport& report = c.result.signatures.at(0);
      BOOST_TEST(report.c14n_method.find("xml-c14n") != std::string::npos, report.c14n_method);
      BOOST_TEST(!report.reference_c14n_method.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(inclusive_c14n_keeps_every_profile_check) {
  const std::string good = read_fixture("interop/inclusive-c14n10-signed-assertion.xml");
  const std::string c14n10 = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
  const ProfileCase cases[] = {
      {"inclusive c14n with comments (SignedInfo)", "<ds:CanonicalizationMethod Algorithm=\"" + c14n10 + "\"/>",
       "<ds:CanonicalizationMethod Algorithm=\"" + c14n10 + "#WithComments\"/>", "SIG004"},
      {"inclusive c14n with comments (transform)", "<ds:Transform Algorithm=\"" + c14n10 + "\"/>",
       "<ds:Transform Algorithm=\"" + c14n10 + "#WithComments\"/>", "SIG004"},
      {"parameters to inclusive c14n", "<ds:Transform Algorithm=\"" + c14n10 + "\"/>",
       "<ds:Transform Algorithm=\"" + c14n10 + "\"><ec:InclusiveNamespaces xmlns:ec=\"http://www.w3.org/2001/10/"
       "xml-exc-c14n#\" PrefixList=\"xs\"/></ds:Transform>",
       "SIG004"},
      {"parameters to the inclusive SignedInfo c14n", "<ds:CanonicalizationMethod Algorithm=\"" + c14n10 + "\"/>",
       "<ds:CanonicalizationMethod Algorithm=\"" + c14n10 + "\"><foo/></ds:CanonicalizationMethod>", "SIG004"},
      {"a second c14n transform", "<ds:Transform Algorithm=\"" + c14n10 + "\"/>",
       "<ds:Transform Algorithm=\"" + c14n10 + "\"/><ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>",
       "SIG004"},
      {"second reference", "</ds:Reference>", "</ds:Reference><ds:Reference URI=\"#id7351248823101942113046815\"/>",
       "SIG003"},
      {"reference to the Response", "URI=\"#id73512488232874331823509731\"", "URI=\"#id7351248823101942113046815\"",
       "SIG003"},
      {"xpath transform", "<ds:Transforms>",
       "<ds:Transforms><ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"/>", "SIG004"},
  };
  const auto trust = trust_of({"idp-rsa.crt"});
  for (const auto& test : cases) {
    BOOST_TEST_CONTEXT(test.name) {
      auto c = check_text(replace_once(good, test.from, test.to), trust);
      BOOST_TEST(has_rule(c.findings, test.rule), rules_of(c));
      BOOST_TEST(c.result.covered.empty(), "nothing may be covered after a profile violation");
    }
  }
}

BOOST_AUTO_TEST_CASE(a_bare_public_key_verifies_and_names_the_keyinfo_certificate) {
  saml::TrustStore trust;
  auto added = trust.add_pem_public_keys(read_fixture("keys/idp-rsa.pub.pem"), "idp-rsa.pub.pem");
  BOOST_TEST_REQUIRE(added.has_value());
  auto c = check("okta-aws-signed-assertion.xml", trust);
  BOOST_TEST(c.result.covers(assertion_of(c.doc)), rules_of(c));
  BOOST_TEST(!has_rule(c.findings, "SIG011"), rules_of(c));
  const saml::SignatureReport& report = c.result.signatures.at(0);
  BOOST_TEST_REQUIRE(report.key_used.has_value());
  BOOST_TEST(report.key_used->subject.empty());
  BOOST_TEST(!report.key_used->not_after.has_value(), "a bare key has no dates");
  BOOST_TEST(report.keyinfo_trusted.at(0), "the KeyInfo certificate holds the trusted key");

  saml::TrustStore attacker;
  BOOST_TEST_REQUIRE(attacker.add_pem_public_keys(read_fixture("keys/attacker-rsa.pub.pem"), "attacker").has_value());
  auto refused = check("okta-aws-signed-assertion.xml", attacker);
  BOOST_TEST(refused.result.covered.empty());
  BOOST_TEST(has_rule(refused.findings, "SIG008"), rules_of(refused));
}

BOOST_AUTO_TEST_CASE(signature_in_an_unexpected_place_is_refused) {
  const std::string good = read_fixture("responses/okta-aws-signed-assertion.xml");
  const auto start = good.find("<ds:Signature");
  const auto end = good.find("</ds:Signature>") + std::string("</ds:Signature>").size();
  std::string signature = good.substr(start, end - start);
  std::string moved = good;
  moved.erase(start, end - start);
  moved = replace_once(moved, "<saml2:Subject>", "<saml2:Subject>" + signature);
  auto c = check_text(moved, trust_of({"idp-rsa.crt"}));
  BOOST_TEST(has_rule(c.findings, "SIG002"), rules_of(c));
  BOOST_TEST(c.result.covered.empty());
}

BOOST_AUTO_TEST_CASE(verifies_concurrently_on_separate_documents) {
  const auto trust = trust_of({"idp-rsa.crt", "idp-ec.crt"});
  const std::string rsa = read_fixture("responses/okta-aws-signed-both.xml");
  const std::string ec = read_fixture("responses/okta-aws-ecdsa-p256.xml");
  std::atomic<int> failures{0};
  auto worker = [&](const std::string& xml) {
    for (int i = 0; i < 40; ++i) {
      auto c = check_text(xml, trust);
      if (!c.findings.empty() || c.result.covered.empty()) ++failures;
    }
  };
  std::thread a(worker, std::cref(rsa));
  std::thread b(worker, std::cref(ec));
  a.join();
  b.join();
  BOOST_TEST(failures.load() == 0);
}

// libxml2's canonicaliser reports a relative namespace URI inside the signed subtree on the
// thread's error handler; it must reach the finding, never stderr (the library never prints).
BOOST_AUTO_TEST_CASE(canonicalisation_errors_go_into_the_finding_not_to_stderr) {
  const std::string xml = replace_once(read_fixture("responses/okta-aws-signed-assertion.xml"),
                                       "<saml2:Assertion ", "<saml2:Assertion xmlns:rel=\"relative/ns\" ");
  std::FILE* captured = std::tmpfile();
  BOOST_REQUIRE(captured != nullptr);
  std::fflush(stderr);
  const int saved = dup(STDERR_FILENO);
  dup2(fileno(captured), STDERR_FILENO);
  const Checked checked = check_text(xml, trust_of({"idp-rsa.crt"}));
  std::fflush(stderr);
  dup2(saved, STDERR_FILENO);
  close(saved);
  const off_t printed = lseek(fileno(captured), 0, SEEK_END);
  std::fclose(captured);
  BOOST_TEST(printed == 0, "bytes written to stderr");
  BOOST_TEST(has_rule(checked.findings, "SIG009"), rules_of(checked));
  BOOST_TEST(rules_of(checked).find("libxml2: Relative namespace") != std::string::npos, rules_of(checked));
}
