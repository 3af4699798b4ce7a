// An SP private key as OpenSSL holds it, owned through DecryptionKey::key.
#pragma once

#include <openssl/evp.h>

#include <memory>

namespace saml::detail {

struct EvpPkeyDeleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};

struct PrivateKey {
  std::unique_ptr<EVP_PKEY, EvpPkeyDeleter> pkey;  // RSA, private
};

}  // namespace saml::detail
