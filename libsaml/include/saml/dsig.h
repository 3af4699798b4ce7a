// Signature stage: the signature profile (XSW defences) and xmlsec verification.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <vector>

#include "saml/finding.h"
#include "saml/model.h"
#include "saml/trust.h"
#include "saml/xml.h"

namespace saml {

struct DsigPolicy {
  bool allow_sha1 = false;  // RSA-SHA1 / ECDSA-SHA1 signatures and SHA-1 digests
  // Keep the canonical bytes that were digested and signed in each SignatureReport (for
  // a tool's --show-c14n); off by default because they are as large as the message.
  bool keep_canonical_bytes = false;
};

enum class SignatureStatus {
  Verified,          // profile holds, trusted key, cryptographically valid
  ProfileViolation,  // refused before any cryptography (wrapping, transforms, algorithms)
  Untrusted,         // no trusted key applies to it
  Invalid,           // digest or signature value does not match
};

const char* signature_status_name(SignatureStatus status);

struct SignatureReport {
  std::string signed_element;   // "Response" or "Assertion" (local name of the parent)
  std::string signed_id;        // the parent's ID attribute
  const xmlNode* signed_node = nullptr;  // the parent element; valid while the Document lives
  SignatureStatus status = SignatureStatus::ProfileViolation;
  std::string signature_method;  // algorithm URIs as written
  std::string digest_method;
  std::string c14n_method;            // SignedInfo's CanonicalizationMethod
  std::string reference_c14n_method;  // the Reference's c14n transform; empty when none
  std::optional<CertificateInfo> key_used;        // the trusted key that verified it
  std::vector<CertificateInfo> keyinfo_certificates;  // certificates the message carries
  std::vector<bool> keyinfo_trusted;              // parallel: does each match a trusted one
  NodeRef where;                                  // the ds:Signature element; valid as signed_node
  std::string reference_uri;                      // the Reference URI as written
  // With DsigPolicy::keep_canonical_bytes, once the cryptography ran: the Reference's
  // bytes after its transforms (what was digested) and the canonical SignedInfo.
  std::string canonical_reference;
  std::string canonical_signed_info;
};

struct DsigResult {
  std::vector<SignatureReport> signatures;
  // Element nodes covered by a verified signature (the signed parents; their subtrees
  // minus the enveloped Signature are covered).
  std::vector<const xmlNode*> covered;

  bool covers(const xmlNode* element) const;  // element itself or an ancestor is covered
};

// Checks every ds:Signature in the document against the profile, then verifies those that
// pass with the trusted keys. Never reads values from uncovered nodes; never fetches.
// Appends every signature-related problem to `findings`. Registers the document's SAML IDs
// with libxml2 (so references resolve), hence the mutable Document.
DsigResult verify_signatures(Document& doc, const TrustStore& trust, const DsigPolicy& policy,
                             std::vector<Finding>& findings);

}  // namespace saml
