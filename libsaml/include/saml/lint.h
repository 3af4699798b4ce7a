// Lint stage: the verify pipeline plus every hygiene rule of the rule table, per profile,
// with per-rule configuration and reports for CI (text, JSON, SARIF 2.1.0, JUnit XML, HTML).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "saml/baseline.h"
#include "saml/capture.h"
#include "saml/finding.h"
#include "saml/iam.h"
#include "saml/policy.h"
#include "saml/profile.h"
#include "saml/rules.h"
#include "saml/trust.h"
#include "saml/xmlenc.h"

namespace saml {

struct DecodeView;  // saml/decode.h

// IdP metadata as saml-lint read it (--metadata), for the cross-checks MET008 and MET009.
struct IdpMetadata {
  std::string source;
  std::vector<std::string> entity_ids;
  std::vector<Sha256> signing_certificates;  // SHA-256 of each signing certificate's DER
};

struct LintOptions {
  Policy policy;  // policy.profile: nullopt to detect it from the message
  std::vector<IdpMetadata> metadata;  // the --metadata documents (MET008, MET009)
  std::optional<Baseline> baseline;   // --baseline: the DRF rules compare with it
  bool record_baseline = false;       // --write-baseline: fill LintResult::observed
  // --iam, --okta-*, --identity-store: the AWS side (IAM0xx, OKT0xx) of every message.
  std::shared_ptr<const iam::Config> aws_side;
  bool keep_view = false;             // fill LintResult::view (for the HTML report)
};

struct LintResult {
  TimePoint now{};                  // the time the message's conditions were judged at
  TimeSource now_source = TimeSource::SystemClock;
  Profile profile = Profile::Aws;
  std::string profile_reason;       // why this profile ("given", or what was detected)
  bool accepted = false;            // saml-verify's verdict on the same input
  std::vector<Finding> findings;    // verify's findings, then the lint rules', in rule order
  std::vector<std::string_view> not_applicable;  // IDs (views into the rule table) that did not apply
  // This message's baseline, when verified and asked for (record_baseline or a baseline to
  // compare with).
  std::optional<Baseline> observed;
  std::optional<EncryptionReport> encryption;  // an EncryptedAssertion: which key decrypted it
  std::optional<iam::AwsSide> aws_side;        // when LintOptions::aws_side asked for it
  // With LintOptions::keep_view: the message as saml-verify saw it (view_of_verdict), for the
  // HTML report's time line, signature map and identity view.
  std::shared_ptr<const DecodeView> view;
};

// Runs verify_capture, then every lint rule over what it built. Rules on signed content
// read only nodes a trusted signature covers; with no trusted key, SIG012 replaces the
// trust findings (SIG001, SIG008, SIG011). Errors as for verify_capture (exit 3).
Expected<LintResult> lint_capture(const Capture& capture, const TrustStore& trust,
                                  const LintOptions& options);

// One message of a batch and the options it is linted with (a capture that records its time
// is judged at it, so options may differ from one message to the next).
struct LintJob {
  const Capture* capture = nullptr;
  const LintOptions* options = nullptr;
};

// lint_capture on each job, the same results in the same order, but stage by stage: every
// message is parsed, then every signature verified, then every message judged and linted, so
// that each stage's code stays in the caches from one message to the next (about 5% of the
// time of a batch of small messages; docs/performance.md, "Stages over a batch"). Every
// message's document is alive until the batch is done: the caller bounds the batch (saml-lint
// takes 16 messages or 1 MB of XML at a time).
std::vector<Expected<LintResult>> lint_captures(std::span<const LintJob> jobs, const TrustStore& trust);

struct MetadataLintResult {
  LintResult result;  // MET001..MET007; `accepted`: no error-level finding
  IdpMetadata metadata;
};

// Lints an IdP metadata document against what IAM demands of uploaded metadata (MET001..
// MET007; certificate dates at options.policy.now). A document that is not well-formed
// XML is an Error (kind Decode, exit 3).
Expected<MetadataLintResult> lint_metadata(std::string_view bytes, std::string_view source,
                                           const LintOptions& options);

// Per-rule configuration (--disable, --enable, --severity, and the same in a file).
struct LintConfig {
  std::map<std::string, bool> enabled;         // rule ID -> on/off (absent: on)
  std::map<std::string, Severity> severities;  // rule ID -> severity override
  Severity fail_on = Severity::Error;

