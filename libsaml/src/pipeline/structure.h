// Structural checks on the parsed document before any value is read.
#pragma once

#include <libxml/tree.h>

#include <vector>

#include "saml/finding.h"
#include "saml/xml.h"

namespace saml {

// A document whose root is in neither SAML 2.0 namespace is no SAML message at all: an
// Error (kind Decode, exit 3 in every tool), not a finding.
Expected<Ok> require_saml_root(const Document& doc);

// The one assertion of a Response: plaintext or encrypted (at most one is set).
struct AssertionSlot {
  const xmlNode* assertion = nullptr;
  const xmlNode* encrypted = nullptr;  // a saml:EncryptedAssertion
};

// Checks that the root is samlp:Response (XML003) and that the document holds exactly one
// saml:Assertion or saml:EncryptedAssertion, a direct child of the root (XML004). Returns
// it, or an empty slot with findings. What to do with an encrypted one is the caller's.
AssertionSlot find_assertion_slot(const Document& doc, std::vector<Finding>& findings);

// A decrypted assertion's document (a synthetic Response around the decrypted element):
// that element is a saml:Assertion holding no other Assertion or EncryptedAssertion
// (XML004). Returns it, or nullptr with findings.
const xmlNode* check_decrypted_assertion(const Document& decrypted, std::vector<Finding>& findings);

}  // namespace saml
