// saml-verify end to end over fixtures/encrypted/: every fixture's verdict (exit status and
// the rule IDs of --json), --decrypt-key rotation, --allow-rsa15, the uniform failure
// message, and key configuration errors.
#define BOOST_TEST_MODULE encrypted_e2e
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "run_tool.h"

namespace {

using Json = nlohmann::json;

const std::string kFixtures = SAMLKIT_FIXTURES_DIR;
const std::string kNow = "2024-05-01T12:01:00Z";

std::string encrypted(const std::string& name) { return kFixtures + "/encrypted/" + name; }
std::string key(const std::string& name) { return kFixtures + "/keys/" + name; }

samltest::Run run_verify(const std::vector<std::string>& args) {
  return samltest::run_tool(SAML_VERIFY_PATH, args, "/dev/null");
}

struct Row {
  std::string file;
  std::vector<std::string> keys;   // --decrypt-key files (keys/...)
  int exit_code;                   // 0 accept, 1 reject
  std::vector<std::string> rules;  // rule IDs that must be reported
  bool allow_rsa15 = false;
};

std::ostream& operator<<(std::ostream& out, const Row& row) {
  out << row.file;
  for (const std::string& k : row.keys) out << " +" << k;
  return out;
}

std::vector<std::string> row_args(const Row& row) {
  std::vector<std::string> args = {"--cert", key("idp-rsa.crt"), "--now", kNow, "--json"};
  for (const std::string& k : row.keys) args.insert(args.end(), {"--decrypt-key", key(k)});
  if (row.allow_rsa15) args.push_back("--allow-rsa15");
  args.push_back(encrypted(row.file));
  return args;
}

const std::vector<std::string> kSp = {"sp-rsa.key"};
const std::vector<std::string> kNext = {"sp-rsa-next.key"};
const std::vector<std::string> kBoth = {"sp-rsa.key", "sp-rsa-next.key"};

// fixtures/README.md, "encrypted/": the expected verdicts.
const std::vector<Row> kRows = {
    {"oaep-mgf1p-aes128-cbc.xml", kSp, 0, {}},
    {"oaep-mgf1p-aes192-cbc.xml", kSp, 0, {}},
    {"oaep-mgf1p-aes256-cbc.xml", kSp, 0, {}},
    {"oaep-mgf1p-aes128-gcm.xml", kSp, 0, {}},
    {"oaep-mgf1p-aes192-gcm.xml", kSp, 0, {}},
    {"oaep-mgf1p-aes256-gcm.xml", kSp, 0, {}},
    {"oaep11-sha256-mgf1sha256-aes256-gcm.xml", kSp, 0, {}},
    {"oaep11-default-aes128-gcm.xml", kSp, 0, {}},
    {"sibling-encrypted-key-aes256-gcm.xml", kSp, 0, {}},
    {"response-signed-aes256-gcm.xml", kSp, 0, {}},
    {"plain-recipient-aes256-gcm.xml", kSp, 0, {}},
    {"rotated-next-key-aes256-gcm.xml", kBoth, 0, {}},
    {"rsa15-aes256-cbc.xml", kSp, 0, {"SIG017"}, true},
    {"oaep-mgf1p-aes256-gcm.xml", {}, 1, {"XML005"}},
    {"oaep-mgf1p-aes256-gcm.xml", kNext, 1, {"XML007"}},
    {"rotated-next-key-aes256-gcm.xml", kSp, 1, {"XML007"}},
    {"tampered-data-aes256-gcm.xml", kSp, 1, {"XML007"}},
    {"tampered-data-aes256-cbc.xml", kSp, 1, {"XML007"}},
    {"tampered-key-aes256-gcm.xml", kSp, 1, {"XML007"}},
    {"unsigned-assertion-aes256-gcm.xml", kSp, 1, {"SIG001"}},
    {"rsa15-aes256-cbc.xml", kSp, 1, {"SIG017"}},
    {"identity-center-aes256-gcm.xml", kSp, 1, {"SUB005"}},
};

std::vector<std::string> rules_of(const Json& verdict) {
  std::vector<std::string> rules;
  for (const Json& f : verdict.at("findings")) rules.push_back(f.at("rule").get<std::string>());
  return rules;
}

}  // namespace

BOOST_DATA_TEST_CASE(fixture_verdicts, boost::unit_test::data::make(kRows), row) {
  const samltest::Run run = run_verify(row_args(row));
  BOOST_TEST(run.exit_code == row.exit_code, row << ": exit " << run.exit_code << "\n" << run.out << run.err);
  Json verdict;
  try {
    verdict = Json::parse(run.out);
  } catch (const Json::exception& e) {
    BOOST_FAIL(row << ": stdout is not JSON (" << e.what() << "): " << run.out << run.err);
  }
  BOOST_TEST(verdict.at("accepted").get<bool>() == (row.exit_code == 0), row);
  const std::vector<std::string> rules = rules_of(verdict);
  for (const std::string& rule : row.rules) {
    BOOST_TEST((std::find(rules.begin(), rules.end(), rule) != rules.end()),
               row << ": expected " << rule << " in " << verdict.at("findings").dump());
  }
  if (row.exit_code == 0) {
    BOOST_TEST(verdict.at("assertion").at("name_id").get<std::string>() == "jane.doe@example.com", row);
  }
}

BOOST_AUTO_TEST_CASE(failure_text_names_only_the_key) {
  // The wrong key and a damaged GCM tag print the same reason (no decryption oracle).
  const samltest::Run wrong = run_verify({"--cert", key("idp-rsa.crt"), "--now", kNow, "--decrypt-key",
                                          key("sp-rsa-next.key"), encrypted("oaep-mgf1p-aes256-gcm.xml")});
  const samltest::Run tampered = run_verify({"--cert", key("idp-rsa.crt"), "--now", kNow, "--decrypt-key",
                                             key("sp-rsa-next.key"), encrypted("tampered-data-aes256-gcm.xml")});
  BOOST_TEST(wrong.exit_code == 1);
  BOOST_TEST(tampered.exit_code == 1);
  BOOST_TEST(wrong.out.find("could not decrypt the EncryptedAssertion with key(s) " + key("sp-rsa-next.key")) !=
                 std::string::npos,
             wrong.out);
  const auto reason = [](const std::string& text) {
    const std::size_t at = text.find("[XML007]");
    return at == std::string::npos ? std::string() : text.substr(at, text.find('\n', at) - at);
  };
  BOOST_TEST(!reason(wrong.out).empty(), wrong.out);
  BOOST_TEST(reason(wrong.out) == reason(tampered.out), "wrong key and damaged ciphertext differ");
}

BOOST_AUTO_TEST_CASE(bad_decrypt_key_is_a_usage_error) {
  for (const std::string& bad : {key("sp-rsa.crt"), key("idp-ec.key"), key("no-such-key.pem")}) {
    const samltest::Run run = run_verify({"--cert", key("idp-rsa.crt"), "--now", kNow, "--decrypt-key", bad,
                                          encrypted("oaep-mgf1p-aes256-gcm.xml")});
    BOOST_TEST(run.exit_code == 2, bad << ": exit " << run.exit_code << " " << run.err);
    BOOST_TEST(run.err.find("saml-verify: ") == 0U, bad << ": " << run.err);
  }
}

BOOST_AUTO_TEST_CASE(help_lists_the_decryption_options) {
  const samltest::Run run = run_verify({"--help"});
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.out.find("--decrypt-key PEM") != std::string::npos, run.out);
  BOOST_TEST(run.out.find("--allow-rsa15") != std::string::npos, run.out);
}
