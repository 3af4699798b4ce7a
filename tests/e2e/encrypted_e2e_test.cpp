// saml-verify, saml-decode and saml-lint end to end over fixtures/encrypted/: every
// fixture's verdict through each tool (fixtures/encrypted/README.md), which key decrypted it,
// --decrypt-key rotation, --allow-rsa15, the uniform failure message, what decode shows
// without a key, key configuration errors, and the JSON schemas.
#define BOOST_TEST_MODULE encrypted_e2e
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

std::string encrypted(const std::string& name) { return kFixtures + "/encrypted/" + name; }
std::string key(const std::string& name) { return kFixtures + "/keys/" + name; }

using samltest::run_decode;
using samltest::run_lint;
using samltest::run_verify;

struct Row {
  std::string file;
  std::vector<std::string> keys;        // --decrypt-key files (keys/...)
  bool allow_rsa15;
  int exit_code;                        // saml-verify: 0 accept, 1 reject
  std::vector<std::string> rules;       // rule IDs saml-verify must report
  int lint_exit;                        // saml-lint at --fail-on error
  // Rule IDs saml-lint must report, with repeats; of the encryption rules (kEncryptionRules),
  // exactly these.
  std::vector<std::string> lint_rules;
  std::string decrypted_by;             // the key that decrypts it (keys/...), or empty
};

std::ostream& operator<<(std::ostream& out, const Row& row) {
  out << row.file;
  for (const std::string& k : row.keys) out << " +" << k;
  if (row.allow_rsa15) out << " --allow-rsa15";
  return out;
}

// --cert, --now, the row's keys and --allow-rsa15, then `extra`, then the fixture.
std::vector<std::string> row_args(const Row& row, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"--cert", key("idp-rsa.crt"), "--now", kNow};
  for (const std::string& k : row.keys) args.insert(args.end(), {"--decrypt-key", key(k)});
  if (row.allow_rsa15) args.push_back("--allow-rsa15");
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(encrypted(row.file));
  return args;
}

const std::vector<std::string> kSp = {"sp-rsa.key"};
const std::vector<std::string> kNext = {"sp-rsa-next.key"};
const std::vector<std::string> kBoth = {"sp-rsa.key", "sp-rsa-next.key"};
const std::string kSpKey = "sp-rsa.key";
const std::string kNextKey = "sp-rsa-next.key";
const std::vector<std::string> kEncryptionRules = {"XML005", "XML007", "SIG017", "SIG018",
                                                   "SIG019", "SUB007", "AWS027"};

