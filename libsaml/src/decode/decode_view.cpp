// decode_view: parse one capture and read every part of it, signed or not. With trust,
// saml-verify's pipeline runs on the same bytes and its signature results mark the parts.
#include <optional>
#include <string>
#include <utility>

#include "pipeline/encrypted.h"
#include "pipeline/encrypted_id.h"
#include "pipeline/stage_policies.h"
#include "pipeline/structure.h"
#include "saml/decode.h"
#include "saml/rules.h"
#include "saml/verify.h"

namespace saml {
namespace {

std::string text_of(const xmlChar* text) {
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text));
}

// The Assertion to show: a direct child of the root (where a Response carries it), else
// the first in document order; counts every Assertion and EncryptedAssertion.
const xmlNode* pick_assertion(const xmlNode* root, DecodeView& view) {
  const xmlNode* first = nullptr;
  const xmlNode* child_of_root = nullptr;
  for_each_element(root, [&](const xmlNode* node) {
    if (is_element(node, ns::assertion, "EncryptedAssertion")) ++view.encrypted_assertion_count;
    if (!is_element(node, ns::assertion, "Assertion")) return;
    ++view.assertion_count;
    if (first == nullptr) first = node;
    if (child_of_root == nullptr && (node == root || node->parent == root)) child_of_root = node;
  });
  return child_of_root != nullptr ? child_of_root : first;
}

// The EncryptedAssertion a Response carries as a direct child, or nullptr.
const xmlNode* encrypted_assertion_of(const xmlNode* root) {
  if (!is_element(root, ns::protocol, "Response")) return nullptr;
  return first_child(root, ns::assertion, "EncryptedAssertion");
}

// Without trust: decrypt with the given keys (if any) to show the content, unverified, and
// list the signatures inside it; otherwise say what is visible and which key it needs.
void open_encrypted(DecodeView& view, const Policy& policy, const DsigPolicy& dsig_policy) {
  const xmlNode* encrypted = encrypted_assertion_of(view.document->root());
  if (encrypted == nullptr) return;
  std::vector<Finding> findings;  // their messages are in report.failure
  OpenedEncryption opened = decrypt_encrypted_assertion(encrypted, policy, findings);
  view.encryption = std::move(opened.report);
  if (!opened.decrypted) return;
  DsigResult inner = verify_signatures(*opened.decrypted, TrustStore{}, dsig_policy, findings);
  view.decrypted_document = std::move(opened.decrypted);
  view.signatures.signatures.insert(view.signatures.signatures.end(), inner.signatures.begin(),
                                    inner.signatures.end());
}


// `policy` null: no --decrypt-key to read an EncryptedID with (the verdict already did).
void read_parts(DecodeView& view, const Policy* policy) {
  const xmlNode* root = view.document->root();
  if (root == nullptr) return;
  view.message_type = text_of(root->name);
  view.message_namespace = root->ns != nullptr ? text_of(root->ns->href) : std::string();
  if (is_element(root, ns::protocol, "Response")) view.response = read_response(root);
  if (is_element(root, ns::protocol, "AuthnRequest")) view.authn_request = read_authn_request(root);
  const xmlNode* assertion = pick_assertion(root, view);
  if (assertion == nullptr && view.decrypted_document) {
    assertion = first_child(view.decrypted_document->root(), ns::assertion, "Assertion");
  }
  if (assertion != nullptr) {
    view.assertion = read_assertion(assertion);
    // With a --decrypt-key, the NameID of an EncryptedID is shown (verified or not, as the
    // assertion is); why it cannot be is verify's finding (SIG021), not repeated here.
    std::vector<Finding> encrypted_id_findings;
    if (policy != nullptr) open_encrypted_id(*view.assertion, *policy, encrypted_id_findings);
    view.aws = read_aws_view(*view.assertion, view.aws_findings);
  }
}

// Only the AWS findings of the rules of the view's profile.
void keep_profile_findings(DecodeView& view) {
  std::erase_if(view.aws_findings, [&](const Finding& finding) {
    const Rule* rule = find_rule(finding.rule_id);
    return rule == nullptr || !rule_in_profile(*rule, view.profile);
  });
}

}  // namespace

DecodeView view_of_verdict(const Capture& capture, Verdict verdict) {
  DecodeView view;
  view.capture = capture;
  view.trust_given = true;
  // The verdict's own document, so that its covered nodes are the nodes we read.
  view.document = std::move(verdict.document);
  view.verify_findings = std::move(verdict.findings);
  view.profile = verdict.profile;
  view.profile_reason = std::move(verdict.profile_reason);
  view.signatures = std::move(verdict.signatures);
  view.accepted = verdict.accepted;
  view.encryption = std::move(verdict.encryption);
  view.decrypted_document = std::move(verdict.decrypted_document);
  if (view.document) read_parts(view, nullptr);
  // The NameID verify decrypted from an EncryptedID of this very (verified) assertion.
  if (view.assertion && verdict.assertion && view.assertion->node == verdict.assertion->node &&
      !view.assertion->has_name_id && verdict.assertion->has_name_id) {
    view.assertion->has_name_id = true;
    view.assertion->name_id = verdict.assertion->name_id;
    view.assertion->name_id_format = verdict.assertion->name_id_format;
    view.assertion->name_id_where = verdict.assertion->name_id_where;
  }
  keep_profile_findings(view);
  return view;
}

Expected<DecodeView> decode_view(const Capture& capture, const TrustStore& trust,
                                 const Policy& policy) {
  DecodeView view;
  view.capture = capture;
  view.trust_given = !trust.empty();
  std::optional<Verdict> verdict;
  if (view.trust_given) {
    auto judged = verify_capture(capture, trust, policy);
    if (!judged) return judged.error();
    if (judged->response && judged->document) return view_of_verdict(capture, std::move(*judged));
    verdict = std::move(*judged);
  }
  // A Response is parsed once, by verify. Anything else verify judged without reading its
  // signatures: they are read here, in a document of the view's own.
  Expected<Document> parsed = parse_xml(capture.xml, policy.parse_limits);
  if (!parsed) return parsed.error();
  auto document = std::make_shared<Document>(std::move(parsed).value());
  view.document = document;
  if (auto saml = require_saml_root(*view.document); !saml) return saml.error();
  const DsigPolicy dsig_policy = dsig_policy_of(policy);
  // saml-decode shows each signature's status; the rules are verify's (verify_findings).
  std::vector<Finding> signature_findings;
  if (verdict) {
    view.verify_findings = std::move(verdict->findings);
    view.profile = verdict->profile;
    view.profile_reason = verdict->profile_reason;
    view.signatures = verify_signatures(*document, trust, dsig_policy, signature_findings);
  } else {
    view.signatures = verify_signatures(*document, TrustStore{}, dsig_policy, signature_findings);
    open_encrypted(view, policy, dsig_policy);
  }
  read_parts(view, &policy);
  if (!view.trust_given) {
    // Unverified: detected from what the message shows, as saml-verify would from the signed parts.
    const DetectedProfile profile = choose_profile(policy.profile, view.assertion ? &*view.assertion : nullptr,
                                                   view.response ? &*view.response : nullptr);
    view.profile = profile.profile;
    view.profile_reason = profile.reason + (view.assertion ? " (unverified)" : "");
  }
  keep_profile_findings(view);
  return view;
}

}  // namespace saml
