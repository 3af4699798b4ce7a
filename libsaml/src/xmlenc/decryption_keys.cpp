// DecryptionKeys: SP private keys read from PEM with OpenSSL.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

#include <climits>
#include <string>

#include "saml/xmlenc.h"
#include "util/openssl_ptr.h"
#include "util/xmlsec_runtime.h"
#include "xmlenc/private_key.h"

namespace saml {
namespace {

// Refuses to prompt for a passphrase: an encrypted PEM is a configuration error.
int no_passphrase(char* /*buf*/, int /*size*/, int /*rwflag*/, void* /*userdata*/) { return 0; }

Error key_error(std::string_view source, const std::string& message) {
  return Error{ErrorKind::Config, ErrorCode::XmlencKey, std::string(source) + ": " + message, {}};
}

// "AB:CD:...": SHA-256 of the SubjectPublicKeyInfo DER; empty if it cannot be encoded.
std::string public_key_fingerprint(EVP_PKEY* key) {
  std::string text;
  unsigned char* der = nullptr;
  const int length = i2d_PUBKEY(key, &der);
  if (length > 0) {
    Sha256 digest{};
    SHA256(der, static_cast<std::size_t>(length), digest.data());
    text = format_fingerprint(digest);
  }
  OPENSSL_free(der);
  return text;
}

// "RSA-2048, public key SHA-256 AB:CD:...".
std::string describe(EVP_PKEY* key, const std::string& fingerprint) {
  std::string text = "RSA-" + std::to_string(EVP_PKEY_get_bits(key));
  if (!fingerprint.empty()) text += ", public key SHA-256 " + fingerprint;
  return text;
}

}  // namespace

Expected<Ok> DecryptionKeys::add_pem_private_key(std::string_view pem, std::string_view source) {
  if (pem.size() > static_cast<std::size_t>(INT_MAX)) return key_error(source, "file too large");
  detail::ensure_xmlsec_initialised();  // first OpenSSL use: initialise it our way
  util::BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return key_error(source, "out of memory");
  auto key = std::make_shared<detail::PrivateKey>();
  key->pkey.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr));
  ERR_clear_error();
  if (!key->pkey) {
    const bool encrypted = pem.find("ENCRYPTED") != std::string_view::npos;
    return key_error(source, encrypted
                                 ? "the private key is passphrase-protected; decrypt it first "
                                   "(openssl pkey -in key.pem -out plain.pem)"
                                 : "no PEM private key found (expected a 'PRIVATE KEY' or 'RSA "
                                   "PRIVATE KEY' block)");
  }
  if (EVP_PKEY_get_base_id(key->pkey.get()) != EVP_PKEY_RSA) {
    return key_error(source, "not an RSA key: SAML key transport (RSA-OAEP, RSA-1.5) needs RSA");
  }
  DecryptionKey entry;
  entry.source = std::string(source);
  entry.fingerprint = public_key_fingerprint(key->pkey.get());
  entry.description = describe(key->pkey.get(), entry.fingerprint);
  entry.key = std::move(key);
  keys_.push_back(std::move(entry));
  return Ok{};
}

}  // namespace saml