// fixtures/encrypted/README.md, "Verdicts". With --allow-rsa15 saml-lint reports SIG017 as the
// warning saml-verify reports (as SIG005 with --allow-sha1); SIG018 is info.
const std::vector<Row> kRows = {
    {"oaep-mgf1p-aes128-cbc.xml", kSp, false, 0, {}, 0, {"SIG018"}, kSpKey},
    {"oaep-mgf1p-aes192-cbc.xml", kSp, false, 0, {}, 0, {"SIG018"}, kSpKey},
    {"oaep-mgf1p-aes256-cbc.xml", kSp, false, 0, {}, 0, {"SIG018"}, kSpKey},
    {"oaep-mgf1p-aes128-gcm.xml", kSp, false, 0, {}, 0, {}, kSpKey},
    {"oaep-mgf1p-aes192-gcm.xml", kSp, false, 0, {}, 0, {}, kSpKey},
    {"oaep-mgf1p-aes256-gcm.xml", kSp, false, 0, {}, 0, {}, kSpKey},
    {"oaep11-sha256-mgf1sha256-aes256-gcm.xml", kSp, false, 0, {}, 0, {}, kSpKey},
    {"oaep11-default-aes128-gcm.xml", kSp, false, 0, {}, 0, {}, kSpKey},
    {"sibling-encrypted-key-aes256-gcm.xml", kSp, false, 0, {}, 0, {}, kSpKey},
    {"response-signed-aes256-gcm.xml", kSp, false, 0, {}, 0, {"SIG013"}, kSpKey},
    {"plain-recipient-aes256-gcm.xml", kSp, false, 0, {}, 0, {"SUB007", "SUB007"}, kSpKey},
    // Its ACS URL makes it an Identity Center response: urn:amazon:webservices is not IC's audience.
    {"identity-center-aes256-gcm.xml", kSp, false, 1, {"CND004", "AWS027"}, 1, {"CND004", "AWS027"}, kSpKey},
    {"rotated-next-key-aes256-gcm.xml", kBoth, false, 0, {}, 0, {}, kNextKey},
    {"rotated-next-key-aes256-gcm.xml", kSp, false, 1, {"XML007"}, 1, {"XML007"}, ""},
    {"rsa15-aes256-cbc.xml", kSp, false, 1, {"SIG017"}, 1, {"SIG017", "SIG018"}, ""},
    {"rsa15-aes256-cbc.xml", kSp, true, 0, {"SIG017"}, 0, {"SIG017", "SIG018"}, kSpKey},
    {"unsigned-assertion-aes256-gcm.xml", kSp, false, 1, {"SIG001"}, 1, {"SIG001"}, kSpKey},
    {"tampered-data-aes256-gcm.xml", kSp, false, 1, {"XML007"}, 1, {"XML007"}, ""},
    {"tampered-data-aes256-cbc.xml", kSp, false, 1, {"XML007"}, 1, {"XML007", "SIG018"}, ""},
    {"tampered-key-aes256-gcm.xml", kSp, false, 1, {"XML007"}, 1, {"XML007"}, ""},
    {"oaep-mgf1p-aes256-gcm.xml", kNext, false, 1, {"XML007"}, 1, {"XML007"}, ""},
    {"oaep-mgf1p-aes256-gcm.xml", {}, false, 1, {"XML005"}, 1, {"XML005"}, ""},
    {"tampered-data-aes256-gcm.xml", {}, false, 1, {"XML005"}, 1, {"XML005"}, ""},
    {"rsa15-aes256-cbc.xml", {}, false, 1, {"XML005"}, 1, {"XML005", "SIG017", "SIG018"}, ""},
};

// Every fixture file appears in kRows.
const std::vector<std::string> kFixtureFiles = {
    "identity-center-aes256-gcm.xml", "oaep-mgf1p-aes128-cbc.xml", "oaep-mgf1p-aes128-gcm.xml",
    "oaep-mgf1p-aes192-cbc.xml", "oaep-mgf1p-aes192-gcm.xml", "oaep-mgf1p-aes256-cbc.xml",
    "oaep-mgf1p-aes256-gcm.xml", "oaep11-default-aes128-gcm.xml",
    "oaep11-sha256-mgf1sha256-aes256-gcm.xml", "plain-recipient-aes256-gcm.xml",
    "response-signed-aes256-gcm.xml", "rotated-next-key-aes256-gcm.xml", "rsa15-aes256-cbc.xml",
    "sibling-encrypted-key-aes256-gcm.xml", "tampered-data-aes256-cbc.xml",
    "tampered-data-aes256-gcm.xml", "tampered-key-aes256-gcm.xml",
    "unsigned-assertion-aes256-gcm.xml"};

Json parse_json(const Row& row, const samltest::Run& run) {
  try {
    return Json::parse(run.out);
  } catch (const Json::exception& e) {
    BOOST_FAIL(row << ": stdout is not JSON (" << e.what() << "): " << run.out << run.err);
  }
  return {};
}

std::vector<std::string> rules_of(const Json& findings) {
  std::vector<std::string> rules;
  for (const Json& f : findings) rules.push_back(f.at("rule").get<std::string>());
  return rules;
}

bool contains(const std::vector<std::string>& all, const std::string& rule) {
  return std::find(all.begin(), all.end(), rule) != all.end();
}

