// saml-lint's library side: one row per rule of the table with a fixture that triggers it
// and one that does not (asserted by ID), profiles, configuration, and the four reports.
#define BOOST_TEST_MODULE lint
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "fixtures.h"
#include "saml/capture.h"
#include "saml/lint.h"
#include "saml/trust.h"
#include "saml/xmlenc.h"
#include "saml_support.h"

namespace {

using samltest::has_rule;
using samltest::rule_ids;

using samltest::read_fixture;

constexpr const char* kClean = "responses/okta-aws-signed-assertion.xml";
constexpr const char* kNow = "2024-05-01T12:01:00Z";
constexpr const char* kEncryptedClean = "encrypted/oaep-mgf1p-aes256-gcm.xml";
constexpr const char* kSpKey = "keys/sp-rsa.key";
constexpr const char* kOktaIssuer = "http://www.okta.com/exk1fxcj2k3Lm4NoP5d7";

struct Case {
  const char* rule;
  const char* triggers;     // fixture that must produce the rule
  const char* clean;        // fixture that must not
  const char* now = kNow;   // for the triggering run; the clean run uses kNow
  bool trusted = true;      // false: lint without any trusted key (triggering run only)
  const char* decrypt_key = nullptr;  // SP key for encrypted fixtures (both runs)
  const char* issuer = nullptr;       // --issuer (both runs)
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.rule << " " << c.triggers; }

// Every rule of the table, in table order.
const std::vector<Case> kCases = {
    {"XML001", "responses/doctype.xml", kClean},
    {"XML002", "responses/duplicate-ids.xml", kClean},
    {"XML003", "responses/authn-request.xml", kClean},
    {"XML004", "responses/two-assertions.xml", kClean},
    {"XML005", "responses/encrypted-assertion.xml", kClean},
    {"XML006", "lint/unknown-saml-element.xml", kClean},
    {"XML007", "encrypted/tampered-data-aes256-gcm.xml", kEncryptedClean, kNow, true, kSpKey},
    {"XML008", "lint/repeated-nameid.xml", kClean},
    {"SIG001", "responses/unsigned.xml", kClean},
    {"SIG002", "attacks/signed-assertion-in-evil-advice.xml", kClean},
    {"SIG003", "attacks/reference-uri-empty.xml", kClean},
    {"SIG004", "attacks/transform-xslt.xml", kClean},
    {"SIG005", "responses/okta-aws-rsa-sha1.xml", kClean},
    {"SIG006", "responses/okta-aws-hmac-sha256.xml", kClean},
    {"SIG007", "lint/signature-method-unsupported.xml", kClean},
    {"SIG008", "responses/signed-by-untrusted-key.xml", kClean},
    {"SIG009", "responses/tampered-role.xml", kClean},
    {"SIG010", "attacks/key-retrieval-method.xml", kClean},
    {"SIG011", "attacks/key-two-certs-idp-signed.xml", kClean},
    {"SIG012", kClean, kClean, kNow, false},
    {"SIG013", "responses/okta-aws-signed-response.xml", kClean},
    {"SIG014", "lint/signed-by-expired-cert.xml", "lint/signed-by-expiring-cert.xml"},
    {"SIG015", "lint/signed-by-expiring-cert.xml", "lint/signed-by-expired-cert.xml"},
    {"SIG016", "lint/signed-by-rsa-1024.xml", kClean},
    {"SIG017", "encrypted/rsa15-aes256-cbc.xml", kEncryptedClean, kNow, true, kSpKey},
    {"SIG018", "encrypted/oaep-mgf1p-aes256-cbc.xml", kEncryptedClean, kNow, true, kSpKey},
    {"SIG019", "encrypted/unsupported-data-algorithm.xml", kEncryptedClean, kNow, true, kSpKey},
    {"SIG020", "interop/inclusive-c14n10-signed-assertion.xml", kClean},
    {"SIG021", "interop/encrypted-id-beside-nameid.xml", "interop/encrypted-id-signed-assertion.xml", kNow, true,
     kSpKey},
    {"PRO001", "responses/version-2-1.xml", kClean},
    {"PRO002", "responses/status-responder.xml", kClean},
    {"PRO003", "responses/assertion-no-issuer.xml", kClean},
    {"PRO004", "responses/destination-mismatch.xml", kClean},
    {"PRO005", "lint/response-issuer-differs.xml", kClean},
    {"PRO006", "metadata/issuer-changed.xml", kClean, kNow, true, nullptr, kOktaIssuer},
    {"PRO007", "lint/no-authn-statement.xml", kClean},
    {"SUB001", "responses/no-nameid.xml", kClean},
    {"SUB002", "responses/two-subject-confirmations.xml", kClean},
    {"SUB003", "responses/confirmation-no-notonorafter.xml", kClean},
    {"SUB004", "responses/confirmation-no-recipient.xml", kClean},
    {"SUB005", "responses/wrong-recipient.xml", kClean},
    {"SUB006", kClean, kClean, "2024-05-01T12:06:00Z"},
    {"SUB007", "encrypted/plain-recipient-aes256-gcm.xml", kEncryptedClean, kNow, true, kSpKey},
    {"SUB008", "lint/confirmation-not-yet-valid.xml", kClean},
    {"CND001", kClean, kClean, "2024-05-01T11:50:00Z"},
    {"CND002", kClean, kClean, "2024-05-01T12:06:00Z"},
    {"CND003", "responses/no-audience-restriction.xml", kClean},
    {"CND004", "responses/wrong-audience.xml", kClean},
    {"CND005", kClean, kClean, "2024-05-01T13:01:00Z"},
    {"CND006", "responses/bad-time-value.xml", kClean},
    {"CND007", "lint/unknown-condition.xml", kClean},
    {"AWS001", "responses/no-role-attribute.xml", kClean},
    {"AWS002", "responses/role-single-arn.xml", kClean},
    {"AWS003", "responses/role-invalid-account.xml", kClean},
    {"AWS004", "responses/provider-invalid-name.xml", kClean},
    {"AWS005", "responses/role-partition-mismatch.xml", kClean},
    {"AWS006", "responses/okta-aws-cross-account-role.xml", kClean},
    {"AWS007", "responses/okta-aws-role-whitespace.xml", kClean},
    {"AWS008", "responses/no-role-session-name.xml", kClean},
    {"AWS009", "responses/role-session-name-invalid.xml", kClean},
    {"AWS010", "responses/session-duration-too-long.xml", kClean},
    {"AWS011", "responses/large-over-aws-limit.xml", kClean},
    {"AWS012", "lint/partition-govcloud-role-aws-endpoint.xml", "responses/okta-aws-govcloud.xml"},
    {"AWS013", "responses/okta-aws-regional-recipient.xml", kClean},
    {"AWS014", "lint/duplicate-role-values.xml", kClean},
    {"AWS015", "lint/session-duration-7200.xml", kClean},
    {"AWS016", "lint/tag-two-values.xml", "lint/tags-valid.xml"},
    {"AWS017", "lint/tags-51.xml", "lint/tags-valid.xml"},
    {"AWS018", "lint/tag-key-invalid.xml", "lint/tags-valid.xml"},
    {"AWS019", "lint/tag-value-invalid.xml", "lint/tags-valid.xml"},
    {"AWS020", "lint/tag-key-aws-prefix.xml", "lint/tags-valid.xml"},
    {"AWS021", "lint/tag-keys-case-duplicate.xml", "lint/tags-valid.xml"},
    {"AWS022", "lint/transitive-tag-key-absent.xml", "lint/tags-valid.xml"},
    {"AWS023", "lint/source-identity-invalid.xml", "lint/tags-valid.xml"},
    {"AWS024", "lint/source-identity-aws-prefix.xml", "lint/tags-valid.xml"},
    {"AWS025", "lint/identity-center-nameid-not-email.xml", "lint/identity-center.xml"},
    {"AWS026", "lint/identity-center-with-roles.xml", "lint/identity-center.xml"},
    {"AWS027", "encrypted/identity-center-aes256-gcm.xml", kEncryptedClean, kNow, true, kSpKey},
    {"AWS028", "lint/identity-center.xml", kClean},
    {"HYG001", kClean, kClean, "2024-05-01T12:05:01Z"},
    {"HYG002", "lint/issue-instant-future.xml", kClean},
    {"HYG003", "lint/lifetime-ten-minutes.xml", kClean},
    {"HYG004", "lint/session-ends-before-duration.xml", kClean},
    {"HYG005", "lint/nameid-format-x509.xml", kClean},
};

// Areas whose rules other tests pair with fixtures: lint_metadata_test.cpp (IdP metadata,
// baseline drift) and iam_test.cpp (the AWS side, which needs IAM/Okta/Identity Center inputs).
const std::set<std::string> kAreasTestedByMetadataLint = {"MET", "DRF"};
const std::set<std::string> kAreasTestedByIamTest = {"IAM", "OKT"};

saml::TrustStore trusted_keys() {
  saml::TrustStore trust;
  for (const char* cert : {"keys/idp-rsa.crt", "lint/keys/expired-rsa.crt",
                           "lint/keys/expiring-rsa.crt", "lint/keys/short-rsa.crt"}) {
    auto added = trust.add_pem_certificates(read_fixture(cert), cert);
    BOOST_REQUIRE_MESSAGE(added, std::string("cannot load ") + cert);
  }
  return trust;
}

saml::LintOptions options_at(const char* now, std::optional<saml::Profile> profile = {}) {
  saml::LintOptions options;
  auto parsed = saml::parse_xs_datetime(now);
  BOOST_REQUIRE(parsed);
  options.policy.now = *parsed;
  options.policy.cert_now = *parsed;
  options.policy.profile = profile;
  return options;
}

// `options` with the SP decryption keys read from fixtures.
saml::LintOptions with_keys(saml::LintOptions options, const std::vector<std::string>& keys,
                            bool allow_rsa15 = false) {
  auto decryption = std::make_shared<saml::DecryptionKeys>();
  for (const std::string& key : keys) {
    auto added = decryption->add_pem_private_key(read_fixture(key), key);
    BOOST_REQUIRE_MESSAGE(added, "cannot load " + key);
  }
  options.policy.decryption_keys = std::move(decryption);
  options.policy.allow_rsa15 = allow_rsa15;
  return options;
}

saml::LintOptions case_options(const Case& c, const char* now) {
  saml::LintOptions options = c.decrypt_key ? with_keys(options_at(now), {c.decrypt_key}) : options_at(now);
  if (c.issuer != nullptr) options.policy.issuers = {c.issuer};
  return options;
}

saml::LintResult lint(const std::string& fixture, const saml::LintOptions& options,
                      bool trusted = true) {
  auto captures = saml::decode_capture(read_fixture(fixture), fixture);
  BOOST_REQUIRE_MESSAGE(captures && captures->size() == 1, fixture + ": does not decode");
  const saml::TrustStore trust = trusted ? trusted_keys() : saml::TrustStore{};
  auto result = saml::lint_capture(captures->front(), trust, options);
  BOOST_REQUIRE_MESSAGE(result, fixture + ": lint failed: " + (result ? "" : result.error().message));
  return std::move(*result);
}


bool not_applicable(const saml::LintResult& result, std::string_view id) {
  return std::find(result.not_applicable.begin(), result.not_applicable.end(), id) !=
         result.not_applicable.end();
}


}  // namespace

