#include "dsig/xmlsec_verify.h"

#include <xmlsec/crypto.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmltree.h>

#include "util/xmlsec_runtime.h"
#include "xml/quiet_errors.h"

namespace saml::detail {
namespace {

// A verification context on the stack, lent the pinned key. xmlsec destroys the signKey
// it finds when the context is finalised, so the key is taken back first: no copy of the
// key per message, and the shared key is only read (xmlsec's signature transform takes its
// own reference to the EVP_PKEY), so threads may lend it at the same time.
class LentKeyContext {
 public:
  explicit LentKeyContext(const PinnedKey& key) {
    initialised_ = xmlSecDSigCtxInitialize(&ctx_, nullptr) >= 0;
    if (initialised_) ctx_.signKey = key.key.get();
  }
  ~LentKeyContext() {
    if (!initialised_) return;
    ctx_.signKey = nullptr;
    xmlSecDSigCtxFinalize(&ctx_);
  }
  LentKeyContext(const LentKeyContext&) = delete;
  LentKeyContext& operator=(const LentKeyContext&) = delete;

  bool initialised() const { return initialised_; }
  xmlSecDSigCtx* get() { return &ctx_; }

 private:
  xmlSecDSigCtx ctx_{};
  bool initialised_ = false;
};

bool enable_transforms(xmlSecDSigCtx* ctx, const DsigPolicy& policy) {
  // Defence in depth: the profile check already refused anything else.
  xmlSecTransformId reference[] = {xmlSecTransformEnvelopedId, xmlSecTransformExclC14NId,
                                   xmlSecTransformInclC14NId, xmlSecTransformInclC14N11Id,
                                   xmlSecTransformSha256Id, xmlSecTransformSha384Id,
                                   xmlSecTransformSha512Id};
  xmlSecTransformId signature[] = {xmlSecTransformExclC14NId, xmlSecTransformInclC14NId,
                                   xmlSecTransformInclC14N11Id,
                                   xmlSecTransformRsaSha256Id, xmlSecTransformRsaSha384Id,
                                   xmlSecTransformRsaSha512Id, xmlSecTransformEcdsaSha256Id,
                                   xmlSecTransformEcdsaSha384Id, xmlSecTransformEcdsaSha512Id};
  for (auto id : reference) {
    if (xmlSecDSigCtxEnableReferenceTransform(ctx, id) < 0) return false;
  }
  for (auto id : signature) {
    if (xmlSecDSigCtxEnableSignatureTransform(ctx, id) < 0) return false;
  }
  if (policy.allow_sha1) {
    if (xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformSha1Id) < 0 ||
        xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformRsaSha1Id) < 0 ||
        xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformEcdsaSha1Id) < 0) {
      return false;
    }
  }
  return true;
}

// The first Reference whose digest was computed and did not match, if any.
const xmlSecDSigReferenceCtx* failed_reference(xmlSecDSigCtx* ctx) {
  const xmlSecSize count = xmlSecPtrListGetSize(&ctx->signedInfoReferences);
  for (xmlSecSize i = 0; i < count; ++i) {
    auto* reference = static_cast<xmlSecDSigReferenceCtx*>(xmlSecPtrListGetItem(&ctx->signedInfoReferences, i));
    if (reference != nullptr && reference->status == xmlSecDSigStatusInvalid) return reference;
  }
  return nullptr;
}

std::string buffer_text(xmlSecBufferPtr buffer) {
  if (buffer == nullptr || xmlSecBufferGetData(buffer) == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(xmlSecBufferGetData(buffer)), xmlSecBufferGetSize(buffer));
}

// The bytes xmlsec stored because of the STORE flags (the profile allows one Reference).
void take_canonical_bytes(xmlSecDSigCtx* ctx, XmlsecOutcome& outcome) {
  outcome.canonical_signed_info = buffer_text(xmlSecDSigCtxGetPreSignBuffer(ctx));
  if (xmlSecPtrListGetSize(&ctx->signedInfoReferences) == 0) return;
  auto* reference = static_cast<xmlSecDSigReferenceCtx*>(xmlSecPtrListGetItem(&ctx->signedInfoReferences, 0));
  if (reference != nullptr) outcome.canonical_reference = buffer_text(xmlSecDSigReferenceCtxGetPreDigestBuffer(reference));
}

XmlsecOutcome judge(xmlSecDSigCtx* ctx, int rc) {
  if (const auto* reference = failed_reference(ctx)) {
    const std::string uri = reference->uri ? reinterpret_cast<const char*>(reference->uri) : "";
    return {XmlsecOutcome::Kind::DigestMismatch, uri, {}, {}};
  }
  if (rc < 0) return {XmlsecOutcome::Kind::Failed, take_xmlsec_error(), {}, {}};
  // rc == 0 only means "processed"; the verdict is the status.
  if (ctx->status == xmlSecDSigStatusSucceeded) return {XmlsecOutcome::Kind::Valid, {}, {}, {}};
  return {XmlsecOutcome::Kind::BadSignature, {}, {}, {}};
}

}  // namespace

XmlsecOutcome verify_with_key(const xmlNode* signature, const PinnedKey& key, const DsigPolicy& policy) {
  ensure_xmlsec_initialised();
  take_xmlsec_error();
  // No keys manager: xmlsec cannot look a key up, so only the preset key is ever used.
  LentKeyContext context(key);
  if (!context.initialised()) return {XmlsecOutcome::Kind::Failed, "cannot create the xmlsec context", {}, {}};
  xmlSecDSigCtx* ctx = context.get();
  ctx->enabledReferenceUris = xmlSecTransformUriTypeSameDocument;
  ctx->flags |= XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS;
  if (policy.keep_canonical_bytes) {
    ctx->flags |= XMLSEC_DSIG_FLAGS_STORE_SIGNEDINFO_REFERENCES | XMLSEC_DSIG_FLAGS_STORE_SIGNATURE;
  }
  ctx->keyInfoReadCtx.retrievalMethodCtx.enabledUris = xmlSecTransformUriTypeNone;
  if (!enable_transforms(ctx, policy)) {
    return {XmlsecOutcome::Kind::Failed, "cannot restrict xmlsec's transforms: " + take_xmlsec_error(), {}, {}};
  }

  // xmlsec takes a non-const node but does not modify the tree when verifying.
  const QuietLibxmlErrors quiet;
  const int rc = xmlSecDSigCtxVerify(ctx, const_cast<xmlNode*>(signature));
  XmlsecOutcome outcome = judge(ctx, rc);
  if (outcome.kind == XmlsecOutcome::Kind::Failed && !quiet.first_error().empty()) {
    outcome.detail += (outcome.detail.empty() ? "" : "; ") + std::string("libxml2: ") + quiet.first_error();
  }
  if (policy.keep_canonical_bytes) take_canonical_bytes(ctx, outcome);
  return outcome;
}

}  // namespace saml::detail
