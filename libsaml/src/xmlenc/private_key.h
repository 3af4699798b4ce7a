// An SP private key as OpenSSL holds it, owned through DecryptionKey::key.
#pragma once

#include "util/openssl_ptr.h"

namespace saml::detail {

struct PrivateKey {
  util::PkeyPtr pkey;  // RSA, private
};

}  // namespace saml::detail