BOOST_DATA_TEST_CASE(each_rule_triggers_and_stays_quiet, boost::unit_test::data::make(kCases), c) {
  const saml::LintResult triggered = lint(c.triggers, case_options(c, c.now), c.trusted);
  BOOST_TEST(has_rule(triggered.findings, c.rule), c.rule << " not reported for " << c.triggers << " (found: "
                                            << rule_ids(triggered.findings) << ")");
  const saml::LintResult clean = lint(c.clean, case_options(c, kNow));
  BOOST_TEST(!has_rule(clean.findings, c.rule), c.rule << " reported for " << c.clean << ": " << rule_ids(clean.findings));
}

BOOST_AUTO_TEST_CASE(every_rule_of_the_table_has_a_case) {
  BOOST_TEST(saml::all_rules().size() >= 45u);
  std::set<std::string> seen;
  for (const Case& c : kCases) {
    BOOST_TEST(saml::find_rule(c.rule) != nullptr, c.rule << " is not in the rule table");
    BOOST_TEST(seen.insert(c.rule).second, c.rule << " has two cases");
  }
  for (const saml::Rule& rule : saml::all_rules()) {
    const std::string id(rule.id);
    BOOST_TEST((seen.count(id) == 1 || kAreasTestedByMetadataLint.count(id.substr(0, 3)) == 1 ||
                kAreasTestedByIamTest.count(id.substr(0, 3)) == 1),
               id << " has no triggering fixture in kCases");
  }
}

