// The pipeline step for a saml:EncryptedAssertion: decrypt it into its own document and
// verify the signatures in it, so the decrypted Assertion is treated like a plaintext one.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <vector>

#include "saml/dsig.h"
#include "saml/policy.h"
#include "saml/trust.h"
#include "saml/verify.h"

namespace saml {

struct OpenedEncryption {
  bool readable = false;       // its structure was read (report.info is filled)
  EncryptionReport report;     // report.failure says why it was not decrypted
  std::shared_ptr<Document> decrypted;  // the decrypted Assertion's document, if any
};

// Inspects an EncryptedAssertion and, with policy.decryption_keys, decrypts it. Appends
// XML005 (no key: names the key needed), XML007, SIG017 or SIG019. Shared by verify and
// saml-decode (which shows what it can without trust).
OpenedEncryption decrypt_encrypted_assertion(const xmlNode* encrypted, const Policy& policy,
                                             std::vector<Finding>& findings);

// Fills verdict.encryption (and decrypted_document), appends findings (XML005 when no key
// was given, XML007/SIG017/SIG019 from decryption, XML004 and the signature findings of
// the decrypted Assertion) and merges its signatures into verdict.signatures. Returns the
// decrypted Assertion node, or nullptr. Call after the Response's own signatures were
// verified: a verified Response signature covers the ciphertext, hence the Assertion.
const xmlNode* open_encrypted_assertion(const xmlNode* encrypted, const TrustStore& trust,
                                        const Policy& policy, const DsigPolicy& dsig_policy,
                                        Verdict& verdict);

}  // namespace saml
