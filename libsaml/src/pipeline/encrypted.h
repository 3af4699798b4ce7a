// The pipeline step for a saml:EncryptedAssertion: decrypt it into its own document and
// verify the signatures in it, so the decrypted Assertion is treated like a plaintext one.
#pragma once

#include <libxml/tree.h>

#include "saml/dsig.h"
#include "saml/policy.h"
#include "saml/trust.h"
#include "saml/verify.h"

namespace saml {

// Fills verdict.encryption (and decrypted_document), appends findings (XML005 when no key
// was given, XML007/SIG017/SIG019 from decryption, XML004 and the signature findings of
// the decrypted Assertion) and merges its signatures into verdict.signatures. Returns the
// decrypted Assertion node, or nullptr. Call after the Response's own signatures were
// verified: a verified Response signature covers the ciphertext, hence the Assertion.
const xmlNode* open_encrypted_assertion(const xmlNode* encrypted, const TrustStore& trust,
                                        const Policy& policy, const DsigPolicy& dsig_policy,
                                        Verdict& verdict);

}  // namespace saml
