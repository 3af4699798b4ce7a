#include "pipeline/stage_policies.h"

namespace saml {

DsigPolicy dsig_policy_of(const Policy& policy) {
  DsigPolicy dsig;
  dsig.allow_sha1 = policy.allow_sha1;
  dsig.keep_canonical_bytes = policy.keep_canonical_bytes;
  return dsig;
}

DecryptionPolicy decryption_policy_of(const Policy& policy) {
  DecryptionPolicy decryption;
  decryption.allow_rsa15 = policy.allow_rsa15;
  decryption.parse_limits = policy.parse_limits;
  return decryption;
}

}  // namespace saml
