// TrustStore::add_pem_public_keys: trust given as bare public keys (PEM "PUBLIC KEY"), the
// form xmlsec1 --pubkey-pem reads. Such a key has no certificate, so no subject and no dates.
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <memory>

#include "saml/trust.h"
#include "trust/certificate.h"
#include "trust/pinned_key.h"
#include "util/openssl_ptr.h"
#include "util/xmlsec_runtime.h"

namespace saml {
namespace {

// One DER SubjectPublicKeyInfo, held to canonical DER like a certificate (its fingerprint
// is the SHA-256 of the bytes the user has).
Expected<util::PkeyPtr> canonical_public_key(std::string_view der) {
  auto key = detail::public_key_from_der(der);
  if (!key) return key.error();
  unsigned char* canonical = nullptr;
  const int length = i2d_PUBKEY(key->get(), &canonical);
  const bool same = length > 0 && std::string_view(reinterpret_cast<const char*>(canonical),
                                                   static_cast<std::size_t>(length)) == der;
  OPENSSL_free(canonical);
  if (!same) return Error{ErrorKind::Config, ErrorCode::TrustPubkey, "the public key is not in canonical DER", {}};
  return key;
}

}  // namespace

Expected<int> TrustStore::add_pem_public_keys(std::string_view pem, std::string_view source) {
  detail::ensure_xmlsec_initialised();  // first OpenSSL use: initialise it our way
  util::BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return Error{ErrorKind::Config, ErrorCode::TrustPubkey, std::string(source) + ": out of memory", {}};
  std::vector<TrustedKey> staged = keys_;  // all or nothing, as add_pem_certificates
  std::size_t blocks = 0;
  unsigned char* block = nullptr;
  long length = 0;
  while (PEM_bytes_read_bio(&block, &length, nullptr, PEM_STRING_PUBLIC, bio.get(), nullptr, nullptr) == 1) {
    ++blocks;
    std::string spki(reinterpret_cast<const char*>(block), static_cast<std::size_t>(length));
    OPENSSL_free(block);
    auto key = canonical_public_key(spki);
    if (!key) {
      ERR_clear_error();
      return Error{ErrorKind::Config, ErrorCode::TrustPubkey,
                   std::string(source) + ": public key " + std::to_string(blocks) + ": " + key.error().message, {}};
    }
    CertificateInfo info;
    detail::describe_public_key(key->get(), spki, info);  // spki is canonical: checked above
    info.fingerprint = info.public_key_fingerprint;
    const bool known = std::any_of(staged.begin(), staged.end(), [&](const TrustedKey& trusted) {
      return trusted.public_key_only && trusted.certificate.fingerprint == info.fingerprint;
    });
    if (known) continue;
    auto pinned = detail::pin_public_key(key->get(), std::move(spki));
    if (!pinned) {
      Error error = pinned.error();
      error.message = std::string(source) + ": public key " + std::to_string(blocks) + ": " + error.message;
      return error;
    }
    staged.push_back(TrustedKey{std::move(info), std::string(source), std::move(*pinned), {}, {}, true, {}});
  }
  ERR_clear_error();  // the loop ends on "no start line", which is not an error here
  if (blocks == 0) {
    return Error{ErrorKind::Config, ErrorCode::TrustPubkey,
                 std::string(source) + ": no PUBLIC KEY block found (a certificate goes to --cert; "
                 "a private key is never needed to verify)", {}};
  }
  const auto added = static_cast<int>(staged.size() - keys_.size());
  keys_ = std::move(staged);
  return added;
}

}  // namespace saml
