// verify_capture: parse, structure, signatures, then the model and checks built only from
// the nodes a trusted signature covers; the rules of the profile decide the verdict.
#include "saml/verify.h"

#include <algorithm>
#include <string>
#include <utility>

#include "checks/rule_check.h"
#include "model/read_into.h"
#include "pipeline/encrypted.h"
#include "pipeline/encrypted_id.h"
#include "pipeline/stage_policies.h"
#include "pipeline/structure.h"
#include "pipeline/verify_stages.h"
#include "saml/checks.h"
#include "saml/rules.h"

namespace saml {
namespace {

bool has_rule(const std::vector<Finding>& findings, RuleId rule) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.is(rule); });
}

std::string signatures_summary(const DsigResult& dsig) {
  if (dsig.signatures.empty()) return "the message has no signature";
  std::string text = "signatures found:";
  for (const SignatureReport& report : dsig.signatures) {
    text += " " + report.signed_element + " (" + signature_status_name(report.status) + ")";
  }
  return text;
}

void require_covered(const xmlNode* assertion_node, const DsigResult& dsig,
                     std::vector<Finding>& findings) {
  if (has_rule(findings, RuleId::assertion_not_signed)) return;
  const std::string id = attribute(assertion_node, "ID");
  findings.push_back(make_finding(RuleId::assertion_not_signed,
                                  "the Assertion (ID \"" + id +
                                      "\") is not covered by a valid signature from a trusted "
                                      "key; " + signatures_summary(dsig),
                                  location_of(assertion_node)));
}

// Keeps the findings of the rules of the verdict's profile.
void keep_profile_findings(Verdict& verdict) {
  std::erase_if(verdict.findings, [&](const Finding& finding) {
    const Rule* rule = find_rule(finding.rule_id);
    return rule == nullptr || !rule_in_profile(*rule, verdict.profile);
  });
}

}  // namespace

void parse_stage(VerdictInProgress& progress, const Capture& capture, const Policy& policy) {
  Expected<Document> parsed = parse_xml(capture.xml, policy.parse_limits);
  if (!parsed) {
    if (parsed.error().code != ErrorCode::XmlDoctype) {
      progress.fail(parsed.error());
      return;
    }
    Verdict& verdict = progress.verdict();
    verdict.findings.push_back(make_finding(RuleId::doctype_present, parsed.error().message, parsed.error().where));
    check_message_size(capture, verdict.findings);
    const DetectedProfile profile = choose_profile(policy.profile, nullptr, nullptr);
    verdict.profile = profile.profile;
    verdict.profile_reason = profile.reason;
    keep_profile_findings(verdict);
    progress.decided = true;
    return;
  }
  progress.document = std::make_shared<Document>(std::move(parsed).value());
  if (auto saml = require_saml_root(*progress.document); !saml) {
    progress.fail(saml.error());
    return;
  }
  progress.verdict().document = progress.document;
}

void signature_stage(VerdictInProgress& progress, const TrustStore& trust, const Policy& policy) {
  if (progress.decided) return;
  Verdict& verdict = progress.verdict();
  Document& document = *progress.document;
  std::vector<Finding>& findings = verdict.findings;

  const AssertionSlot slot = find_assertion_slot(document, findings);
  progress.assertion_node = slot.assertion;
  const xmlNode* root = document.root();
  if (!is_element(root, ns::protocol, "Response")) return;
  detail::read_response_into(root, verdict.response.emplace());
  check_response(*verdict.response, findings);

  const DsigPolicy dsig_policy = dsig_policy_of(policy);
  verdict.signatures = verify_signatures(document, trust, dsig_policy, findings);
  verdict.response_signed = verdict.signatures.covers(root);
  if (slot.encrypted != nullptr) {
    progress.assertion_node = open_encrypted_assertion(slot.encrypted, trust, policy, dsig_policy, verdict);
  }
  check_signing_certificate_dates(verdict.signatures, policy, findings);
}

void judgement_stage(VerdictInProgress& progress, const Capture& capture, const TrustStore& trust,
                     const Policy& policy) {
  if (progress.decided) return;
  Verdict& verdict = progress.verdict();
  std::vector<Finding>& findings = verdict.findings;
  const xmlNode* assertion_node = progress.assertion_node;
  // Only a Response has an assertion slot; the signature stage read the Response's fields.
  if (verdict.response && assertion_node != nullptr) {
    if (verdict.signatures.covers(assertion_node)) {
      detail::read_assertion_into(assertion_node, verdict.assertion.emplace());
      open_encrypted_id(*verdict.assertion, policy, findings);
    } else {
      require_covered(assertion_node, verdict.signatures, findings);
    }
  }
  const Assertion* assertion = verdict.assertion ? &*verdict.assertion : nullptr;
  const Response* response = verdict.response ? &*verdict.response : nullptr;
  DetectedProfile profile = choose_profile(policy.profile, assertion, response);
  verdict.profile = profile.profile;
  verdict.profile_reason = std::move(profile.reason);
  if (assertion != nullptr) {
    check_verified_assertion(*response, *assertion, policy, verdict.profile, findings);
    verdict.aws = read_aws_view(*assertion, findings);
  }
  check_message_size(capture, findings);

  const CheckContext context{capture,
                             policy,
                             trust,
                             verdict.profile,
                             verdict.document.get(),
                             response,
                             assertion,
                             verdict.aws ? &*verdict.aws : nullptr,
                             verdict.signatures,
                             verdict.encryption ? &*verdict.encryption : nullptr};
  std::vector<const Rule*> skipped;
  run_rule_checks(context, Enforcement::Verdict, findings, &skipped);
  verdict.checks_not_applicable = std::move(skipped);
  keep_profile_findings(verdict);
  // Fail closed: acceptance needs a verified assertion, whatever the findings say.
  verdict.accepted = !has_errors(findings) && assertion != nullptr;
}

Expected<Verdict> verify_capture(const Capture& capture, const TrustStore& trust,
                                 const Policy& policy) {
  Expected<Verdict> result(std::in_place);
  VerdictInProgress progress(result);
  parse_stage(progress, capture, policy);
  signature_stage(progress, trust, policy);
  judgement_stage(progress, capture, trust, policy);
  return result;  // the one return: the verdict is built where the caller receives it
}

}  // namespace saml
