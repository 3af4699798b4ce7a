// pipeline: verify_capture as the one runner of the stages: which failures are errors and
// which are findings, each finding reported once, the caller's Policy reaching the stages,
// and acceptance only with a verified assertion.
#define BOOST_TEST_MODULE pipeline
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "fixtures.h"
#include "saml/capture.h"
#include "saml/verify.h"
#include "saml_support.h"

namespace {

using samltest::fixture_policy;
using samltest::idp_trust;
using samltest::read_fixture;

saml::Capture raw(const std::string& xml) {
  saml::Capture capture;
  capture.format = saml::CaptureFormat::RawXml;
  capture.xml = xml;
  return capture;
}

saml::Expected<saml::Verdict> verify(const std::string& fixture, const saml::Policy& policy = fixture_policy()) {
  return saml::verify_capture(raw(read_fixture(fixture)), idp_trust(), policy);
}

std::size_t count_rule(const saml::Verdict& verdict, const std::string& id) {
  return static_cast<std::size_t>(std::count_if(verdict.findings.begin(), verdict.findings.end(),
                                                [&](const saml::Finding& f) { return f.rule_id == id; }));
}

std::string ids(const saml::Verdict& verdict) {
  std::string text;
  for (const saml::Finding& f : verdict.findings) text += f.rule_id + " ";
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_doctype_is_a_finding_other_parse_failures_are_errors) {
  auto doctype = verify("responses/doctype.xml");
  BOOST_TEST_REQUIRE(doctype.has_value(), samltest::why(doctype));
  BOOST_TEST(count_rule(*doctype, "XML001") == 1u, ids(*doctype));
  BOOST_TEST(!doctype->accepted);

  auto broken = saml::verify_capture(raw("<samlp:Response"), idp_trust(), fixture_policy());
  BOOST_TEST_REQUIRE(!broken.has_value(), "not well-formed XML gave a verdict");
  BOOST_TEST(broken.error().code == saml::ErrorCode::XmlSyntax);
  BOOST_TEST((broken.error().kind == saml::ErrorKind::Decode));
}

BOOST_AUTO_TEST_CASE(the_clean_fixture_is_accepted_from_its_verified_assertion) {
  auto verdict = verify("responses/okta-aws-signed-assertion.xml");
  BOOST_TEST_REQUIRE(verdict.has_value(), samltest::why(verdict));
  BOOST_TEST(verdict->accepted, ids(*verdict));
  BOOST_TEST_REQUIRE(verdict->assertion.has_value());
  BOOST_TEST(verdict->signatures.covers(verdict->assertion->node));
  BOOST_TEST(verdict->aws.has_value());
}

BOOST_AUTO_TEST_CASE(an_unsigned_response_is_refused_and_nothing_is_read_from_it) {
  auto verdict = verify("responses/unsigned.xml");
  BOOST_TEST_REQUIRE(verdict.has_value(), samltest::why(verdict));
  BOOST_TEST(!verdict->accepted);
  BOOST_TEST(count_rule(*verdict, "SIG001") == 1u, ids(*verdict));
  BOOST_TEST(!verdict->assertion.has_value(), "an assertion read from uncovered nodes");
}

// Signature findings live in Verdict::findings only, each once (they were copied into
// the DsigResult as well).
BOOST_AUTO_TEST_CASE(signature_findings_are_reported_once) {
  for (const char* fixture : {"responses/tampered-role.xml", "responses/signed-by-untrusted-key.xml",
                              "responses/duplicate-ids.xml"}) {
    auto verdict = verify(fixture);
    BOOST_TEST_REQUIRE(verdict.has_value(), fixture << ": " << samltest::why(verdict));
    BOOST_TEST(!verdict->accepted, fixture);
    for (const saml::Finding& finding : verdict->findings) {
      const auto same = std::count_if(verdict->findings.begin(), verdict->findings.end(),
                                      [&](const saml::Finding& f) {
                                        return f.rule_id == finding.rule_id && f.message == finding.message;
                                      });
      BOOST_TEST(same == 1, fixture << ": " << finding.rule_id << " twice: " << finding.message);
    }
  }
  auto tampered = verify("responses/tampered-role.xml");
  BOOST_TEST(count_rule(*tampered, "SIG009") == 1u, ids(*tampered));
}

// The caller's Policy reaches the signature stage: allow_sha1 and keep_canonical_bytes.
BOOST_AUTO_TEST_CASE(the_policy_reaches_the_signature_stage) {
  auto refused = verify("responses/okta-aws-rsa-sha1.xml");
  BOOST_TEST_REQUIRE(refused.has_value(), samltest::why(refused));
  BOOST_TEST(!refused->accepted);
  BOOST_TEST(count_rule(*refused, "SIG005") >= 1u, ids(*refused));

  saml::Policy allow = fixture_policy();
  allow.allow_sha1 = true;
  auto allowed = verify("responses/okta-aws-rsa-sha1.xml", allow);
  BOOST_TEST_REQUIRE(allowed.has_value(), samltest::why(allowed));
  BOOST_TEST(allowed->accepted, ids(*allowed));

  auto plain = verify("responses/okta-aws-signed-assertion.xml");
  BOOST_TEST_REQUIRE(plain.has_value());
  BOOST_TEST_REQUIRE(plain->signatures.signatures.size() == 1u);
  BOOST_TEST(plain->signatures.signatures[0].canonical_signed_info.empty());
  saml::Policy keep = fixture_policy();
  keep.keep_canonical_bytes = true;
  auto kept = verify("responses/okta-aws-signed-assertion.xml", keep);
  BOOST_TEST_REQUIRE(kept.has_value());
  BOOST_TEST_REQUIRE(kept->signatures.signatures.size() == 1u);
  BOOST_TEST(!kept->signatures.signatures[0].canonical_signed_info.empty());
}

BOOST_AUTO_TEST_CASE(the_message_size_check_runs_on_every_verdict) {
  auto large = verify("responses/large-over-aws-limit.xml");
  BOOST_TEST_REQUIRE(large.has_value(), samltest::why(large));
  BOOST_TEST(count_rule(*large, "AWS011") == 1u, ids(*large));
}