BOOST_AUTO_TEST_CASE(rule_ids_are_unique_and_well_formed) {
  std::set<std::string_view> ids;
  for (const saml::Rule& rule : saml::all_rules()) {
    BOOST_TEST(ids.insert(rule.id).second, rule.id << " appears twice in the table");
    BOOST_TEST(rule.id.size() == 6u, rule.id << " is not area + 3 digits");
    BOOST_TEST(!rule.title.empty(), rule.id << " has no title");
    BOOST_TEST(!rule.fix.empty(), rule.id << " has no fix");
    BOOST_TEST(rule.reference.substr(0, 8) == "https://", rule.id << " has no https reference");
  }
}

BOOST_AUTO_TEST_CASE(clean_response_has_no_findings_and_says_its_profile) {
  const saml::LintResult result = lint(kClean, options_at(kNow));
  BOOST_TEST(result.findings.empty(), "clean fixture: " << rule_ids(result.findings));
  BOOST_TEST(result.accepted);
  BOOST_TEST((result.profile == saml::Profile::Aws));
  BOOST_TEST(result.profile_reason.find("urn:amazon:webservices") != std::string::npos,
             result.profile_reason);
  BOOST_TEST(not_applicable(result, "AWS025"), "an Identity Center rule applied under aws");
  BOOST_TEST(not_applicable(result, "AWS016"), "tag rules applied without tags");
  BOOST_TEST(!not_applicable(result, "SIG013"), "SIG013 must have been checked");
}

