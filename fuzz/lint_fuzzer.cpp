// lint: the whole lint engine (decode_capture + lint_capture, as saml-lint runs it, and the
// text, JSON, SARIF and JUnit reports) trusting the fixtures' IdP key and the three dated
// lint keys (fixtures/lint/keys), at the fixtures' time; metadata documents also go through
// lint_metadata. Invariants:
//   - deterministic: linting the same capture again, also in a batch (lint_captures, after
//     another message), gives byte-identical reports;
//   - the JSON and SARIF reports are JSON, the JUnit report is XML;
//   - lint's verdict is verify's: `accepted` is verify_capture's, the profile is the same,
//     every error verify reports lint reports too, and lint fails what verify rejects;
//   - lint never reports on content verify did not cover: no finding of a content rule
//     (any area but XML and SIG, which judge structure and signatures) is located inside
//     an Assertion no verified signature covers;
//   - every finding's rule ID and every not-applicable ID is in the rule table;
//   - no file or network access.
#include <libxml/tree.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "saml/lint.h"
#include "saml/verify.h"
#include "saml/xml.h"

namespace {

constexpr std::string_view kNow = "2024-05-01T12:01:00Z";

saml::TrustStore make_lint_trust_store() {
  saml::TrustStore store;
  for (const std::string_view pem : {fuzz::fixture::idp_rsa_crt, fuzz::fixture::lint_expired_rsa_crt,
                                     fuzz::fixture::lint_expiring_rsa_crt, fuzz::fixture::lint_short_rsa_crt}) {
    auto added = store.add_pem_certificates(pem, "embedded lint key");
    FUZZ_CHECK(added && *added == 1, "the embedded lint certificates must load");
  }
  return store;
}

const saml::TrustStore& lint_trust_store() {
  static const saml::TrustStore store = make_lint_trust_store();
  return store;
}

// The embedded signed fixture (it lints as accepted), as a capture.
const saml::Capture& signed_fixture() {
  static const saml::Capture capture = [] {
    saml::Capture fixture;
    fixture.xml = std::string(fuzz::fixture::signed_assertion_xml);
    return fixture;
  }();
  return capture;
}

saml::LintOptions lint_options(std::optional<saml::Profile> profile) {
  saml::LintOptions options;
  options.policy = fuzz::fixture_policy();
  options.policy.profile = profile;
  return options;
}

struct Reports {
  std::string text, json, sarif, junit;
  bool operator==(const Reports&) const = default;
};

saml::LintEntry entry_of(std::optional<saml::CaptureFormat> format, const saml::LintResult& result) {
  saml::LintEntry entry;
  entry.source = "fuzz";
  entry.format = format;
  entry.result = result;
  return entry;
}

Reports reports_of(const saml::LintEntry& entry) {
  const std::vector<saml::LintEntry> entries{entry};
  saml::LintReportOptions options;
  options.now = std::string(kNow);
  return Reports{saml::lint_to_text(entries, options), saml::lint_to_json(entries, options),
                 saml::lint_to_sarif(entries, options), saml::lint_to_junit(entries, options)};
}

void check_reports(const Reports& reports) {
  FUZZ_CHECK(nlohmann::json::accept(reports.json), "the JSON report is not JSON");
  FUZZ_CHECK(nlohmann::json::accept(reports.sarif), "the SARIF report is not JSON");
  auto junit = saml::parse_xml(reports.junit);
  FUZZ_CHECK(junit.has_value(), "the JUnit report is not XML: " + (junit ? "" : junit.error().message));
}

void check_rule_ids(const saml::LintResult& result) {
  for (const saml::Finding& finding : result.findings) {
    FUZZ_CHECK(saml::find_rule(finding.rule_id) != nullptr, "a finding has an unknown rule ID " + finding.rule_id);
  }
  for (const std::string_view id : result.not_applicable) {
    FUZZ_CHECK(saml::find_rule(id) != nullptr, "not_applicable lists an unknown rule ID " + std::string(id));
  }
}

bool inside_assertion(const xmlNode* node) {
  for (; node != nullptr; node = node->parent) {
    if (saml::is_element(node, saml::ns::assertion, "Assertion")) return true;
  }
  return false;
}

// The elements of the verdict's documents that a location (line + element path) names.
std::vector<const xmlNode*> elements_at(const saml::Verdict& verdict, const saml::Location& where) {
  std::vector<const xmlNode*> found;
  for (const auto& doc : {verdict.document, verdict.decrypted_document}) {
    if (doc == nullptr) continue;
    saml::for_each_element(doc->root(), [&](const xmlNode* element) {
      const saml::Location at = saml::location_of(element);
      if (at.line == where.line && at.element == where.element) found.push_back(element);
    });
  }
  return found;
}

// A content rule's finding that names an element inside an Assertion must name a covered
// one (when several elements share the line and path, one of them).
void check_reads_only_covered(const saml::LintResult& result, const saml::Verdict& verdict) {
  for (const saml::Finding& finding : result.findings) {
    const std::string_view area = std::string_view(finding.rule_id).substr(0, 3);
    if (area == "XML" || area == "SIG" || finding.where.line == 0) continue;
    const std::vector<const xmlNode*> named = elements_at(verdict, finding.where);
    bool in_assertion = false;
    bool covered = false;
    for (const xmlNode* element : named) {
      in_assertion = in_assertion || inside_assertion(element);
      covered = covered || verdict.signatures.covers(element);
    }
    FUZZ_CHECK(!in_assertion || covered, finding.rule_id + " reports on " + finding.where.element + " (line " +
                                             std::to_string(finding.where.line) +
                                             "), inside an Assertion no signature covers");
  }
}

// One verdict: saml-lint keeps every error saml-verify reports (same profile, same options),
// so it never passes what saml-verify rejects.
void check_never_weaker(const saml::LintResult& result, const saml::Verdict& verdict) {
  FUZZ_CHECK(result.profile == verdict.profile && result.profile_reason == verdict.profile_reason,
             "lint and verify chose different profiles");
  for (const saml::Finding& expected : verdict.findings) {
    if (expected.severity != saml::Severity::Error) continue;
    const bool kept = std::any_of(result.findings.begin(), result.findings.end(), [&](const saml::Finding& f) {
      return f.rule_id == expected.rule_id && f.message == expected.message && f.severity == expected.severity;
    });
    FUZZ_CHECK(kept, "lint lost verify's error " + expected.rule_id + ": " + expected.message);
  }
  FUZZ_CHECK(verdict.accepted || saml::lint_fails(saml::LintConfig{}, result),
             "saml-verify rejects what saml-lint passes");
}

void lint_one(const saml::Capture& capture) {
  const saml::Policy& policy = fuzz::fixture_policy();
  auto verdict = saml::verify_capture(capture, lint_trust_store(), policy);
  auto first = saml::lint_capture(capture, lint_trust_store(), lint_options(std::nullopt));
  FUZZ_CHECK(first.has_value() == verdict.has_value(), "lint and verify disagree on whether the input can be read");
  if (!first) {
    FUZZ_CHECK(first.error().code == verdict.error().code, "lint and verify refuse with different codes");
    return;
  }
  FUZZ_CHECK(first->accepted == verdict->accepted, "lint's accepted is not verify's");
  check_rule_ids(*first);
  check_reads_only_covered(*first, *verdict);

  const Reports reports = reports_of(entry_of(capture.format, *first));
  check_reports(reports);
  // Again in a batch (lint_captures, stage by stage), after the embedded fixture and twice.
  const saml::LintOptions options = lint_options(std::nullopt);
  const std::vector<saml::LintJob> jobs{{&signed_fixture(), &options}, {&capture, &options}, {&capture, &options}};
  auto batch = saml::lint_captures(jobs, lint_trust_store());
  FUZZ_CHECK(batch.size() == jobs.size() && batch[0] && batch[0]->accepted, "the batch lost the embedded fixture");
  for (std::size_t i = 1; i < batch.size(); ++i) {
    FUZZ_CHECK(batch[i].has_value(), "linting the capture again, in a batch, failed");
    FUZZ_CHECK(reports_of(entry_of(capture.format, *batch[i])) == reports,
               "linting the same capture again, in a batch, gives different reports");
  }

  check_never_weaker(*first, *verdict);
}

// IdP metadata (saml-lint --metadata): the same determinism and rule-table invariants.
void lint_metadata_document(std::string_view input) {
  auto first = saml::lint_metadata(input, "fuzz", lint_options(std::nullopt));
  auto second = saml::lint_metadata(input, "fuzz", lint_options(std::nullopt));
  FUZZ_CHECK(first.has_value() == second.has_value(), "lint_metadata is not deterministic");
  if (!first) {
    FUZZ_CHECK(!first.error().message.empty(), "lint_metadata refused without a message");
    return;
  }
  check_rule_ids(first->result);
  const Reports reports = reports_of(entry_of(std::nullopt, first->result));
  check_reports(reports);
  FUZZ_CHECK(reports_of(entry_of(std::nullopt, second->result)) == reports,
             "linting the same metadata twice gives different reports");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  // The embedded fixture must lint as accepted; that also initialises libxml2 and xmlsec
  // before the tripwire replaces their loaders.
  auto linted = saml::lint_capture(signed_fixture(), lint_trust_store(), lint_options(std::nullopt));
  FUZZ_CHECK(linted && linted->accepted, "the embedded signed fixture must lint as accepted");
  fuzz::install_io_tripwire();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!fuzz::input_fits(size)) return -1;
  const std::string_view input = fuzz::as_text(data, size);
  auto captures = saml::decode_capture(input, "fuzz", fuzz::fixture_policy().capture_limits);
  if (captures) {
    for (const saml::Capture& capture : *captures) lint_one(capture);
  }
  if (input.find("EntityDescriptor") != std::string_view::npos) lint_metadata_document(input);
  FUZZ_CHECK(fuzz::io_attempts() == 0, "lint tried to load " + fuzz::first_io_uri());
  return 0;
}
