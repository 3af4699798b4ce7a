// The one place a caller's Policy becomes the policies of the signature and decryption
// stages (verify_capture, the encrypted-assertion step and decode_view all use it).
#pragma once

#include "saml/dsig.h"
#include "saml/policy.h"
#include "saml/xmlenc.h"

namespace saml {

DsigPolicy dsig_policy_of(const Policy& policy);
DecryptionPolicy decryption_policy_of(const Policy& policy);

}  // namespace saml