BOOST_AUTO_TEST_CASE(no_trusted_key_reports_sig012_instead_of_the_trust_rules) {
  const saml::LintResult result = lint(kClean, options_at(kNow), false);
  BOOST_TEST(has_rule(result.findings, "SIG012"));
  BOOST_TEST(!has_rule(result.findings, "SIG001"), rule_ids(result.findings));
  BOOST_TEST(!has_rule(result.findings, "SIG008"), rule_ids(result.findings));
  BOOST_TEST(not_applicable(result, "SUB001"), "content rules must not apply unverified");
}

BOOST_AUTO_TEST_CASE(profiles_are_detected_and_change_the_rules) {
  const saml::LintResult idc = lint("lint/identity-center.xml", options_at(kNow));
  BOOST_TEST((idc.profile == saml::Profile::AwsIdentityCenter));
  BOOST_TEST(rule_ids(idc.findings) == "AWS028 ", "identity center, nothing pinned: " << rule_ids(idc.findings));
  saml::LintOptions pinned = options_at(kNow);
  pinned.policy.audiences = {"https://us-east-1.signin.aws/platform/saml/d-9067c2a3b1"};
  pinned.policy.recipients = {"https://us-east-1.signin.aws/platform/saml/acs/3f1e2d4c-5b6a-4789-8abc-def012345678"};
  BOOST_TEST(lint("lint/identity-center.xml", pinned).findings.empty(), "identity center, pinned");
  BOOST_TEST(not_applicable(idc, "AWS001"), "Role rules must not apply to Identity Center");

  // Nothing identifies the service provider: the AWS profile applies, and says why.
  const saml::LintResult unknown_sp = lint("lint/generic-sp.xml", options_at(kNow));
  BOOST_TEST((unknown_sp.profile == saml::Profile::Aws));
  BOOST_TEST(unknown_sp.profile_reason.rfind("default:", 0) == 0, unknown_sp.profile_reason);
  BOOST_TEST(has_rule(unknown_sp.findings, "CND004"), "not an AWS audience: " << rule_ids(unknown_sp.findings));
  const saml::LintResult generic = lint("lint/generic-sp.xml", options_at(kNow, saml::Profile::Generic));
  BOOST_TEST(generic.findings.empty(), "generic: " << rule_ids(generic.findings));

  saml::LintOptions wrong = options_at(kNow);
  wrong.policy.audiences = {"https://other.example.com"};
  BOOST_TEST(has_rule(lint("lint/generic-sp.xml", wrong).findings, "CND004"), "--audience is checked in generic");

  const saml::LintResult forced =
      lint("lint/duplicate-role-values.xml", options_at(kNow, saml::Profile::Generic));
  BOOST_TEST(forced.profile_reason == "given: --profile generic");
  BOOST_TEST(!has_rule(forced.findings, "AWS014"), "AWS rules must not run under --profile generic");
}

