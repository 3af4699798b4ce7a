// Encrypted assertions: decryption through the whole verify pipeline, the uniform failure
// message, key rotation, RSA-1.5 policy, the structure checks and the lint checks.
#define BOOST_TEST_MODULE xmlenc
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "fixtures.h"
#include "saml/decode.h"
#include "saml/checks.h"
#include "saml/verify.h"
#include "saml/aws_endpoints.h"
#include "saml/lint.h"
#include "saml/xmlenc.h"
#include "saml_support.h"

namespace {

using samltest::idp_trust;

const std::string kSpKey = "keys/sp-rsa.key";
const std::string kSpNextKey = "keys/sp-rsa-next.key";

std::shared_ptr<const saml::DecryptionKeys> keys_from(const std::vector<std::string>& names) {
  auto keys = std::make_shared<saml::DecryptionKeys>();
  for (const std::string& name : names) {
    auto added = keys->add_pem_private_key(samltest::read_fixture(name), name);
    BOOST_TEST_REQUIRE(added.has_value(), "key " << name << ": " << (added ? "" : added.error().message));
  }
  return keys;
}

saml::Policy policy_with(const std::vector<std::string>& key_names, bool allow_rsa15 = false) {
  saml::Policy policy;
  policy.now = *saml::parse_xs_datetime("2024-05-01T12:01:00Z");
  policy.decryption_keys = keys_from(key_names);
  policy.allow_rsa15 = allow_rsa15;
  return policy;
}


saml::Verdict verify_xml(const std::string& xml, const saml::Policy& policy) {
  saml::Capture capture;
  capture.xml = xml;
  auto verdict = saml::verify_capture(capture, idp_trust(), policy);
  BOOST_TEST_REQUIRE(verdict.has_value(), "verify_capture failed: " << (verdict ? "" : verdict.error().message));
  return std::move(verdict).value();
}

saml::Verdict verify_fixture(const std::string& name, const saml::Policy& policy) {
  return verify_xml(samltest::read_fixture("encrypted/" + name), policy);
}

const saml::Finding* find(const saml::Verdict& verdict, const std::string& rule_id) {
  const auto it = std::find_if(verdict.findings.begin(), verdict.findings.end(),
                               [&](const saml::Finding& f) { return f.rule_id == rule_id; });
  return it == verdict.findings.end() ? nullptr : &*it;
}

std::string rules_of(const saml::Verdict& verdict) {
  std::string text;
  for (const saml::Finding& f : verdict.findings) text += f.rule_id + ": " + f.message + "\n";
  return text;
}

struct AcceptCase {
  std::string fixture;
  std::string key_transport;
};

}  // namespace

// xmlsec1 decrypts in place, so the plaintext may use prefixes declared around the
// EncryptedAssertion; samlkit parses it in that context (fixtures/interop/).
BOOST_AUTO_TEST_CASE(decrypted_content_is_parsed_in_the_namespace_context_of_its_position) {
  const auto policy = policy_with({kSpKey});
  const saml::Verdict outer = verify_xml(samltest::read_fixture("interop/encrypted-outer-prefixes.xml"), policy);
  BOOST_TEST(outer.accepted, rules_of(outer));
  BOOST_TEST_REQUIRE(outer.assertion.has_value());
  BOOST_TEST(outer.assertion->name_id == "jane.doe@example.com");
  BOOST_TEST(outer.encryption->decrypted);

  // saml2 bound to another namespace there: the content is not a SAML Assertion.
  const saml::Verdict rebound = verify_xml(samltest::read_fixture("interop/encrypted-prefix-rebound.xml"), policy);
  BOOST_TEST(!rebound.accepted);
  BOOST_TEST(find(rebound, "XML004") != nullptr, rules_of(rebound));
  BOOST_TEST(!rebound.assertion.has_value());

  // saml2 in scope nowhere: not well-formed, reported like every other decryption failure.
  const saml::Verdict undeclared = verify_xml(samltest::read_fixture("interop/encrypted-prefix-undeclared.xml"), policy);
  BOOST_TEST(!undeclared.accepted);
  const saml::Finding* failure = find(undeclared, "XML007");
  BOOST_TEST_REQUIRE(failure != nullptr, rules_of(undeclared));
  BOOST_TEST(failure->message.find("could not decrypt the EncryptedAssertion with key(s)") != std::string::npos);
}