// The "encryption" object says which key decrypted it (index in row.keys, file), or why not.
void check_encryption(const Row& row, const Json& encryption, const std::string& tool) {
  BOOST_TEST_REQUIRE(encryption.is_object(), tool << " " << row << ": no encryption object");
  BOOST_TEST(encryption.at("decrypted").get<bool>() == !row.decrypted_by.empty(), tool << " " << row);
  BOOST_TEST(encryption.at("attempted").get<bool>() == !row.keys.empty(), tool << " " << row);
  if (row.decrypted_by.empty()) {
    BOOST_TEST(encryption.at("key").is_null(), tool << " " << row);
    BOOST_TEST(!encryption.at("failure").get<std::string>().empty(), tool << " " << row);
    return;
  }
  const auto at = std::find(row.keys.begin(), row.keys.end(), row.decrypted_by);
  const Json& used = encryption.at("key");
  BOOST_TEST(used.at("index").get<std::size_t>() == static_cast<std::size_t>(at - row.keys.begin()) + 1,
             tool << " " << row << ": " << used.dump());
  BOOST_TEST(used.at("source").get<std::string>() == key(row.decrypted_by), tool << " " << row);
  BOOST_TEST(used.at("public_key_sha256").get<std::string>().size() == 95U, tool << " " << row);
  BOOST_TEST(encryption.at("failure").is_null(), tool << " " << row);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_fixture_has_a_row) {
  for (const std::string& file : kFixtureFiles) {
    BOOST_TEST(std::any_of(kRows.begin(), kRows.end(), [&](const Row& r) { return r.file == file; }),
               file << " has no expected verdict");
  }
}

BOOST_DATA_TEST_CASE(verify_verdicts, boost::unit_test::data::make(kRows), row) {
  const samltest::Run run = run_verify(row_args(row, {"--json"}));
  BOOST_TEST(run.exit_code == row.exit_code, row << ": exit " << run.exit_code << "\n" << run.out << run.err);
  const Json verdict = parse_json(row, run).at("messages").at(0);
  BOOST_TEST(verdict.at("accepted").get<bool>() == (row.exit_code == 0), row);
  const std::vector<std::string> rules = rules_of(verdict.at("findings"));
  for (const std::string& rule : row.rules) {
    BOOST_TEST(contains(rules, rule), row << ": expected " << rule << " in " << verdict.at("findings").dump());
  }
  if (row.exit_code == 0) {
    BOOST_TEST(verdict.at("assertion").at("name_id").get<std::string>() == "jane.doe@example.com", row);
  }
  check_encryption(row, verdict.at("encryption"), "saml-verify");
}

BOOST_DATA_TEST_CASE(decode_verdicts, boost::unit_test::data::make(kRows), row) {
  const samltest::Run run = run_decode(row_args(row, {"--json"}));
  BOOST_TEST(run.exit_code == 0, row << ": exit " << run.exit_code << "\n" << run.err);
  const Json view = parse_json(row, run).at("messages").at(0);
  BOOST_TEST(view.at("accepted").get<bool>() == (row.exit_code == 0), row);
  const std::vector<std::string> rules = rules_of(view.at("verify_findings"));
  for (const std::string& rule : row.rules) {
    BOOST_TEST(contains(rules, rule), row << ": expected " << rule << " in " << view.at("verify_findings").dump());
  }
  check_encryption(row, view.at("encryption"), "saml-decode");
  if (row.decrypted_by.empty()) {
    BOOST_TEST(view.at("assertion").is_null(), row << ": shows an assertion it did not decrypt");
    return;
  }
  // The decrypted content is shown, and marked verified only when a trusted signature covers it.
  const Json& assertion = view.at("assertion");
  BOOST_TEST(assertion.at("name_id").get<std::string>() == "jane.doe@example.com", row);
  BOOST_TEST(assertion.at("verified").get<bool>() == !contains(row.rules, "SIG001"), row);
}