  bool is_enabled(std::string_view rule_id) const;
  Severity severity_of(const Rule& rule) const;
};

// Drops findings of disabled rules and applies severity overrides.
void apply_lint_config(const LintConfig& config, LintResult& result);
// True when any finding is at or above config.fail_on.
bool lint_fails(const LintConfig& config, const LintResult& result);
// Whether this one finding is at or above config.fail_on.
bool finding_fails(const LintConfig& config, const Finding& finding);

// One linted message (or an input that could not be read) for the reports.
struct LintEntry {
  std::string source;                   // file path, or "-" for standard input
  int source_line = 0;                  // --lines: the line of `source` holding the message
  std::optional<CaptureFormat> format;  // how it was captured (lines are then XML lines)
  std::size_t message = 0;              // the message's 1-based number in its input (0: none
  std::size_t messages = 0;             // decoded) and how many the input holds
  std::vector<std::string> notes;       // what the capture stage converted or repaired
  std::optional<LintResult> result;     // empty when `error` is set
  std::optional<Error> error;
};

// The report entry of one linted message of `source` (`source_line`: its --lines line, or 0):
// the capture's number, format and notes beside the result, or the error alone.
LintEntry make_lint_entry(std::string source, int source_line, const Capture& capture,
                          Expected<LintResult> linted);

struct LintReportOptions {
  LintConfig config;
  bool color = false;
  // The two clocks as written in reports (Policy::now and Policy::cert_now); a message
  // judged at its capture time says so itself (LintResult::now_source).
  std::string now;
  TimeSource now_source = TimeSource::SystemClock;
  std::string cert_now;
  TimeSource cert_now_source = TimeSource::SystemClock;
  std::string config_file;            // the .saml-lint.ini read, or empty
  bool config_file_implicit = false;  // found in the current directory, not given by --config
};

std::string lint_to_text(const std::vector<LintEntry>& entries, const LintReportOptions& options);
// Schema "samlkit.lint/2" (docs/schema/saml-lint.schema.json).
std::string lint_to_json(const std::vector<LintEntry>& entries, const LintReportOptions& options);
// SARIF 2.1.0 for code scanning: every enabled rule with help text; results with locations.
std::string lint_to_sarif(const std::vector<LintEntry>& entries, const LintReportOptions& options);
// JUnit XML: a testsuite per message, a testcase per enabled rule, failures for findings.
std::string lint_to_junit(const std::vector<LintEntry>& entries, const LintReportOptions& options);

// JsonLines: one compact object per message, each with its "schema". Html: one
// self-contained page, a section per message and a sortable summary table.
enum class LintReportFormat { Text, Json, JsonLines, Sarif, Junit, Html };

// One report written entry by entry, so that a batch need not hold its entries: begin(),
// entry() for each LintEntry in order, then end(). Each returns the next piece of the
// report; totals are counted as the entries pass. The pieces joined are what lint_to_text,
// lint_to_json, lint_to_sarif and lint_to_junit return for the same entries.
class LintReportWriter {
 public:
  virtual ~LintReportWriter() = default;
  virtual std::string begin() = 0;
  virtual std::string entry(const LintEntry& entry) = 0;
  virtual std::string end() = 0;
};

std::unique_ptr<LintReportWriter> make_lint_report_writer(LintReportFormat format,
                                                          const LintReportOptions& options);

// The rule table: --list-rules (text, Markdown as in docs/rules.md, or JSON), --explain.
std::string rules_to_text();
std::string rules_to_markdown();
// Schema "samlkit.rules/1" (docs/schema/saml-lint-rules.schema.json).
std::string rules_to_json();
std::string explain_rule(const Rule& rule);

}  // namespace saml