// The same in-context parse must not let a plaintext reach outside its own element.
BOOST_AUTO_TEST_CASE(self_contained_encrypted_assertions_still_decrypt) {
  const saml::Verdict verdict = verify_fixture("oaep-mgf1p-aes256-gcm.xml", policy_with({kSpKey}));
  BOOST_TEST(verdict.accepted, rules_of(verdict));
  BOOST_TEST_REQUIRE(verdict.decrypted_document != nullptr);
  const xmlNode* root = verdict.decrypted_document->root();
  BOOST_TEST(saml::is_element(root, saml::ns::protocol, "Response"));
  BOOST_TEST(root->properties == nullptr, "the synthetic Response has no attributes");
  BOOST_TEST((root->children != nullptr && root->children->next == nullptr), "one child: the Assertion");
}

BOOST_AUTO_TEST_CASE(encrypted_id_gives_the_name_id_of_a_signed_assertion) {
  const std::string signed_id = samltest::read_fixture("interop/encrypted-id-signed-assertion.xml");
  const saml::Verdict with_key = verify_xml(signed_id, policy_with({kSpKey}));
  BOOST_TEST(with_key.accepted, rules_of(with_key));
  BOOST_TEST_REQUIRE(with_key.assertion.has_value());
  BOOST_TEST(with_key.assertion->name_id == "jane.doe@example.com");
  BOOST_TEST(with_key.assertion->name_id_format == "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");

  saml::Policy no_key = policy_with({});
  no_key.decryption_keys.reset();
  const saml::Verdict without = verify_xml(signed_id, no_key);
  BOOST_TEST(!without.accepted);
  const saml::Finding* missing = find(without, "SIG021");
  BOOST_TEST_REQUIRE(missing != nullptr, rules_of(without));
  BOOST_TEST(missing->message.find("no decryption key was given") != std::string::npos, missing->message);
  BOOST_TEST(find(without, "SUB001") != nullptr, "no NameID either: " << rules_of(without));

  const saml::Verdict wrong = verify_xml(signed_id, policy_with({kSpNextKey}));
  const saml::Finding* undecrypted = find(wrong, "SIG021");
  BOOST_TEST_REQUIRE(undecrypted != nullptr, rules_of(wrong));
  BOOST_TEST(undecrypted->message.find("could not decrypt the EncryptedID with key(s)") != std::string::npos);
  BOOST_TEST(!wrong.accepted);

  const saml::Verdict both = verify_xml(samltest::read_fixture("interop/encrypted-id-beside-nameid.xml"),
                                        policy_with({kSpKey}));
  BOOST_TEST(!both.accepted);
  BOOST_TEST(find(both, "SIG021") != nullptr, rules_of(both));
}

// A bare Assertion (the message root, which saml-decode shows) has no prefix bound to the
// protocol namespace: the EncryptedID's plaintext is still parsed in place, under a prefix
// for the synthetic Response that the plaintext does not use.
BOOST_AUTO_TEST_CASE(encrypted_id_of_a_bare_assertion_decrypts) {
  const std::string response = samltest::read_fixture("interop/encrypted-id-signed-assertion.xml");
  const std::size_t begin = response.find("<saml2:Assertion");
  const std::string end_tag = "</saml2:Assertion>";
  const std::size_t end = response.find(end_tag);
  BOOST_TEST_REQUIRE((begin != std::string::npos && end != std::string::npos));
  saml::Capture capture;
  capture.xml = response.substr(begin, end + end_tag.size() - begin);

  auto view = saml::decode_view(capture, {}, policy_with({kSpKey}));
  BOOST_TEST_REQUIRE(view.has_value(), (view ? "" : view.error().message));
  BOOST_TEST_REQUIRE(view->assertion.has_value());
  BOOST_TEST(view->assertion->name_id == "jane.doe@example.com");
}