BOOST_DATA_TEST_CASE(lint_verdicts, boost::unit_test::data::make(kRows), row) {
  const samltest::Run run = run_lint(row_args(row, {"--format", "json"}));
  BOOST_TEST(run.exit_code == row.lint_exit, row << ": exit " << run.exit_code << "\n" << run.out << run.err);
  const Json report = parse_json(row, run);
  const Json& result = report.at("messages").at(0);
  std::vector<std::string> rules = rules_of(result.at("findings"));
  for (const std::string& rule : row.lint_rules) {
    const auto found = std::find(rules.begin(), rules.end(), rule);
    BOOST_TEST((found != rules.end()), row << ": expected " << rule << " in " << result.at("findings").dump());
    if (found != rules.end()) rules.erase(found);
  }
  for (const std::string& rule : rules) {
    BOOST_TEST(!contains(kEncryptionRules, rule), row << ": unexpected " << rule << " in "
                                                      << result.at("findings").dump());
  }
  check_encryption(row, result.at("encryption"), "saml-lint");
}

BOOST_AUTO_TEST_CASE(lint_severity_option_lowers_an_allowed_rsa15) {
  const samltest::Run run = run_lint({"--cert", key("idp-rsa.crt"), "--now", kNow, "--decrypt-key",
                                      key("sp-rsa.key"), "--allow-rsa15", "--severity", "SIG017=warning",
                                      encrypted("rsa15-aes256-cbc.xml")});
  BOOST_TEST(run.exit_code == 0, run.out << run.err);
  BOOST_TEST(run.out.find("[SIG017] warning") != std::string::npos, run.out);
}

BOOST_AUTO_TEST_CASE(every_tool_names_the_second_key_of_a_rotation) {
  const std::vector<std::string> keys = {"--cert", key("idp-rsa.crt"), "--now", kNow, "--decrypt-key",
                                         key("sp-rsa.key"), "--decrypt-key", key("sp-rsa-next.key")};
  const auto with = [&](const std::string& file) {
    std::vector<std::string> args = keys;
    args.push_back(encrypted(file));
    return args;
  };
  const std::string named = "with key 2, " + key("sp-rsa-next.key") + " (RSA-2048, public key SHA-256 ";
  const samltest::Run verify = run_verify(with("rotated-next-key-aes256-gcm.xml"));
  const samltest::Run decode = run_decode(with("rotated-next-key-aes256-gcm.xml"));
  const samltest::Run lint = run_lint(with("rotated-next-key-aes256-gcm.xml"));
  BOOST_TEST(verify.exit_code == 0, verify.out << verify.err);
  BOOST_TEST(lint.exit_code == 0, lint.out << lint.err);
  for (const samltest::Run* run : {&verify, &decode, &lint}) {
    BOOST_TEST(run->out.find(named) != std::string::npos, "'" << named << "' not in:\n" << run->out);
  }
  // The same fingerprint in every tool, and not that of the first key.
  const auto fingerprint = [](const std::string& text) {
    const std::string marker = "public key SHA-256 ";
    const std::size_t at = text.find(marker);
    return at == std::string::npos ? std::string() : text.substr(at + marker.size(), 95);
  };
  const samltest::Run first = run_verify(with("oaep-mgf1p-aes256-gcm.xml"));
  BOOST_TEST(first.out.find("with key 1, " + key("sp-rsa.key")) != std::string::npos, first.out);
  BOOST_TEST(fingerprint(verify.out).size() == 95U, verify.out);
  BOOST_TEST(fingerprint(verify.out) == fingerprint(decode.out));
  BOOST_TEST(fingerprint(verify.out) == fingerprint(lint.out));
  BOOST_TEST(fingerprint(verify.out) != fingerprint(first.out), "both keys show the same fingerprint");
}

