#include "trust/pinned_key.h"

#include <xmlsec/openssl/evp.h>

#include "util/xmlsec_runtime.h"

namespace saml::detail {

Expected<std::shared_ptr<const PinnedKey>> pin_public_key(EVP_PKEY* public_key, std::string spki_der) {
  ensure_xmlsec_initialised();
  // X509_get0_pubkey gives nullptr when OpenSSL cannot decode the certificate's key.
  if (public_key == nullptr) {
    return Error{ErrorKind::Config, ErrorCode::TrustKey,
                 "the certificate's public key cannot be decoded (unsupported or malformed)", {}};
  }
  if (EVP_PKEY_up_ref(public_key) != 1) {
    return Error{ErrorKind::Config, ErrorCode::TrustKey, "cannot take a reference to the public key", {}};
  }
  xmlSecKeyDataPtr data = xmlSecOpenSSLEvpKeyAdopt(public_key);
  if (data == nullptr) {
    EVP_PKEY_free(public_key);
    return Error{ErrorKind::Config, ErrorCode::TrustKey,
                 "unsupported public key type (RSA and EC keys are supported)", {}};
  }
  XmlSecKeyPtr key(xmlSecKeyCreate());
  if (!key || xmlSecKeySetValue(key.get(), data) < 0) {
    xmlSecKeyDataDestroy(data);
    return Error{ErrorKind::Config, ErrorCode::TrustKey, "cannot build an xmlsec key: " + take_xmlsec_error(), {}};
  }
  auto pinned = std::make_shared<PinnedKey>();
  pinned->key = std::move(key);
  pinned->evp_type = EVP_PKEY_get_base_id(public_key);
  pinned->spki_der = std::move(spki_der);
  return std::shared_ptr<const PinnedKey>(std::move(pinned));
}

}  // namespace saml::detail