BOOST_AUTO_TEST_CASE(every_supported_algorithm_pair_decrypts_and_verifies) {
  const std::vector<AcceptCase> cases = {
      {"oaep-mgf1p-aes128-cbc.xml", std::string(saml::xenc_alg::rsa_oaep_mgf1p)},
      {"oaep-mgf1p-aes192-cbc.xml", std::string(saml::xenc_alg::rsa_oaep_mgf1p)},
      {"oaep-mgf1p-aes256-cbc.xml", std::string(saml::xenc_alg::rsa_oaep_mgf1p)},
      {"oaep-mgf1p-aes128-gcm.xml", std::string(saml::xenc_alg::rsa_oaep_mgf1p)},
      {"oaep-mgf1p-aes192-gcm.xml", std::string(saml::xenc_alg::rsa_oaep_mgf1p)},
      {"oaep-mgf1p-aes256-gcm.xml", std::string(saml::xenc_alg::rsa_oaep_mgf1p)},
      {"oaep11-sha256-mgf1sha256-aes256-gcm.xml", std::string(saml::xenc_alg::rsa_oaep)},
      {"oaep11-default-aes128-gcm.xml", std::string(saml::xenc_alg::rsa_oaep)},
      {"sibling-encrypted-key-aes256-gcm.xml", std::string(saml::xenc_alg::rsa_oaep_mgf1p)},
  };
  const saml::Policy policy = policy_with({kSpKey});
  for (const AcceptCase& c : cases) {
    const saml::Verdict verdict = verify_fixture(c.fixture, policy);
    BOOST_TEST(verdict.accepted, c.fixture << " rejected:\n" << rules_of(verdict));
    BOOST_TEST_REQUIRE(verdict.encryption.has_value(), c.fixture);
    BOOST_TEST(verdict.encryption->decrypted, c.fixture);
    BOOST_TEST(verdict.encryption->key.source == kSpKey, c.fixture);
    BOOST_TEST(verdict.encryption->key.transport == c.key_transport, c.fixture);
    BOOST_TEST_REQUIRE(verdict.assertion.has_value(), c.fixture);
    BOOST_TEST(verdict.assertion->name_id == "jane.doe@example.com", c.fixture);
    BOOST_TEST(verdict.assertion->node == verdict.decrypted_document->root()->children,
               c.fixture << ": values must come from the decrypted document");
    BOOST_TEST(verdict.signatures.covers(verdict.assertion->node), c.fixture);
  }
}

BOOST_AUTO_TEST_CASE(unsigned_encrypted_assertion_is_rejected_after_decryption) {
  const saml::Verdict verdict = verify_fixture("unsigned-assertion-aes256-gcm.xml", policy_with({kSpKey}));
  BOOST_TEST(!verdict.accepted);
  BOOST_TEST_REQUIRE(verdict.encryption.has_value());
  BOOST_TEST(verdict.encryption->decrypted, "it decrypts; encryption is not authentication");
  BOOST_TEST(find(verdict, "SIG001") != nullptr, rules_of(verdict));
  BOOST_TEST(!verdict.assertion.has_value(), "no values may be read from an unsigned assertion");
}

BOOST_AUTO_TEST_CASE(response_signature_over_the_ciphertext_covers_the_decrypted_assertion) {
  const saml::Verdict verdict = verify_fixture("response-signed-aes256-gcm.xml", policy_with({kSpKey}));
  BOOST_TEST(verdict.accepted, rules_of(verdict));
  BOOST_TEST(verdict.response_signed);
  BOOST_TEST_REQUIRE(verdict.assertion.has_value());
  BOOST_TEST(verdict.assertion->name_id == "jane.doe@example.com");
}

