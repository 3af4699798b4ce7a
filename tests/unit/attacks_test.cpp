// The named attack regression suite: every file in fixtures/attacks/ (see its README.md)
// through the whole pipeline, plus the oversized and deep inputs made at run time.
#define BOOST_TEST_MODULE attacks
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "fixtures.h"
#include "saml/capture.h"
#include "saml/dsig.h"
#include "saml/verify.h"

using samltest::read_fixture;

namespace {

constexpr const char* kAttacker = "admin@attacker.test";
constexpr const char* kNameId = "jane.doe@example.com";

enum class Expect {
  Reject,       // a verdict that refuses, with every listed rule among the findings
  Accept,       // the attack is harmless here: accepted, the listed values read whole
  DecodeError,  // verify_capture (or decode_capture) returns an Error with the listed code
};

struct AttackCase {
  const char* file;  // in fixtures/attacks/
  Expect expect;
  std::vector<std::string> rules;  // Reject: rule IDs; DecodeError: one error code
  // Accept: values that must be read exactly (empty = not checked).
  std::string name_id = {};
  std::string role_arn = {};
  std::string session_name = {};
};

const std::vector<AttackCase>& wrapping_cases() {
  static const std::vector<AttackCase> cases = {
      {"xsw1-response-copy-in-signature.xml", Expect::Reject, {"SIG003", "XML004"}},
      {"xsw2-response-copy-before-signature.xml", Expect::Reject, {"SIG003", "XML004"}},
      {"xsw3-evil-assertion-before-signed.xml", Expect::Reject, {"XML004"}},
      {"xsw4-signed-assertion-inside-evil.xml", Expect::Reject, {"XML004", "SIG002"}},
      {"xsw5-evil-in-place-copy-appended.xml", Expect::Reject, {"XML004", "SIG003"}},
      {"xsw6-evil-in-place-copy-in-signature.xml", Expect::Reject, {"XML004", "SIG003"}},
      {"xsw7-evil-copy-in-extensions.xml", Expect::Reject, {"XML002", "XML004", "SIG003"}},
      {"xsw8-evil-in-place-copy-in-object.xml", Expect::Reject, {"XML002", "XML004", "SIG003"}},
      {"copied-signed-assertion-beside-evil.xml", Expect::Reject, {"XML004"}},
      {"two-assertions-one-signed-cve-2022-41912.xml", Expect::Reject, {"XML004"}},
      {"signed-assertion-in-evil-advice.xml", Expect::Reject, {"XML004", "SIG002"}},
  };
  return cases;
}

const std::vector<AttackCase>& splitting_cases() {
  const std::string whole = std::string(kNameId) + ".attacker.test";
  static const std::vector<AttackCase> cases = {
      {"comment-in-nameid-cve-2017-11427.xml", Expect::Accept, {}, whole},
      {"comment-in-role-cve-2017-11427.xml", Expect::Accept, {}, kNameId,
       "arn:aws:iam::123456789012:role/Okta-Admin-Sandbox"},
      {"comment-in-role-session-name-cve-2017-11427.xml", Expect::Accept, {}, kNameId, "", whole},
      {"cdata-split-in-nameid.xml", Expect::Accept, {}, whole},
      {"pi-signed-inside-nameid.xml", Expect::Accept, {}, whole},
      {"pi-inserted-into-nameid-after-signing.xml", Expect::Reject, {"SIG009", "SIG001"}},
  };
  return cases;
}

const std::vector<AttackCase>& stripping_cases() {
  static const std::vector<AttackCase> cases = {
      {"strip-assertion-signature.xml", Expect::Reject, {"SIG001"}},
      {"strip-response-signature.xml", Expect::Reject, {"SIG001"}},
      {"strip-both-signature.xml", Expect::Reject, {"SIG001"}},
      {"signature-without-signedinfo.xml", Expect::Reject, {"SIG003", "SIG001"}},
      {"reference-uri-empty.xml", Expect::Reject, {"SIG003", "SIG001"}},
      {"reference-to-other-element.xml", Expect::Reject, {"SIG003", "SIG001"}},
      {"two-references.xml", Expect::Reject, {"SIG003", "SIG001"}},
  };
  return cases;
}

const std::vector<AttackCase>& key_cases() {
  static const std::vector<AttackCase> cases = {
      {"key-untrusted-cert-in-keyinfo.xml", Expect::Reject, {"SIG008", "SIG011", "SIG001"}},
      {"key-keyvalue-only.xml", Expect::Reject, {"SIG009", "SIG001"}},
      {"key-retrieval-method.xml", Expect::Reject, {"SIG010", "SIG001"}},
      {"key-keyinfo-reference.xml", Expect::Reject, {"SIG010", "SIG001"}},
      {"key-two-certs-attacker-signed.xml", Expect::Reject, {"SIG008", "SIG011", "SIG001"}},
      {"key-two-certs-idp-signed.xml", Expect::Accept, {"SIG011"}, kNameId},
  };
  return cases;
}

const std::vector<AttackCase>& transform_cases() {
  static const std::vector<AttackCase> cases = {
      {"transform-xpath.xml", Expect::Reject, {"SIG004", "SIG001"}},
      {"transform-xpath-filter2.xml", Expect::Reject, {"SIG004", "SIG001"}},
      {"transform-xslt.xml", Expect::Reject, {"SIG004", "SIG001"}},
      {"transform-base64.xml", Expect::Reject, {"SIG004", "SIG001"}},
      {"transform-c14n-with-comments.xml", Expect::Reject, {"SIG004", "SIG001"}},
      {"transform-three-transforms.xml", Expect::Reject, {"SIG004", "SIG001"}},
      {"hmac-sha1-signature.xml", Expect::Reject, {"SIG006", "SIG001"}},
      {"hmac-output-length-cve-2009-0217.xml", Expect::Reject, {"SIG006", "SIG001"}},
  };
  return cases;
}

const std::vector<AttackCase>& id_cases() {
  static const std::vector<AttackCase> cases = {
      {"id-duplicate-response-and-assertion.xml", Expect::Reject, {"XML002", "SIG003", "SIG001"}},
      {"id-on-foreign-element.xml", Expect::Reject, {"SIG003", "SIG001"}},
      {"id-lookalike-Id.xml", Expect::Reject, {"SIG003", "SIG001"}},
      {"id-lookalike-id.xml", Expect::Reject, {"SIG003", "SIG001"}},
      {"id-lookalike-wsu-Id.xml", Expect::Reject, {"SIG003", "SIG001"}},
      {"id-lookalike-xml-id.xml", Expect::Reject, {"XML002", "SIG003", "SIG001"}},
      {"ns-prefix-rebound-after-signing.xml", Expect::Reject, {"SIG009", "SIG001"}},
      {"ns-default-namespace-after-signing.xml", Expect::Reject, {"SIG009", "SIG001"}},
      {"ns-redundant-redeclaration.xml", Expect::Accept, {}, kNameId},
  };
  return cases;
}

const std::vector<AttackCase>& xml_safety_cases() {
  static const std::vector<AttackCase> cases = {
      {"dtd-internal-subset-id-attlist.xml", Expect::Reject, {"XML001"}},
      {"xxe-external-entity-file.xml", Expect::Reject, {"XML001"}},
      {"xxe-external-entity-url.xml", Expect::Reject, {"XML001"}},
      {"xxe-external-dtd.xml", Expect::Reject, {"XML001"}},
      {"billion-laughs.xml", Expect::Reject, {"XML001"}},
      {"quadratic-blowup.xml", Expect::Reject, {"XML001"}},
      {"encoding-iso-8859-1.xml", Expect::Accept, {}, "jan\xc3\xa9.doe@example.com"},
      // UTF-16 with a BOM is read as UTF-8 first, so one tree is verified and read.
      {"encoding-utf-16.xml", Expect::Accept, {}, kNameId},
      {"encoding-utf-16-declared-utf-8.xml", Expect::Accept, {}, kNameId},
      {"bom-utf8.xml", Expect::Accept, {}, kNameId},
  };
  return cases;
}

const std::vector<AttackCase>& decoder_cases() {
  static const std::vector<AttackCase> cases = {
      {"deflate-bomb.url", Expect::DecodeError, {"capture."}},
      {"base64-garbage-inside.b64", Expect::DecodeError, {"capture.base64"}},
      {"base64-garbage-after-padding.b64", Expect::DecodeError, {"capture.base64"}},
  };
  return cases;
}

const std::vector<AttackCase>& tampering_cases() {
  static const std::vector<AttackCase> cases = {
      {"tamper-reindented.xml", Expect::Reject, {"SIG009", "SIG001"}},
      {"tamper-rewrapped.xml", Expect::Reject, {"SIG009", "SIG001"}},
      {"tamper-crlf-converted.xml", Expect::Reject, {"SIG009", "SIG001"}},
      {"tamper-truncated-digest-value.xml", Expect::Reject, {"SIG009", "SIG001"}},
      {"tamper-truncated-signature-value.xml", Expect::Reject, {"SIG009", "SIG001"}},
  };
  return cases;
}

saml::TrustStore idp_trust() {
  saml::TrustStore trust;
  auto added = trust.add_pem_certificates(read_fixture("keys/idp-rsa.crt"), "idp-rsa.crt");
  if (!added) throw std::runtime_error(added.error().message);
  return trust;
}

saml::Policy fixture_policy() {
  saml::Policy policy;
  auto now = saml::parse_xs_datetime("2024-05-01T12:01:00Z");
  if (!now) throw std::runtime_error(now.error().message);
  policy.now = *now;
  return policy;
}

std::string describe(const std::vector<saml::Finding>& findings) {
  std::string text;
  for (const saml::Finding& f : findings) text += "\n  " + f.rule_id + ": " + f.message;
  return text;
}

bool has_rule(const std::vector<saml::Finding>& findings, const std::string& id) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const saml::Finding& f) { return f.rule_id == id; });
}

