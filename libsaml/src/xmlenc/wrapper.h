// The decrypted Assertion placed under a synthetic samlp:Response, so the signature
// profile (which accepts a signed Assertion only directly under the root Response) and
// every later stage see the same shape as a plaintext response.
#pragma once

#include <optional>

#include "saml/xml.h"

namespace saml::detail {

// A new document: <samlp:Response> (no attributes, never signed) whose only child is a
// deep copy of `decrypted`'s root element. nullopt when libxml2 cannot allocate.
// (`decrypted` is only read; libxml2's copy function takes a mutable node.)
std::optional<Document> wrap_in_response(Document& decrypted);

}  // namespace saml::detail
