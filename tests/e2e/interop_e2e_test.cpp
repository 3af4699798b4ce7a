// saml-verify, saml-decode and saml-lint end to end over fixtures/interop/ (real IdP output
// that other verifiers accept, and the wrapping tricks around it), --pubkey trust, and the
// signing certificate's dates: every row through each tool, which must agree.
#define BOOST_TEST_MODULE interop_e2e
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "tools.h"

namespace {

using Json = nlohmann::json;

const std::string kFixtures = SAMLKIT_FIXTURES_DIR;
const std::string kNow = "2024-05-01T12:01:00Z";

std::string fixture(const std::string& name) { return kFixtures + "/" + name; }
std::string key(const std::string& name) { return kFixtures + "/keys/" + name; }

using samltest::run_decode;
using samltest::run_lint;
using samltest::run_verify;

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The first message of a tool's JSON document (every tool writes a `messages` array).
Json parse(const samltest::Run& run) {
  try {
    return Json::parse(run.out).at("messages").at(0);
  } catch (const Json::exception& e) {
    BOOST_FAIL("stdout is not JSON (" << e.what() << "): " << run.out << run.err);
  }
  return {};
}

std::vector<std::string> rules_of(const Json& findings) {
  std::vector<std::string> rules;
  for (const Json& f : findings) rules.push_back(f.at("rule").get<std::string>());
  return rules;
}

struct Row {
  std::string file;                  // under fixtures/
  std::vector<std::string> options;  // trust and keys (every tool gets them)
  int exit_code;                     // saml-verify (and saml-lint at --fail-on error)
  std::vector<std::string> rules;    // saml-verify must report them (so saml-lint too)
  std::vector<std::string> lint_only;  // saml-lint must report them too
  std::string decode_shows;          // saml-decode's text contains it
};

std::ostream& operator<<(std::ostream& out, const Row& row) {
  out << row.file;
  for (const std::string& option : row.options) out << " " << option;
  return out;
}

const std::vector<std::string> kCert = {"--cert", key("idp-rsa.crt")};
const std::vector<std::string> kCertAndSpKey = {"--cert", key("idp-rsa.crt"), "--decrypt-key", key("sp-rsa.key")};

const std::vector<Row> kRows = {
    // Inclusive c14n 1.0 / 1.1 (SignedInfo and Reference transform): accepted, lint warns.
    {"interop/inclusive-c14n10-signed-assertion.xml", kCert, 0, {}, {"SIG020"}, "REC-xml-c14n-20010315"},
    {"interop/inclusive-c14n11-signed-assertion.xml", kCert, 0, {}, {"SIG020"}, "xml-c14n11"},
    {"interop/inclusive-c14n10-signed-response.xml", kCert, 0, {}, {"SIG020", "SIG013"}, "REC-xml-c14n-20010315"},
    {"interop/inclusive-c14n11-signedinfo-exclusive-transform.xml", kCert, 0, {}, {"SIG020"}, "xml-c14n11"},
    // ... and every trick around them fails closed.
    {"interop/inclusive-c14n-two-references.xml", kCert, 1, {"SIG003", "SIG001"}, {}, "SAML Response"},
    {"interop/inclusive-c14n-with-comments.xml", kCert, 1, {"SIG004", "SIG001"}, {}, "SAML Response"},
    {"interop/inclusive-c14n-two-c14n-transforms.xml", kCert, 1, {"SIG004", "SIG001"}, {}, "SAML Response"},
    {"interop/inclusive-c14n-ancestor-namespace-added.xml", kCert, 1, {"SIG009", "SIG001"}, {}, "SAML Response"},
    {"interop/inclusive-c14n-tampered-nameid.xml", kCert, 1, {"SIG009", "SIG001"}, {}, "SAML Response"},
    {"interop/inclusive-c14n-copied-beside-evil.xml", kCert, 1, {"XML004"}, {}, "SAML Response"},
    // Encrypted content using prefixes declared on the Response: decrypted in context.
    {"interop/encrypted-outer-prefixes.xml", kCertAndSpKey, 0, {}, {}, "jane.doe@example.com"},
    {"interop/encrypted-prefix-rebound.xml", kCertAndSpKey, 1, {"XML004"}, {}, "SAML Response"},
    {"interop/encrypted-prefix-undeclared.xml", kCertAndSpKey, 1, {"XML007"}, {}, "SAML Response"},
    // EncryptedID in the Subject of a signed assertion.
    {"interop/encrypted-id-signed-assertion.xml", kCertAndSpKey, 0, {}, {}, "jane.doe@example.com"},
    {"interop/encrypted-id-signed-assertion.xml", kCert, 1, {"SIG021"}, {}, "(encrypted: EncryptedID"},
    {"interop/encrypted-id-signed-assertion.xml",
     {"--cert", key("idp-rsa.crt"), "--decrypt-key", key("sp-rsa-next.key")}, 1, {"SIG021"}, {}, "SAML Response"},
    {"interop/encrypted-id-beside-nameid.xml", kCertAndSpKey, 1, {"SIG021"}, {}, "SAML Response"},
    {"interop/encrypted-id-unsigned-beside-signed.xml", kCertAndSpKey, 1, {"XML004"}, {}, "SAML Response"},
    {"interop/encrypted-id-swapped.xml", kCertAndSpKey, 1, {"SIG009", "SIG001"}, {}, "SAML Response"},
    // Trust as a bare public key (xmlsec1 --pubkey-pem).
    {"responses/okta-aws-signed-assertion.xml", {"--pubkey", key("idp-rsa.pub.pem")}, 0, {}, {}, "- verified"},
    {"responses/okta-aws-ecdsa-p256.xml", {"--pubkey", key("idp-ec.pub.pem")}, 0, {}, {}, "SAML Response"},
    {"interop/inclusive-c14n10-signed-assertion.xml", {"--pubkey", key("idp-rsa.pub.pem")}, 0, {}, {"SIG020"},
     "SAML Response"},
    {"responses/okta-aws-signed-assertion.xml", {"--pubkey", key("attacker-rsa.pub.pem")}, 1, {"SIG008", "SIG001"},
     {}, "SAML Response"},
    {"responses/okta-aws-ecdsa-p256.xml", {"--pubkey", key("idp-rsa.pub.pem")}, 1, {"SIG008", "SIG001"}, {},
     "SAML Response"},
    {"responses/tampered-role.xml", {"--pubkey", key("idp-rsa.pub.pem")}, 1, {"SIG009", "SIG001"}, {},
     "SAML Response"},
    // Signing certificate dates change no verdict; an expired one is a warning in all tools.
    {"lint/signed-by-expired-cert.xml", {"--cert", kFixtures + "/lint/keys/expired-rsa.crt"}, 0, {"SIG014"}, {},
     "expired 30 d"},
    {"lint/signed-by-expiring-cert.xml", {"--cert", kFixtures + "/lint/keys/expiring-rsa.crt"}, 0, {}, {"SIG015"},
     "expires in 18 d"},
    {"responses/okta-aws-signed-assertion.xml", kCert, 0, {}, {}, "not yet valid, starts in"},
};

// Certificates are judged at the same pinned time as the message (the rows' dates depend on it).
std::vector<std::string> args(const Row& row, std::vector<std::string> extra) {
  std::vector<std::string> all = {"--now", kNow, "--cert-now", kNow};
  all.insert(all.end(), row.options.begin(), row.options.end());
  all.insert(all.end(), extra.begin(), extra.end());
  all.push_back(fixture(row.file));
  return all;
}

}  // namespace