BOOST_AUTO_TEST_CASE(encryption_rules_apply_only_to_encrypted_assertions) {
  const saml::LintResult plain = lint(kClean, with_keys(options_at(kNow), {kSpKey}));
  for (const char* id : {"SIG017", "SIG018", "SUB007", "AWS027"}) {
    BOOST_TEST(not_applicable(plain, id), id << " applied to a plaintext assertion");
  }
  BOOST_TEST(!plain.encryption.has_value());

  const saml::LintResult clean = lint(kEncryptedClean, with_keys(options_at(kNow), {kSpKey}));
  BOOST_TEST(clean.accepted, "encrypted clean fixture: " << rule_ids(clean.findings));
  for (const char* id : {"SIG017", "SIG018", "SUB007", "AWS027"}) {
    BOOST_TEST(!not_applicable(clean, id), id << " must have been checked");
    BOOST_TEST(!has_rule(clean.findings, id), id << " reported for the encrypted clean fixture");
  }
}

BOOST_AUTO_TEST_CASE(lint_reports_the_key_that_decrypted) {
  const saml::LintResult rotated = lint("encrypted/rotated-next-key-aes256-gcm.xml",
                                        with_keys(options_at(kNow), {kSpKey, "keys/sp-rsa-next.key"}));
  BOOST_TEST_REQUIRE(rotated.encryption.has_value());
  BOOST_TEST(rotated.encryption->decrypted);
  BOOST_TEST(rotated.encryption->key.index == 1u, "the second key decrypted it");
  BOOST_TEST(rotated.encryption->key.source == "keys/sp-rsa-next.key");
  BOOST_TEST(rotated.encryption->key.fingerprint.size() == 95u, rotated.encryption->key.fingerprint);
  BOOST_TEST(rotated.accepted, "rotated: " << rule_ids(rotated.findings));
}

BOOST_AUTO_TEST_CASE(rsa15_is_reported_with_and_without_a_key) {
  const char* fixture = "encrypted/rsa15-aes256-cbc.xml";
  const saml::LintResult no_key = lint(fixture, options_at(kNow));
  BOOST_TEST(has_rule(no_key.findings, "SIG017"), "without a key: " << rule_ids(no_key.findings));
  BOOST_TEST(has_rule(no_key.findings, "XML005"), "without a key: " << rule_ids(no_key.findings));
  const saml::LintResult allowed = lint(fixture, with_keys(options_at(kNow), {kSpKey}, true));
  BOOST_TEST(allowed.accepted, "--allow-rsa15 decrypts: " << rule_ids(allowed.findings));
  BOOST_TEST(std::count_if(allowed.findings.begin(), allowed.findings.end(),
                           [](const saml::Finding& f) { return f.rule_id == "SIG017"; }) == 1,
             "SIG017 once: " << rule_ids(allowed.findings));
  BOOST_TEST(has_rule(allowed.findings, "SIG018"), "aes256-cbc: " << rule_ids(allowed.findings));
}