BOOST_AUTO_TEST_CASE(without_a_key_the_message_says_which_key_is_needed) {
  saml::Policy policy = policy_with({});
  const saml::Verdict verdict = verify_fixture("oaep-mgf1p-aes256-gcm.xml", policy);
  BOOST_TEST(!verdict.accepted);
  const saml::Finding* finding = find(verdict, "XML005");
  BOOST_TEST_REQUIRE(finding != nullptr, rules_of(verdict));
  BOOST_TEST(finding->message.find("KeyName 'sp-rsa'") != std::string::npos, finding->message);
  BOOST_TEST(finding->message.find("aes256-gcm") != std::string::npos, finding->message);
  BOOST_TEST(finding->message.find("rsa-oaep-mgf1p") != std::string::npos, finding->message);
  BOOST_TEST_REQUIRE(verdict.encryption.has_value());
  BOOST_TEST(!verdict.encryption->attempted);
}

BOOST_AUTO_TEST_CASE(rotation_the_second_key_decrypts) {
  const saml::Verdict verdict =
      verify_fixture("rotated-next-key-aes256-gcm.xml", policy_with({kSpKey, kSpNextKey}));
  BOOST_TEST(verdict.accepted, rules_of(verdict));
  BOOST_TEST_REQUIRE(verdict.encryption.has_value());
  BOOST_TEST(verdict.encryption->key.source == kSpNextKey, "reports the key that decrypted it");
}

BOOST_AUTO_TEST_CASE(failures_are_uniform_could_not_decrypt_with_key_x) {
  // Wrong key, damaged content (GCM tag) and damaged wrapped key all read the same.
  const saml::Policy right = policy_with({kSpKey});
  const saml::Policy wrong = policy_with({kSpNextKey});
  struct Case {
    std::string fixture;
    const saml::Policy* policy;
  };
  const std::vector<Case> gcm = {{"oaep-mgf1p-aes256-gcm.xml", &wrong},
                                 {"tampered-data-aes256-gcm.xml", &right},
                                 {"tampered-key-aes256-gcm.xml", &right}};
  std::vector<std::string> messages;
  for (const Case& c : gcm) {
    const saml::Verdict verdict = verify_fixture(c.fixture, *c.policy);
    BOOST_TEST(!verdict.accepted, c.fixture);
    const saml::Finding* finding = find(verdict, "XML007");
    BOOST_TEST_REQUIRE(finding != nullptr, c.fixture << ":\n" << rules_of(verdict));
    BOOST_TEST(finding->message.find("could not decrypt the EncryptedAssertion with key(s) keys/") == 0,
               c.fixture << ": " << finding->message);
    BOOST_TEST(finding->message.find("padding") == std::string::npos, c.fixture);
    BOOST_TEST(verdict.findings.size() == 1U, c.fixture << " adds more than one finding:\n" << rules_of(verdict));
    messages.push_back(finding->message.substr(finding->message.find(" (wrong key")));
  }
  BOOST_TEST(messages[0] == messages[1], "wrong key vs damaged content differ");
  BOOST_TEST(messages[0] == messages[2], "wrong key vs damaged wrapped key differ");

  // CBC: a damaged padding byte reads like a wrong key.
  const saml::Verdict cbc_wrong = verify_fixture("oaep-mgf1p-aes256-cbc.xml", wrong);
  const saml::Verdict cbc_tampered = verify_fixture("tampered-data-aes256-cbc.xml", right);
  const saml::Finding* a = find(cbc_wrong, "XML007");
  const saml::Finding* b = find(cbc_tampered, "XML007");
  BOOST_TEST_REQUIRE((a != nullptr && b != nullptr), rules_of(cbc_wrong) << rules_of(cbc_tampered));
  BOOST_TEST(a->message.substr(a->message.find(" (wrong key")) == b->message.substr(b->message.find(" (wrong key")),
             "CBC wrong key vs damaged padding differ");
}

