// lint_capture: saml-verify's verdict (same profile, same rules), then every check of the rule
// table that only saml-lint runs. saml-lint never judges weaker than saml-verify: every
// finding of the verdict is kept (but for the trust findings SIG012 stands for).
// lint_captures: the same over a batch, stage by stage (pipeline/verify_stages.h).
#include <algorithm>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/rule_check.h"
#include "lint/lint_rules.h"
#include "pipeline/verify_stages.h"
#include "saml/decode.h"

namespace saml {
namespace {

// Without any trusted key nothing could verify: SIG012 says so once instead of these.
bool replaced_by_not_verified(const Finding& finding) {
  return finding.is(RuleId::assertion_not_signed) || finding.is(RuleId::no_trusted_key) ||
         finding.is(RuleId::keyinfo_certificate_untrusted);
}

// The rules that did not apply to this message, each once, in table order.
// `aws_side`: the AWS side's exports were given (LintOptions::aws_side).
std::vector<std::string_view> not_applicable_ids(const Verdict& verdict, Profile profile, bool aws_side,
                                                 std::vector<const Rule*> skipped) {
  for (const Rule& rule : all_rules()) {
    if (rule.use.check != nullptr) continue;  // a check of its own says so itself
    const bool in_scope = rule.use.scope == RuleScope::Message ||
                          (rule.use.scope == RuleScope::AwsSide && aws_side);
    const bool applies = in_scope && rule_in_profile(rule, profile) &&
                         (verdict.assertion || !rule.use.needs_assertion);
    if (!applies) skipped.push_back(&rule);
  }
  std::sort(skipped.begin(), skipped.end());
  skipped.erase(std::unique(skipped.begin(), skipped.end()), skipped.end());
  std::vector<std::string_view> ids;
  ids.reserve(skipped.size());
  for (const Rule* rule : skipped) ids.push_back(rule->id);
  return ids;
}

// Every lint rule over what saml-verify's verdict built.
Expected<LintResult> lint_verdict(const Capture& capture, const TrustStore& trust, const LintOptions& options,
                                  Expected<Verdict>&& verdict) {
  if (!verdict) return verdict.error();

  LintResult result;
  result.now = options.policy.now;
  result.now_source = options.policy.now_source;
  result.accepted = verdict->accepted;
  result.encryption = verdict->encryption;
  result.profile = verdict->profile;
  result.profile_reason = verdict->profile_reason;
  if (options.baseline || options.record_baseline) result.observed = baseline_of(*verdict);

  const bool have_keys = !trust.empty();
  for (const Finding& finding : verdict->findings) {
    if (have_keys || !replaced_by_not_verified(finding)) result.findings.push_back(finding);
  }
  if (options.aws_side) {
    result.aws_side = iam::evaluate_aws_side(*options.aws_side,
                                             verdict->assertion ? &*verdict->assertion : nullptr,
                                             verdict->aws ? &*verdict->aws : nullptr, options.policy.now);
    for (Finding& finding : iam::aws_side_findings(*result.aws_side)) result.findings.push_back(std::move(finding));
  }
  const CheckContext context{capture,
                             options.policy,
                             trust,
                             result.profile,
                             verdict->document.get(),
                             verdict->response ? &*verdict->response : nullptr,
                             verdict->assertion ? &*verdict->assertion : nullptr,
                             verdict->aws ? &*verdict->aws : nullptr,
                             verdict->signatures,
                             verdict->encryption ? &*verdict->encryption : nullptr,
                             &options,
                             result.observed ? &*result.observed : nullptr};
  std::vector<const Rule*> skipped;
  run_rule_checks(context, Enforcement::Lint, result.findings, &skipped);
  skipped.insert(skipped.end(), verdict->checks_not_applicable.begin(), verdict->checks_not_applicable.end());
  result.not_applicable = not_applicable_ids(*verdict, result.profile, options.aws_side != nullptr,
                                             std::move(skipped));
  if (options.keep_view) result.view = std::make_shared<const DecodeView>(view_of_verdict(capture, std::move(*verdict)));
  return result;
}

}  // namespace

Expected<LintResult> lint_capture(const Capture& capture, const TrustStore& trust,
                                  const LintOptions& options) {
  return lint_verdict(capture, trust, options, verify_capture(capture, trust, options.policy));
}

LintEntry make_lint_entry(std::string source, int source_line, const Capture& capture,
                          Expected<LintResult> linted) {
  LintEntry entry;
  entry.source = std::move(source);
  entry.source_line = source_line;
  entry.message = capture.origin.message;
  entry.messages = capture.origin.messages;
  if (!linted) {
    entry.error = linted.error();
    return entry;
  }
  entry.format = capture.format;
  entry.notes = capture.notes;
  entry.result = std::move(*linted);
  return entry;
}

std::vector<Expected<LintResult>> lint_captures(std::span<const LintJob> jobs, const TrustStore& trust) {
  // Reserved up front: each VerdictInProgress refers to its entry of `verdicts`.
  std::vector<Expected<Verdict>> verdicts;
  std::vector<VerdictInProgress> progress;
  verdicts.reserve(jobs.size());
  progress.reserve(jobs.size());
  for (const LintJob& job : jobs) {
    parse_stage(progress.emplace_back(verdicts.emplace_back(std::in_place)), *job.capture, job.options->policy);
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) signature_stage(progress[i], trust, jobs[i].options->policy);
  std::vector<Expected<LintResult>> results;
  results.reserve(jobs.size());
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const LintJob& job = jobs[i];
    judgement_stage(progress[i], *job.capture, trust, job.options->policy);
    results.push_back(lint_verdict(*job.capture, trust, *job.options, std::move(verdicts[i])));
  }
  return results;
}

}  // namespace saml