BOOST_AUTO_TEST_CASE(profile_names_round_trip) {
  for (saml::Profile p : {saml::Profile::Aws, saml::Profile::AwsIdentityCenter, saml::Profile::Generic}) {
    BOOST_TEST((saml::parse_profile(saml::profile_name(p)) == p), saml::profile_name(p));
  }
  BOOST_TEST(!saml::parse_profile("AWS").has_value());
}

BOOST_AUTO_TEST_CASE(config_disables_overrides_and_sets_the_failing_level) {
  saml::LintResult result = lint("lint/duplicate-role-values.xml", options_at(kNow));
  saml::LintConfig config;
  BOOST_TEST(!saml::lint_fails(config, result), "a warning must not fail at --fail-on error");
  config.fail_on = saml::Severity::Warning;
  BOOST_TEST(saml::lint_fails(config, result), "a warning must fail at --fail-on warning");

  saml::LintConfig severity;
  severity.severities["AWS014"] = saml::Severity::Error;
  saml::LintResult raised = result;
  saml::apply_lint_config(severity, raised);
  BOOST_TEST(saml::lint_fails(severity, raised), "--severity AWS014=error must fail");

  saml::LintConfig off;
  off.enabled["AWS014"] = false;
  saml::apply_lint_config(off, result);
  BOOST_TEST(!has_rule(result.findings, "AWS014"), "--disable AWS014 must drop it");
}

namespace {

std::vector<saml::LintEntry> sample_entries() {
  std::vector<saml::LintEntry> entries;
  for (const char* fixture : {"lint/duplicate-role-values.xml", "responses/unsigned.xml"}) {
    saml::LintEntry entry;
    entry.source = std::string("fixtures/") + fixture;
    entry.format = saml::CaptureFormat::RawXml;
    entry.result = lint(fixture, options_at(kNow));
    entries.push_back(std::move(entry));
  }
  saml::LintEntry unreadable;
  unreadable.source = "missing.b64";
  unreadable.error = saml::Error{saml::ErrorKind::Decode, saml::ErrorCode::InputOpen, "cannot open missing.b64", {}};
  entries.push_back(std::move(unreadable));
  return entries;
}

}  // namespace

BOOST_AUTO_TEST_CASE(json_report_has_the_documented_shape) {
  const auto json = nlohmann::json::parse(saml::lint_to_json(sample_entries(), {}));
  BOOST_TEST(json["schema"] == "samlkit.lint/2");
  BOOST_REQUIRE(json["messages"].size() == 3u);
  BOOST_TEST(json["messages"][0]["findings"][0]["rule"] == "AWS014");
  BOOST_TEST(json["messages"][1]["failed"] == true);
  BOOST_TEST(json["messages"][2]["error"]["message"] == "cannot open missing.b64");
  BOOST_TEST(json["messages"][2]["error"]["code"] == "input.open", "the error code's stable name");
  BOOST_TEST(json["summary"]["unreadable"] == 1);
  BOOST_TEST(json["summary"]["failing"] == 1);
}