BOOST_AUTO_TEST_CASE(rsa15_is_refused_unless_allowed) {
  const saml::Verdict refused = verify_fixture("rsa15-aes256-cbc.xml", policy_with({kSpKey}));
  BOOST_TEST(!refused.accepted);
  const saml::Finding* finding = find(refused, "SIG017");
  BOOST_TEST_REQUIRE(finding != nullptr, rules_of(refused));
  BOOST_TEST((finding->severity == saml::Severity::Error));
  BOOST_TEST(!refused.encryption->decrypted, "RSA-1.5 must not even be tried by default");

  const saml::Verdict allowed = verify_fixture("rsa15-aes256-cbc.xml", policy_with({kSpKey}, true));
  BOOST_TEST(allowed.accepted, rules_of(allowed));
  const saml::Finding* warning = find(allowed, "SIG017");
  BOOST_TEST_REQUIRE(warning != nullptr, "an allowed RSA-1.5 is still reported");
  BOOST_TEST((warning->severity == saml::Severity::Warning));
}

BOOST_AUTO_TEST_CASE(encrypted_and_plaintext_assertion_together_are_two_assertions) {
  const std::string plain = samltest::read_fixture("responses/okta-aws-signed-assertion.xml");
  const std::string assertion =
      plain.substr(plain.find("<saml2:Assertion "), plain.find("</saml2:Assertion>") + 18 - plain.find("<saml2:Assertion "));
  const std::string xml = samltest::replace_once(samltest::read_fixture("encrypted/oaep-mgf1p-aes256-gcm.xml"),
                                                 "<saml2:EncryptedAssertion", assertion + "<saml2:EncryptedAssertion");
  const saml::Verdict verdict = verify_xml(xml, policy_with({kSpKey}));
  BOOST_TEST(!verdict.accepted);
  BOOST_TEST(find(verdict, "XML004") != nullptr, rules_of(verdict));
  BOOST_TEST(!verdict.encryption.has_value(), "nothing is decrypted when the structure is wrong");
}

BOOST_AUTO_TEST_CASE(cipher_reference_is_refused_without_fetching) {
  const std::string original = samltest::read_fixture("encrypted/oaep-mgf1p-aes256-gcm.xml");
  const std::size_t last = original.rfind("<xenc:CipherData>");
  const std::string xml = original.substr(0, last) +
                          "<xenc:CipherData><xenc:CipherReference URI=\"https://evil.example/c\"/></xenc:CipherData>" +
                          original.substr(original.find("</xenc:CipherData>", last) + 18);
  const saml::Verdict verdict = verify_xml(xml, policy_with({kSpKey}));
  const saml::Finding* finding = find(verdict, "XML007");
  BOOST_TEST_REQUIRE(finding != nullptr, rules_of(verdict));
  BOOST_TEST(finding->message.find("CipherReference") != std::string::npos, finding->message);
}

BOOST_AUTO_TEST_CASE(unsupported_data_algorithm_is_sig019) {
  const std::string xml = samltest::replace_once(samltest::read_fixture("encrypted/oaep-mgf1p-aes256-gcm.xml"),
                                                 "http://www.w3.org/2009/xmlenc11#aes256-gcm",
                                                 "http://www.w3.org/2001/04/xmlenc#tripledes-cbc");
  const saml::Verdict verdict = verify_xml(xml, policy_with({kSpKey}));
  BOOST_TEST(!verdict.accepted);
  BOOST_TEST(find(verdict, "SIG019") != nullptr, rules_of(verdict));
}

BOOST_AUTO_TEST_CASE(decryption_keys_refuse_what_cannot_decrypt) {
  saml::DecryptionKeys keys;
  auto cert = keys.add_pem_private_key(samltest::read_fixture("keys/sp-rsa.crt"), "sp-rsa.crt");
  BOOST_TEST_REQUIRE(!cert.has_value(), "a certificate is not a private key");
  BOOST_TEST((cert.error().kind == saml::ErrorKind::Config));
  BOOST_TEST(cert.error().message.find("sp-rsa.crt") == 0U, cert.error().message);
  auto ec = keys.add_pem_private_key(samltest::read_fixture("keys/idp-ec.key"), "idp-ec.key");
  BOOST_TEST_REQUIRE(!ec.has_value(), "an EC key cannot unwrap RSA key transport");
  BOOST_TEST(ec.error().message.find("not an RSA key") != std::string::npos, ec.error().message);
  auto rsa = keys.add_pem_private_key(samltest::read_fixture(kSpKey), kSpKey);
  BOOST_TEST_REQUIRE(rsa.has_value());
  BOOST_TEST(keys.keys().front().description.find("RSA-2048, public key SHA-256 ") == 0,
             keys.keys().front().description);
}