BOOST_AUTO_TEST_CASE(failure_text_names_only_the_key) {
  // A wrong key and a damaged GCM tag or CBC padding read the same after the key (no
  // decryption oracle), in every tool, with the same exit status.
  const auto args = [](const std::string& key_file, const std::string& file, bool json) {
    std::vector<std::string> a = {"--cert", key("idp-rsa.crt"), "--now", kNow, "--decrypt-key", key(key_file)};
    if (json) a.push_back("--json");
    a.push_back(encrypted(file));
    return a;
  };
  // The reason after the key's description: "(wrong key, ...); it needs ...".
  const auto tail = [](const std::string& text) {
    const std::size_t at = text.find(" (wrong key, ");
    return at == std::string::npos ? std::string() : text.substr(at, text.find_first_of("\n\"", at) - at);
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"sp-rsa-next.key", "oaep-mgf1p-aes256-gcm.xml"},
      {"sp-rsa.key", "tampered-data-aes256-gcm.xml"},
      {"sp-rsa.key", "tampered-key-aes256-gcm.xml"}};
  std::vector<std::string> verify_tails;
  std::vector<std::string> decode_tails;
  for (const auto& [key_file, file] : cases) {
    const samltest::Run verify = run_verify(args(key_file, file, false));
    BOOST_TEST(verify.exit_code == 1, file);
    BOOST_TEST(verify.out.find("could not decrypt the EncryptedAssertion with key(s) " + key(key_file)) !=
                   std::string::npos,
               verify.out);
    verify_tails.push_back(tail(verify.out));
    const samltest::Run decode = run_decode(args(key_file, file, false));
    BOOST_TEST(decode.exit_code == 0, file);
    decode_tails.push_back(tail(decode.out));
    BOOST_TEST(!decode_tails.back().empty(), file << ": " << decode.out);
  }
  BOOST_TEST(!verify_tails.front().empty());
  BOOST_TEST(verify_tails[0] == verify_tails[1], "wrong key and damaged tag differ");
  BOOST_TEST(verify_tails[0] == verify_tails[2], "wrong key and damaged wrapped key differ");
  BOOST_TEST(decode_tails[0] == decode_tails[1], "saml-decode: wrong key and damaged tag differ");
  BOOST_TEST(verify_tails[0] == decode_tails[0], "saml-verify and saml-decode differ");
}

BOOST_AUTO_TEST_CASE(decode_without_a_key_says_what_key_it_needs) {
  const samltest::Run run = run_decode({encrypted("oaep-mgf1p-aes256-gcm.xml")});
  BOOST_TEST(run.exit_code == 0, run.err);
  for (const std::string& expected :
       {std::string("UNVERIFIED"), std::string("EncryptedAssertion"), std::string("aes256-gcm"),
        std::string("bytes of ciphertext"), std::string("rsa-oaep-mgf1p"), std::string("KeyName       sp-rsa"),
        std::string("no decryption key was given (--decrypt-key); it needs"), std::string("KeyName 'sp-rsa'")}) {
    BOOST_TEST(run.out.find(expected) != std::string::npos, "'" << expected << "' not in:\n" << run.out);
  }
  BOOST_TEST(run.out.find("jane.doe") == std::string::npos, "content shown without a key:\n" << run.out);
}

BOOST_AUTO_TEST_CASE(decode_with_a_key_and_no_trust_shows_the_content_unverified) {
  const samltest::Run run = run_decode({"--decrypt-key", key("sp-rsa.key"), encrypted("oaep-mgf1p-aes256-gcm.xml")});
  BOOST_TEST(run.exit_code == 0, run.err);
  for (const std::string& expected :
       {std::string("UNVERIFIED"), std::string("jane.doe@example.com"),
        std::string("with key 1, " + key("sp-rsa.key")), std::string("decryption is not authentication"),
        std::string("covers Assertion")}) {
    BOOST_TEST(run.out.find(expected) != std::string::npos, "'" << expected << "' not in:\n" << run.out);
  }
  BOOST_TEST(run.out.find("[verified]") == std::string::npos, "verified without trust:\n" << run.out);
}

