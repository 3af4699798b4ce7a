// Likely causes of a failed signature, read from the tree, for the SIG009 messages.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

#include "trust/pinned_key.h"

namespace saml::detail {

// Why a Reference digest probably differs: the signed element looks re-indented,
// re-wrapped or CRLF-converted, or the DigestValue is truncated. Empty when nothing
// stands out. `signed_node` is the referenced element, `signature` its ds:Signature.
std::string digest_failure_hints(const xmlNode* signed_node, const xmlNode* signature,
                                 std::string_view digest_method);

// "; the SignatureValue is N bytes, a signature by this key is M bytes: it looks
// truncated" when the lengths differ, else empty.
std::string signature_length_hint(const xmlNode* signature, const PinnedKey& key);

// What ds:KeyInfo offers besides certificates: "a ds:KeyValue (RSAKeyValue)", a KeyName,
// or "no ds:KeyInfo". Certificates are described by the caller (with fingerprints).
std::string describe_key_info(const xmlNode* signature);

}  // namespace saml::detail