BOOST_AUTO_TEST_CASE(lint_checks_on_encrypted_assertions) {
  const saml::Policy policy = policy_with({kSpKey});
  // The encryption rules saml-lint reports for a fixture (SIG017, SIG018, SUB007, AWS027).
  const auto lint = [](const std::string& name, const saml::Policy& lint_policy) {
    auto captures = saml::decode_capture(samltest::read_fixture("encrypted/" + name), name);
    BOOST_TEST_REQUIRE(captures.has_value());
    saml::LintOptions options;
    options.policy = lint_policy;
    auto result = saml::lint_capture(captures->front(), idp_trust(), options);
    BOOST_TEST_REQUIRE(result.has_value());
    std::string ids;
    for (const saml::Finding& f : result->findings) {
      if (f.rule_id == "SIG017" || f.rule_id == "SIG018" || f.rule_id == "SUB007" || f.rule_id == "AWS027") {
        ids += f.rule_id + " ";
      }
    }
    return ids;
  };
  BOOST_TEST(lint("oaep-mgf1p-aes256-gcm.xml", policy) == "", "GCM to the ACS URL is clean");
  BOOST_TEST(lint("oaep-mgf1p-aes128-cbc.xml", policy) == "SIG018 ");
  BOOST_TEST(lint("plain-recipient-aes256-gcm.xml", policy) == "SUB007 SUB007 ",
             "Destination and Recipient are both the plain endpoint");
  BOOST_TEST(lint("identity-center-aes256-gcm.xml", policy) == "AWS027 ");
  BOOST_TEST(lint("rsa15-aes256-cbc.xml", policy_with({})) == "SIG017 SIG018 ",
             "without a key, the RSA-1.5 rule reports it itself");
  BOOST_TEST(lint("rsa15-aes256-cbc.xml", policy) == "SIG017 SIG018 ",
             "with a key, decryption refuses RSA-1.5 (SIG017) and lint keeps the verdict's finding");
  BOOST_TEST(lint("rsa15-aes256-cbc.xml", policy_with({}, true)) == "SIG017 SIG018 ",
             "--allow-rsa15 without a key: still said, as a warning");
}

BOOST_AUTO_TEST_CASE(identity_center_acs_urls) {
  for (const std::string url : {"https://us-east-1.signin.aws/platform/saml/acs/0123abcd",
                                "https://us-west-2.sso.signin.aws/platform/saml/acs/1111111111111111-aaee-ffff-dddd-11111111111",
                                "https://us-west-2.signin.aws.amazon.com/platform/saml/acs/0123-abcd"}) {
    BOOST_TEST(saml::is_identity_center_acs_url(url), "should accept " << url);
  }
  for (const std::string url : {"https://signin.aws.amazon.com/saml", "https://.signin.aws/platform/saml/acs/x",
                                "http://us-east-1.signin.aws/platform/saml/acs/0123abcd",
                                "https://us-east-1.signin.aws/platform/saml/",
                                "https://xx-east-1.signin.aws/platform/saml/acs/0123abcd",
                                "https://portal.sso.eu-west-1.amazonaws.com/saml/assertion/MDEy",
                                "https://us-east-1.signin.aws.evil.example/platform/saml/acs/0123abcd",
                                "https://evil.example/platform/saml/acs/0123abcd"}) {
    BOOST_TEST(!saml::is_identity_center_acs_url(url), "should refuse " << url);
  }
  BOOST_TEST(saml::is_identity_center_issuer("https://us-east-1.signin.aws.amazon.com/platform/saml/d-9066208dac"));
  BOOST_TEST(!saml::is_identity_center_issuer("https://us-east-1.signin.aws.amazon.com/platform/saml/d-XYZ"));
  BOOST_TEST(!saml::is_identity_center_issuer("https://evil.example/platform/saml/d-9066208dac"));
}