// The SARIF 2.1.0 properties GitHub code scanning requires, checked one by one.
BOOST_AUTO_TEST_CASE(sarif_report_has_the_required_fields) {
  const auto sarif = nlohmann::json::parse(saml::lint_to_sarif(sample_entries(), {}));
  BOOST_TEST(sarif["version"] == "2.1.0");
  BOOST_TEST(sarif["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
  BOOST_REQUIRE(sarif["runs"].size() == 1u);
  const auto& run = sarif["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  BOOST_TEST(run["tool"]["driver"]["name"] == "saml-lint");
  BOOST_TEST(rules.size() == saml::all_rules().size());
  for (const auto& rule : rules) {
    BOOST_TEST(rule["id"].is_string());
    BOOST_TEST(rule["shortDescription"]["text"].is_string(), rule["id"]);
    BOOST_TEST(rule["help"]["text"].is_string(), rule["id"]);
  }
  BOOST_REQUIRE(!run["results"].empty());
  for (const auto& result : run["results"]) {
    const std::size_t index = result["ruleIndex"].get<std::size_t>();
    BOOST_REQUIRE(index < rules.size());
    BOOST_TEST(rules[index]["id"] == result["ruleId"], "ruleIndex points at another rule");
    BOOST_TEST(result["message"]["text"].is_string());
    const std::string level = result["level"].get<std::string>();
    BOOST_TEST((level == "error" || level == "warning" || level == "note"), level);
    const auto& physical = result["locations"][0]["physicalLocation"];
    BOOST_TEST(physical["artifactLocation"]["uri"].get<std::string>().rfind("fixtures/", 0) == 0u);
    BOOST_TEST(physical["region"]["startLine"].get<int>() >= 1);
  }
  BOOST_TEST(run["invocations"][0]["executionSuccessful"] == false, "an input was unreadable");
}

BOOST_AUTO_TEST_CASE(junit_report_has_a_testcase_per_rule_and_message) {
  const std::string xml = saml::lint_to_junit(sample_entries(), {});
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "junit.xml", nullptr, XML_PARSE_NONET),
      &xmlFreeDoc);
  BOOST_REQUIRE_MESSAGE(doc, "JUnit output is not well-formed XML");
  int suites = 0;
  int cases = 0;
  int failures = 0;
  for (xmlNode* suite = xmlDocGetRootElement(doc.get())->children; suite; suite = suite->next) {
    if (suite->type != XML_ELEMENT_NODE) continue;
    ++suites;
    for (xmlNode* test = suite->children; test; test = test->next) {
      if (test->type != XML_ELEMENT_NODE || xmlStrcmp(test->name, BAD_CAST "testcase") != 0) continue;
      ++cases;
      for (xmlNode* child = test->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE && xmlStrcmp(child->name, BAD_CAST "failure") == 0) ++failures;
      }
    }
  }
  BOOST_TEST(suites == 3);
  BOOST_TEST(cases == static_cast<int>(2 * saml::all_rules().size() + 1));
  BOOST_TEST(failures == 1, "unsigned.xml fails SIG001 only at --fail-on error");
}

BOOST_AUTO_TEST_CASE(text_report_ends_with_a_summary) {
  const std::string text = saml::lint_to_text(sample_entries(), {});
  BOOST_TEST(text.find("[AWS014] warning") != std::string::npos, text);
  BOOST_TEST(text.find("summary: 2 messages linted") != std::string::npos, text);
  BOOST_TEST(text.find("1 unreadable input") != std::string::npos, text);
}

namespace {

struct ReportFormat {
  saml::LintReportFormat format;
  const char* name;
  std::string (*whole)(const std::vector<saml::LintEntry>&, const saml::LintReportOptions&);
};

const std::vector<ReportFormat> kReportFormats = {
    {saml::LintReportFormat::Text, "text", &saml::lint_to_text},
    {saml::LintReportFormat::Json, "json", &saml::lint_to_json},
    {saml::LintReportFormat::Sarif, "sarif", &saml::lint_to_sarif},
    {saml::LintReportFormat::Junit, "junit", &saml::lint_to_junit},
};

std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> parse_xml(const std::string& xml) {
  return {xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "report.xml", nullptr, XML_PARSE_NONET),
          &xmlFreeDoc};
}

}  // namespace