BOOST_AUTO_TEST_CASE(verify_without_a_key_says_what_key_it_needs) {
  const samltest::Run run = run_verify({"--cert", key("idp-rsa.crt"), "--now", kNow,
                                        encrypted("oaep-mgf1p-aes256-gcm.xml")});
  BOOST_TEST(run.exit_code == 1);
  for (const std::string& expected : {std::string("[XML005]"), std::string("aes256-gcm"),
                                      std::string("rsa-oaep-mgf1p"), std::string("KeyName 'sp-rsa'")}) {
    BOOST_TEST(run.out.find(expected) != std::string::npos, "'" << expected << "' not in:\n" << run.out);
  }
}

BOOST_AUTO_TEST_CASE(bad_decrypt_key_is_a_usage_error) {
  for (const std::string& bad : {key("sp-rsa.crt"), key("idp-ec.key"), key("no-such-key.pem")}) {
    const std::vector<std::string> args = {"--cert", key("idp-rsa.crt"), "--now", kNow, "--decrypt-key", bad,
                                           encrypted("oaep-mgf1p-aes256-gcm.xml")};
    const samltest::Run verify = run_verify(args);
    const samltest::Run decode = run_decode(args);
    const samltest::Run lint = run_lint(args);
    BOOST_TEST(verify.exit_code == 2, bad << ": exit " << verify.exit_code << " " << verify.err);
    BOOST_TEST(verify.err.find("saml-verify: ") == 0U, bad << ": " << verify.err);
    BOOST_TEST(decode.exit_code == 2, bad << ": exit " << decode.exit_code << " " << decode.err);
    BOOST_TEST(decode.err.find("saml-decode: ") == 0U, bad << ": " << decode.err);
    BOOST_TEST(lint.exit_code == 2, bad << ": exit " << lint.exit_code << " " << lint.err);
    BOOST_TEST(lint.err.find("saml-lint: ") == 0U, bad << ": " << lint.err);
  }
}

BOOST_AUTO_TEST_CASE(help_lists_the_decryption_options) {
  for (const char* tool : {SAML_VERIFY_PATH, SAML_DECODE_PATH, SAML_LINT_PATH}) {
    const samltest::Run run = samltest::run_tool(tool, {"--help"});
    BOOST_TEST(run.exit_code == 0, tool);
    BOOST_TEST(run.out.find("--decrypt-key PEM") != std::string::npos, tool << ":\n" << run.out);
    BOOST_TEST(run.out.find("--allow-rsa15") != std::string::npos, tool << ":\n" << run.out);
  }
}

#ifdef PYTHON3_PATH
BOOST_AUTO_TEST_CASE(json_with_encryption_validates_against_the_schemas) {
  const std::vector<std::string> common = {"--cert", key("idp-rsa.crt"), "--now", kNow, "--decrypt-key",
                                           key("sp-rsa.key"), "--decrypt-key", key("sp-rsa-next.key"),
                                           encrypted("rotated-next-key-aes256-gcm.xml"),
                                           encrypted("oaep-mgf1p-aes128-cbc.xml")};
  std::vector<std::string> decode_args = common;
  decode_args.push_back("--json");
  std::vector<std::string> lint_args = common;
  lint_args.insert(lint_args.end(), {"--format", "json", encrypted("tampered-key-aes256-gcm.xml")});
  std::vector<std::string> verify_args = common;
  verify_args.insert(verify_args.end() - 2, "--json");
  verify_args.pop_back();  // saml-verify takes one input
  const samltest::TempFile decode_json(run_decode(decode_args).out, ".json");
  const samltest::TempFile lint_json(run_lint(lint_args).out, ".json");
  const samltest::TempFile verify_json(run_verify(verify_args).out, ".json");
  for (const auto& [schema, document] : {std::pair{std::string(DECODE_JSON_SCHEMA), decode_json.path()},
                                         std::pair{std::string(LINT_JSON_SCHEMA), lint_json.path()},
                                         std::pair{std::string(VERIFY_JSON_SCHEMA), verify_json.path()}}) {
    const samltest::Run check = samltest::run_tool(PYTHON3_PATH, {VALIDATE_JSON, schema, document});
    BOOST_TEST(check.exit_code == 0, schema << ": " << check.err);
  }
}
#endif
