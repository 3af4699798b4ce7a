// verify_capture in three stages, so that lint_captures can run each stage over a batch of
// messages before the next: one stage's code and data stay in the caches from one message
// to the next instead of being evicted by the other stages' (docs/performance.md, "Stages
// over a batch"). verify_capture runs the three in a row.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <utility>

#include "saml/capture.h"
#include "saml/policy.h"
#include "saml/trust.h"
#include "saml/verify.h"

namespace saml {

// A verdict between stages. The stages fill `result` where the caller keeps it (the value
// verify_capture returns, an entry of lint_captures' batch), built with std::in_place: a
// Verdict is never moved on the way out.
struct VerdictInProgress {
  explicit VerdictInProgress(Expected<Verdict>& filled) : result(filled) {}
  Expected<Verdict>& result;
  // verdict.document, writable: the signature stage registers the IDs in it.
  std::shared_ptr<Document> document;
  // The Assertion the signature stage found, or decrypted from an EncryptedAssertion.
  const xmlNode* assertion_node = nullptr;
  // The parse stage decided already (a refused DOCTYPE in the Verdict, or an Error in place
  // of it): the other stages pass.
  bool decided = false;

  Verdict& verdict() { return *result; }
  void fail(Error error) {
    decided = true;
    result.fail(std::move(error));
  }
};

// Parses the capture and requires a SAML root. A parse error becomes progress.result's
// Error, but for a DOCTYPE, which is a decided verdict.
void parse_stage(VerdictInProgress& progress, const Capture& capture, const Policy& policy);
// The structure, the Response's own fields, every signature, an EncryptedAssertion opened,
// the signing certificates' dates.
void signature_stage(VerdictInProgress& progress, const TrustStore& trust, const Policy& policy);
// The model of what a trusted signature covers, the checks, the AWS view and the verdict's
// rules of the profile: completes progress.verdict in place.
void judgement_stage(VerdictInProgress& progress, const Capture& capture, const TrustStore& trust,
                     const Policy& policy);

}  // namespace saml