// What one run through decode + verify produced.
struct Outcome {
  std::optional<saml::Error> error;  // decode_capture or verify_capture failed
  std::optional<saml::Verdict> verdict;
  double milliseconds = 0;
};

Outcome run_pipeline(const std::string& bytes, const std::string& source) {
  static const saml::TrustStore trust = idp_trust();
  static const saml::Policy policy = fixture_policy();
  Outcome outcome;
  const auto start = std::chrono::steady_clock::now();
  auto captures = saml::decode_capture(bytes, source, policy.capture_limits);
  if (!captures) {
    outcome.error = captures.error();
  } else if (captures->size() != 1) {
    outcome.error = saml::Error{saml::ErrorKind::Decode, "test.captures", "not exactly one capture", {}};
  } else {
    auto verdict = saml::verify_capture(captures->front(), trust, policy);
    if (verdict) {
      outcome.verdict = std::move(*verdict);
    } else {
      outcome.error = verdict.error();
    }
  }
  outcome.milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

struct Slowest {
  std::string name;
  double milliseconds = 0;
  void note(const std::string& case_name, double ms, const std::string& result = {}) {
    std::cout << "attack " << case_name << ": " << ms << " ms" << result << "\n";
    if (ms > milliseconds) {
      milliseconds = ms;
      name = case_name;
    }
  }
};
Slowest slowest;

// Safe to call on any outcome (assertion messages are built even when the check passes).
std::string summary(const Outcome& outcome) {
  if (outcome.error) return ", error " + outcome.error->code + ": " + outcome.error->message;
  std::string text = outcome.verdict->accepted ? ", accepted" : ", rejected";
  for (const saml::Finding& f : outcome.verdict->findings) text += " " + f.rule_id;
  return text;
}

// No value from an unsigned or attacker-controlled part is ever reported.
void check_no_attacker_identity(const std::string& name, const saml::Verdict& verdict) {
  if (verdict.assertion) {
    BOOST_TEST(verdict.assertion->name_id.find(kAttacker) == std::string::npos,
               name << ": NameID from the attacker's part: " << verdict.assertion->name_id);
    BOOST_TEST(verdict.signatures.covers(verdict.assertion->node),
               name << ": the reported assertion is not covered by a verified signature");
  }
  if (verdict.aws && verdict.aws->role_session_name) {
    BOOST_TEST(verdict.aws->role_session_name->find(kAttacker) == std::string::npos,
               name << ": RoleSessionName from the attacker's part: " << *verdict.aws->role_session_name);
  }
}

void check_accepted_values(const AttackCase& c, const saml::Verdict& verdict) {
  BOOST_TEST_REQUIRE(verdict.assertion.has_value(), c.file << ": no verified assertion");
  if (!c.name_id.empty()) {
    BOOST_TEST(verdict.assertion->name_id == c.name_id, c.file << ": NameID read as '"
                                                              << verdict.assertion->name_id << "'");
  }
  BOOST_TEST_REQUIRE(verdict.aws.has_value(), c.file << ": no AWS view");
  if (!c.role_arn.empty()) {
    const bool found = std::any_of(verdict.aws->roles.begin(), verdict.aws->roles.end(),
                                   [&](const saml::RolePair& pair) { return pair.role.to_string() == c.role_arn; });
    std::string roles;
    for (const auto& pair : verdict.aws->roles) roles += " " + pair.role.to_string();
    BOOST_TEST(found, c.file << ": role " << c.role_arn << " not read whole; roles:" << roles);
  }
  if (!c.session_name.empty()) {
    BOOST_TEST(verdict.aws->role_session_name.value_or("") == c.session_name,
               c.file << ": RoleSessionName read as '" << verdict.aws->role_session_name.value_or("") << "'");
  }
}

void run_case(const AttackCase& c) {
  const std::string name = c.file;
  const Outcome outcome = run_pipeline(read_fixture(std::string("attacks/") + c.file), name);
  slowest.note(name, outcome.milliseconds, summary(outcome));
  if (c.expect == Expect::DecodeError) {
    BOOST_TEST_REQUIRE(outcome.error.has_value(),
                       name << ": expected error " << c.rules.front() << " but got" << summary(outcome));
    BOOST_TEST(outcome.error->code.rfind(c.rules.front(), 0) == 0,
               name << ": error " << outcome.error->code << " (" << outcome.error->message
                    << "), expected " << c.rules.front());
    BOOST_TEST(!outcome.error->message.empty(), name << ": error without a message");
    return;
  }
  BOOST_TEST_REQUIRE(outcome.verdict.has_value(), name << ": no verdict:" << summary(outcome));
  const saml::Verdict& verdict = *outcome.verdict;
  check_no_attacker_identity(name, verdict);
  for (const std::string& rule : c.rules) {
    BOOST_TEST(has_rule(verdict.findings, rule), name << ": expected " << rule << " among" << describe(verdict.findings));
  }
  if (c.expect == Expect::Reject) {
    BOOST_TEST(!verdict.accepted, name << ": ACCEPTED (security bug)" << describe(verdict.findings));
  } else {
    BOOST_TEST(verdict.accepted, name << ": expected accept" << describe(verdict.findings));
    check_accepted_values(c, verdict);
  }
}

void run_all(const std::vector<AttackCase>& cases) {
  for (const AttackCase& c : cases) run_case(c);
}

const saml::Finding* find_rule(const std::vector<saml::Finding>& findings, const std::string& id) {
  for (const saml::Finding& f : findings) {
    if (f.rule_id == id) return &f;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(signature_wrapping) { run_all(wrapping_cases()); }
BOOST_AUTO_TEST_CASE(comment_and_text_node_splitting) { run_all(splitting_cases()); }
BOOST_AUTO_TEST_CASE(signature_stripping) { run_all(stripping_cases()); }
BOOST_AUTO_TEST_CASE(key_confusion) { run_all(key_cases()); }
BOOST_AUTO_TEST_CASE(transforms_and_methods) { run_all(transform_cases()); }
BOOST_AUTO_TEST_CASE(id_and_namespace_tricks) { run_all(id_cases()); }
BOOST_AUTO_TEST_CASE(xml_parser_safety) { run_all(xml_safety_cases()); }
BOOST_AUTO_TEST_CASE(decoder_safety) { run_all(decoder_cases()); }
BOOST_AUTO_TEST_CASE(tampering) { run_all(tampering_cases()); }

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused) {
  std::string xml = "<?xml version=\"1.0\"?>\n<saml2p:Response xmlns:saml2p=\"urn:oasis:names:tc:SAML:2.0:protocol\">";
  for (int i = 0; i < 10000; ++i) xml += "<a>";
  for (int i = 0; i < 10000; ++i) xml += "</a>";
  xml += "</saml2p:Response>\n";
  const Outcome outcome = run_pipeline(xml, "nesting-10000.xml");
  slowest.note("nesting-10000 (generated)", outcome.milliseconds);
  BOOST_TEST_REQUIRE(outcome.error.has_value(), "10,000-level nesting produced a verdict");
  BOOST_TEST(outcome.error->code.rfind("xml.", 0) == 0, "nesting: error " << outcome.error->code);
  BOOST_TEST(outcome.error->message.find("depth") != std::string::npos,
             "nesting: the error does not name the depth: " << outcome.error->message);
}

BOOST_AUTO_TEST_CASE(fifty_megabyte_document_is_refused_before_parsing) {
  const std::string signed_xml = read_fixture("responses/okta-aws-signed-assertion.xml");
  std::string xml = signed_xml.substr(0, signed_xml.size() - std::string("</saml2p:Response>\n").size());
  xml += "<!--" + std::string(50 * 1024 * 1024, 'x') + "--></saml2p:Response>\n";
  const Outcome outcome = run_pipeline(xml, "50mb.xml");
  slowest.note("50-MB document (generated)", outcome.milliseconds);
  BOOST_TEST_REQUIRE(outcome.error.has_value(), "a 50 MB document produced a verdict");
  BOOST_TEST((outcome.error->kind == saml::ErrorKind::Limit), "50 MB: not a limit error: " << outcome.error->code);
  BOOST_TEST(outcome.error->message.find("limit") != std::string::npos, "50 MB: " << outcome.error->message);
}

BOOST_AUTO_TEST_CASE(hundred_megabyte_encoded_input_is_refused_before_decoding) {
  std::string b64 = read_fixture("captures/okta-aws-signed-assertion.b64-oneline");
  std::string input;
  input.reserve(100 * 1024 * 1024 + b64.size());
  while (input.size() < 100 * 1024 * 1024) input += b64;
  const Outcome outcome = run_pipeline(input, "100mb.b64");
  slowest.note("100-MB base64 input (generated)", outcome.milliseconds);
  BOOST_TEST_REQUIRE(outcome.error.has_value(), "a 100 MB input produced a verdict");
  BOOST_TEST(outcome.error->code == "capture.size", "100 MB: error " << outcome.error->code);
  BOOST_TEST((outcome.error->kind == saml::ErrorKind::Limit), "100 MB: not a limit error");
}

BOOST_AUTO_TEST_CASE(limits_can_be_raised_and_lowered) {
  const std::string xml = read_fixture("responses/okta-aws-signed-assertion.xml");
  saml::ParseLimits tight;
  tight.max_depth = 3;
  auto deep = saml::parse_xml(xml, tight);
  BOOST_TEST_REQUIRE(!deep.has_value(), "depth limit 3 was not applied");
  BOOST_TEST((deep.error().kind == saml::ErrorKind::Limit), "depth limit: " << deep.error().code);
  saml::ParseLimits few_nodes;
  few_nodes.max_nodes = 10;
  auto many = saml::parse_xml(xml, few_nodes);
  BOOST_TEST_REQUIRE(!many.has_value(), "node limit 10 was not applied");
  BOOST_TEST((many.error().kind == saml::ErrorKind::Limit), "node limit: " << many.error().code);
  saml::ParseLimits few_attributes;
  few_attributes.max_attributes = 2;
  auto attrs = saml::parse_xml(xml, few_attributes);
  BOOST_TEST_REQUIRE(!attrs.has_value(), "attribute limit 2 was not applied");
  BOOST_TEST((attrs.error().kind == saml::ErrorKind::Limit), "attribute limit: " << attrs.error().code);
  saml::ParseLimits small;
  small.max_bytes = 1000;
  auto big = saml::parse_xml(xml, small);
  BOOST_TEST_REQUIRE(!big.has_value(), "size limit 1000 was not applied");
  BOOST_TEST(big.error().code == "xml.size");
}

// Diagnostics: what a failed digest or signature value says about the likely cause.
BOOST_AUTO_TEST_CASE(digest_failures_name_the_reference_and_the_likely_cause) {
  struct Hint {
    const char* file;
    const char* words;
  };
  const Hint hints[] = {
      {"tamper-reindented.xml", "re-indented"},
      {"tamper-rewrapped.xml", "re-wrapped"},
      {"tamper-crlf-converted.xml", "CRLF"},
      {"tamper-truncated-digest-value.xml", "truncated"},
      {"tamper-truncated-signature-value.xml", "truncated"},
  };
  for (const Hint& hint : hints) {
    const Outcome outcome = run_pipeline(read_fixture(std::string("attacks/") + hint.file), hint.file);
    BOOST_TEST_REQUIRE(outcome.verdict.has_value(), hint.file << ": no verdict");
    const saml::Finding* finding = find_rule(outcome.verdict->findings, "SIG009");
    BOOST_TEST_REQUIRE(finding != nullptr, hint.file << ": no SIG009" << describe(outcome.verdict->findings));
    BOOST_TEST(finding->message.find(hint.words) != std::string::npos,
               hint.file << ": SIG009 does not say '" << hint.words << "': " << finding->message);
  }
  const Outcome reindented = run_pipeline(read_fixture("attacks/tamper-reindented.xml"), "reindented");
  BOOST_TEST_REQUIRE(reindented.verdict.has_value());
  const saml::Finding* digest = find_rule(reindented.verdict->findings, "SIG009");
  BOOST_TEST_REQUIRE(digest != nullptr);
  BOOST_TEST(digest->message.find("#id73512488232874331823509731") != std::string::npos,
             "the failed Reference is not named: " << digest->message);
}

BOOST_AUTO_TEST_CASE(signature_value_failure_names_the_keys) {
  const Outcome outcome =
      run_pipeline(read_fixture("attacks/key-keyvalue-only.xml"), "key-keyvalue-only.xml");
  BOOST_TEST_REQUIRE(outcome.verdict.has_value());
  const saml::Finding* finding = find_rule(outcome.verdict->findings, "SIG009");
  BOOST_TEST_REQUIRE(finding != nullptr, describe(outcome.verdict->findings));
  BOOST_TEST(finding->message.find("okta-idp-test") != std::string::npos, finding->message);
  BOOST_TEST(finding->message.find("SHA-256") != std::string::npos, finding->message);
  BOOST_TEST(finding->message.find("KeyValue") != std::string::npos,
             "the key the message names is not described: " << finding->message);
}

BOOST_AUTO_TEST_CASE(canonical_bytes_are_kept_only_when_asked) {
  const std::string xml = read_fixture("attacks/tamper-reindented.xml");
  auto doc = saml::parse_xml(xml);
  BOOST_TEST_REQUIRE(doc.has_value());
  const saml::TrustStore trust = idp_trust();
  const saml::DsigResult plain = saml::verify_signatures(*doc, trust, saml::DsigPolicy{});
  BOOST_TEST_REQUIRE(plain.signatures.size() == 1U);
  BOOST_TEST(plain.signatures[0].canonical_reference.empty(), "canonical bytes kept without being asked");

  saml::DsigPolicy keep;
  keep.keep_canonical_bytes = true;
  const saml::DsigResult kept = saml::verify_signatures(*doc, trust, keep);
  BOOST_TEST_REQUIRE(kept.signatures.size() == 1U);
  const std::string& canonical = kept.signatures[0].canonical_reference;
  BOOST_TEST(canonical.rfind("<saml2:Assertion", 0) == 0, "canonical reference bytes: " << canonical.substr(0, 80));
  BOOST_TEST(canonical.find("<ds:Signature") == std::string::npos, "the enveloped signature was not removed");
  BOOST_TEST(canonical.find(">\n  <saml2:Conditions ") != std::string::npos, "the re-indentation is not visible");
  BOOST_TEST(kept.signatures[0].canonical_signed_info.empty(), "a SignedInfo after a failed digest");

  auto valid = saml::parse_xml(read_fixture("responses/okta-aws-signed-assertion.xml"));
  BOOST_TEST_REQUIRE(valid.has_value());
  const saml::DsigResult verified = saml::verify_signatures(*valid, trust, keep);
  BOOST_TEST_REQUIRE(verified.signatures.size() == 1U);
  BOOST_TEST((verified.signatures[0].status == saml::SignatureStatus::Verified));
  BOOST_TEST(verified.signatures[0].canonical_signed_info.rfind("<ds:SignedInfo xmlns:ds=", 0) == 0,
             "canonical SignedInfo: " << verified.signatures[0].canonical_signed_info.substr(0, 80));
  BOOST_TEST(verified.signatures[0].canonical_reference.find("jane.doe@example.com") != std::string::npos);
}

// Declared last: Boost.Test runs the cases in declaration order.
BOOST_AUTO_TEST_CASE(report_the_slowest_case) {
  std::cout << "slowest attack case: " << slowest.name << " (" << slowest.milliseconds << " ms)\n";
  BOOST_TEST(!slowest.name.empty(), "no attack case was timed");
}
