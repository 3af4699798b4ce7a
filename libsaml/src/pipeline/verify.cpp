// verify_capture: parse, structure, signatures, then the model and checks built only from
// the nodes a trusted signature covers.
#include "saml/verify.h"

#include <algorithm>
#include <string>

#include "pipeline/encrypted.h"
#include "pipeline/encrypted_id.h"
#include "pipeline/structure.h"
#include "saml/checks.h"

namespace saml {
namespace {

bool has_rule(const std::vector<Finding>& findings, std::string_view rule_id) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const Finding& f) { return f.rule_id == rule_id; });
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
  if (has_rule(findings, "SIG001")) return;
  const std::string id = attribute(assertion_node, "ID");
  findings.push_back(make_finding("SIG001",
                                  "the Assertion (ID \"" + id +
                                      "\") is not covered by a valid signature from a trusted "
                                      "key; " + signatures_summary(dsig),
                                  location_of(assertion_node)));
}

}  // namespace

Expected<Verdict> verify_capture(const Capture& capture, const TrustStore& trust,
                                 const Policy& policy) {
  Verdict verdict;
  Expected<Document> parsed = parse_xml(capture.xml, policy.parse_limits);
  if (!parsed) {
    if (parsed.error().code != "xml.doctype") return parsed.error();
    verdict.findings.push_back(make_finding("XML001", parsed.error().message, parsed.error().where));
    check_message_size(capture, verdict.findings);
    return verdict;
  }
  auto document = std::make_shared<const Document>(std::move(parsed).value());
  verdict.document = document;
  std::vector<Finding>& findings = verdict.findings;

  const AssertionSlot slot = find_assertion_slot(*document, findings);
  const xmlNode* assertion_node = slot.assertion;
  const xmlNode* root = document->root();
  if (root != nullptr && is_element(root, ns::protocol, "Response")) {
    verdict.response = read_response(root);
    check_response(*verdict.response, findings);

    DsigPolicy dsig_policy;
    dsig_policy.allow_sha1 = policy.allow_sha1;
    dsig_policy.keep_canonical_bytes = policy.keep_canonical_bytes;
    verdict.signatures = verify_signatures(*document, trust, dsig_policy);
    findings.insert(findings.end(), verdict.signatures.findings.begin(),
                    verdict.signatures.findings.end());
    verdict.response_signed = verdict.signatures.covers(root);
    if (slot.encrypted != nullptr) {
      assertion_node = open_encrypted_assertion(slot.encrypted, trust, policy, dsig_policy, verdict);
    }

    check_signing_certificate_dates(verdict.signatures, policy, findings);

    if (assertion_node != nullptr) {
      if (verdict.signatures.covers(assertion_node)) {
        verdict.assertion = read_assertion(assertion_node);
        open_encrypted_id(*verdict.assertion, policy, findings);
        check_verified_assertion(*verdict.response, *verdict.assertion, policy, findings);
        verdict.aws = read_aws_view(*verdict.assertion, findings);
      } else {
        require_covered(assertion_node, verdict.signatures, findings);
      }
    }
  }
  check_message_size(capture, findings);
  // Fail closed: acceptance needs a verified assertion, whatever the findings say.
  verdict.accepted = !has_errors(findings) && verdict.assertion.has_value();
  return verdict;
}

}  // namespace saml