BOOST_DATA_TEST_CASE(verify_row, boost::unit_test::data::make(kRows), row) {
  const samltest::Run run = run_verify(args(row, {"--json"}));
  BOOST_TEST(run.exit_code == row.exit_code, row << ": exit " << run.exit_code << ", stderr: " << run.err);
  const Json j = parse(run);
  const auto rules = rules_of(j.at("findings"));
  for (const std::string& rule : row.rules) BOOST_TEST(has(rules, rule), row << ": no " << rule << " in " << j.at("findings").dump());
  for (const std::string& rule : row.lint_only) BOOST_TEST(!has(rules, rule), row << ": " << rule << " is saml-lint's only");
  if (row.exit_code == 0) {
    BOOST_TEST(j.at("assertion").at("name_id") == "jane.doe@example.com", row << ": " << j.at("assertion").dump());
  } else if (has(row.rules, "SIG001") || has(row.rules, "XML004")) {
    BOOST_TEST(j.at("assertion").is_null(), row << ": identity shown from an unverified assertion");
  }
}

BOOST_DATA_TEST_CASE(lint_row, boost::unit_test::data::make(kRows), row) {
  const samltest::Run run = run_lint(args(row, {"--format", "json"}));
  BOOST_TEST(run.exit_code == row.exit_code, row << ": exit " << run.exit_code << ", stderr: " << run.err);
  const Json result = parse(run);
  const auto rules = rules_of(result.at("findings"));
  for (const std::string& rule : row.rules) BOOST_TEST(has(rules, rule), row << ": no " << rule << " in lint");
  for (const std::string& rule : row.lint_only) BOOST_TEST(has(rules, rule), row << ": no " << rule << " in lint");
  BOOST_TEST(result.at("accepted").get<bool>() == (row.exit_code == 0), row << ": lint's accepted flag");
}

