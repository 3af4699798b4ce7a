// A trusted public key as xmlsec wants it: an xmlSecKey holding only the public key
// (no X509 data), built once when the TrustStore is built and lent to each verification.
#pragma once

#include <openssl/evp.h>
#include <xmlsec/keys.h>

#include <memory>
#include <string>

#include "saml/error.h"

namespace saml::detail {

struct XmlSecKeyDeleter {
  void operator()(xmlSecKey* key) const { xmlSecKeyDestroy(key); }
};
using XmlSecKeyPtr = std::unique_ptr<xmlSecKey, XmlSecKeyDeleter>;

struct PinnedKey {
  XmlSecKeyPtr key;
  int evp_type = 0;  // EVP_PKEY_RSA, EVP_PKEY_EC, ...
  // The DER SubjectPublicKeyInfo it was made from, to load it again in another thread's
  // OpenSSL context (TrustStore::for_this_thread); empty for a key pinned for one message.
  std::string spki_der;
};

// Takes a reference to `public_key` (the caller keeps its own); `spki_der` is its
// SubjectPublicKeyInfo, kept for TrustStore::for_this_thread.
Expected<std::shared_ptr<const PinnedKey>> pin_public_key(EVP_PKEY* public_key, std::string spki_der = {});

}  // namespace saml::detail
