// One cryptographic verification of one ds:Signature with one key, through xmlsec.
#pragma once

#include <libxml/tree.h>

#include <string>

#include "saml/dsig.h"
#include "trust/pinned_key.h"

namespace saml::detail {

struct XmlsecOutcome {
  enum class Kind {
    Valid,           // xmlsec status Succeeded
    DigestMismatch,  // a Reference digest differs: content changed after signing
    BadSignature,    // digests fine, signature value does not verify with this key
    Failed,          // xmlsec could not process it (malformed, key type mismatch, ...)
  } kind = Kind::Failed;
  std::string detail;  // the failing reference URI, or xmlsec's error text
  // Only with DsigPolicy::keep_canonical_bytes (empty where xmlsec stopped before them).
  std::string canonical_reference;
  std::string canonical_signed_info;
};

// Verifies with exactly `key` (KeyInfo is never consulted), same-document references
// only, and only the profile's transforms and algorithms enabled.
XmlsecOutcome verify_with_key(const xmlNode* signature, const PinnedKey& key, const DsigPolicy& policy);

}  // namespace saml::detail