BOOST_DATA_TEST_CASE(decode_row, boost::unit_test::data::make(kRows), row) {
  const samltest::Run run = run_decode(args(row, {}));
  BOOST_TEST(run.exit_code == 0, row << ": decode exit " << run.exit_code << ", stderr: " << run.err);
  BOOST_TEST(contains(run.out, row.decode_shows), row << ": decode lacks \"" << row.decode_shows << "\":\n" << run.out);
  BOOST_TEST(contains(run.out, row.exit_code == 0 ? "ACCEPTED by saml-verify's checks" : "REJECTED"),
             row << ": decode disagrees with saml-verify:\n" << run.out);
}

// Without trust, decode shows an EncryptedID's NameID (unverified) once given the SP key.
BOOST_AUTO_TEST_CASE(decode_reads_encrypted_id_without_trust) {
  const samltest::Run run = run_decode({"--now", kNow, "--decrypt-key", key("sp-rsa.key"),
                                        fixture("interop/encrypted-id-signed-assertion.xml")});
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(contains(run.out, "UNVERIFIED"), run.out);
  BOOST_TEST(contains(run.out, "NameID        jane.doe@example.com"), run.out);
}

BOOST_AUTO_TEST_CASE(pubkey_and_cert_refuse_each_others_files) {
  const samltest::Run cert_as_key = run_verify({"--pubkey", key("idp-rsa.crt"), "--now", kNow,
                                                fixture("responses/okta-aws-signed-assertion.xml")});
  BOOST_TEST(cert_as_key.exit_code == 2, cert_as_key.err);
  BOOST_TEST(contains(cert_as_key.err, "no PUBLIC KEY block found (a certificate goes to --cert"), cert_as_key.err);
  const samltest::Run key_as_cert = run_verify({"--cert", key("idp-rsa.pub.pem"), "--now", kNow,
                                                fixture("responses/okta-aws-signed-assertion.xml")});
  BOOST_TEST(key_as_cert.exit_code == 2, key_as_cert.err);
  BOOST_TEST(contains(key_as_cert.err, "a bare PUBLIC KEY goes to --pubkey"), key_as_cert.err);
  const samltest::Run private_key = run_lint({"--pubkey", key("idp-rsa.key"), "--now", kNow,
                                              fixture("responses/okta-aws-signed-assertion.xml")});
  BOOST_TEST(private_key.exit_code == 2, private_key.err);
}

// A KeyInfo certificate holding the trusted public key names it: no SIG011 "not the trusted one".
BOOST_AUTO_TEST_CASE(pubkey_recognises_the_keyinfo_certificate_of_its_key) {
  const samltest::Run run = run_verify({"--pubkey", key("idp-rsa.pub.pem"), "--now", kNow, "--json",
                                        fixture("responses/okta-aws-signed-assertion.xml")});
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(!has(rules_of(parse(run).at("findings")), "SIG011"), run.out);
}