// Each entry's part of the report comes out as the entry passes (SARIF holds back only the
// notifications of unreadable inputs), and the parts joined are the whole report.
BOOST_AUTO_TEST_CASE(report_writers_stream_entry_by_entry) {
  const std::vector<saml::LintEntry> entries = sample_entries();
  saml::LintReportOptions options;
  options.now = kNow;
  for (const ReportFormat& report : kReportFormats) {
    const auto writer = saml::make_lint_report_writer(report.format, options);
    std::string streamed = writer->begin();
    for (const saml::LintEntry& entry : entries) {
      const std::string piece = writer->entry(entry);
      streamed += piece;
      if (report.format == saml::LintReportFormat::Sarif && !entry.result) continue;
      BOOST_TEST(piece.find(entry.source) != std::string::npos,
                 report.name << ": the piece written for " << entry.source << " lacks it: " << piece);
    }
    streamed += writer->end();
    BOOST_TEST((streamed == report.whole(entries, options)),
               report.name << ": streamed report differs from the whole report");
  }
}

// The JSON reports, written in pieces, read exactly as nlohmann prints the same document.
BOOST_AUTO_TEST_CASE(streamed_json_reports_read_as_nlohmann_prints_them) {
  const std::vector<saml::LintEntry> sample = sample_entries();
  const std::vector<saml::LintEntry> none;
  for (const std::vector<saml::LintEntry>* entries : {&sample, &none}) {
    for (const ReportFormat& report : {kReportFormats[1], kReportFormats[2]}) {  // JSON, SARIF
      const std::string text = report.whole(*entries, {});
      const std::string printed = nlohmann::ordered_json::parse(text).dump(2) + "\n";
      BOOST_TEST((text == printed), report.name << " of " << entries->size() << " entries:\n" << text);
    }
  }
}

BOOST_AUTO_TEST_CASE(reports_of_no_entries_are_valid_documents) {
  const std::vector<saml::LintEntry> none;
  const auto json = nlohmann::json::parse(saml::lint_to_json(none, {}));
  BOOST_TEST(json["messages"].is_array(), "JSON messages of no entries: " << json);
  BOOST_TEST(json["messages"].empty(), "JSON messages of no entries: " << json);
  BOOST_TEST(json["summary"]["messages"] == 0, "JSON summary of no entries: " << json);

  const auto sarif = nlohmann::json::parse(saml::lint_to_sarif(none, {}));
  const auto& run = sarif["runs"][0];
  BOOST_TEST(run["results"].is_array(), "SARIF results of no entries: " << run["results"]);
  BOOST_TEST(run["results"].empty(), "SARIF results of no entries: " << run["results"]);
  BOOST_TEST(run["tool"]["driver"]["rules"].size() == saml::all_rules().size(),
             "SARIF rules of no entries");
  BOOST_TEST(run["invocations"][0]["executionSuccessful"] == true, "SARIF invocation of no entries");

  const std::string junit = saml::lint_to_junit(none, {});
  const auto doc = parse_xml(junit);
  BOOST_REQUIRE_MESSAGE(doc, "JUnit of no entries is not well-formed: " << junit);
  xmlNode* root = xmlDocGetRootElement(doc.get());
  BOOST_TEST(xmlStrcmp(root->name, BAD_CAST "testsuites") == 0, "JUnit root of no entries: " << junit);
  BOOST_TEST(xmlFirstElementChild(root) == nullptr, "JUnit of no entries has a suite: " << junit);
}

BOOST_AUTO_TEST_CASE(docs_rules_md_is_generated_from_the_table) {
  const std::string committed = read_fixture("../docs/rules.md");
  BOOST_TEST(committed == saml::rules_to_markdown(),
             "docs/rules.md is stale: run saml-lint --list-rules --format markdown > docs/rules.md");
}

BOOST_AUTO_TEST_CASE(explain_names_severity_fix_and_reference) {
  const std::string text = saml::explain_rule(*saml::find_rule("AWS013"));
  BOOST_TEST(text.find("AWS013: Regional Recipient") == 0u, text);
  BOOST_TEST(text.find("severity: warning") != std::string::npos, text);
  BOOST_TEST(text.find("reference: https://") != std::string::npos, text);
}
