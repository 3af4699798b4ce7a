// The decrypted content of an EncryptedAssertion, parsed where it sits: xmlsec1 (and every
// SP that decrypts in place) replaces the EncryptedData by the plaintext, so prefixes the
// plaintext uses but does not declare come from the elements around the EncryptedAssertion.
#pragma once

#include <libxml/tree.h>

#include <string_view>

#include "saml/error.h"
#include "saml/xml.h"

namespace saml::detail {

// A document shaped like wrap_in_response's: a synthetic samlp:Response (never signed,
// no attributes) whose only child is the decrypted element. Element content is parsed in
// the namespace context of `encrypted_assertion` (every declaration in scope there goes on
// the synthetic Response); a plaintext that starts with an XML declaration is a document
// of its own and is parsed alone. Errors say only that the content is not well-formed.
Expected<Document> parse_decrypted(std::string_view plaintext, const xmlNode* encrypted_assertion,
                                   const ParseLimits& limits);

}  // namespace saml::detail
