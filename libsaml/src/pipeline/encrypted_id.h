// The Subject's saml:EncryptedID: decrypted with the same --decrypt-key keys as an
// EncryptedAssertion, it gives the NameID (SAML core 2.2.4, 2.4.1).
#pragma once

#include <vector>

#include "saml/finding.h"
#include "saml/model.h"
#include "saml/policy.h"

namespace saml {

// For an assertion a trusted signature covers (its signature covers the ciphertext, so the
// NameID inside is the IdP's): fills assertion's name_id fields from its EncryptedID, or
// appends SIG021 saying why it cannot (no key, not decryptable, not a NameID, or a NameID
// beside it). Does nothing when the Subject has no EncryptedID.
void open_encrypted_id(Assertion& assertion, const Policy& policy, std::vector<Finding>& findings);

}  // namespace saml
