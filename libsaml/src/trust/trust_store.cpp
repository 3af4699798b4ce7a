#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>

#include "saml/trust.h"
#include "saml/xml.h"
#include "trust/certificate.h"
#include "trust/pinned_key.h"
#include "trust/trust_store_internal.h"
#include "util/base64_text.h"
#include "util/openssl_ptr.h"
#include "util/xmlsec_runtime.h"

namespace saml {
namespace {

// Every certificate in a PEM bundle, or the one certificate of a DER file.
Expected<std::vector<detail::X509Ptr>> read_certificates(std::string_view data, std::string_view source) {
  detail::ensure_xmlsec_initialised();  // first OpenSSL use: initialise it our way
  std::vector<detail::X509Ptr> certs;
  if (data.find("-----BEGIN") == std::string_view::npos) {
    auto der = detail::certificate_from_der(data);
    if (!der) {
      return Error{ErrorKind::Config, ErrorCode::TrustPem,
                   std::string(source) + ": neither PEM (no -----BEGIN CERTIFICATE-----) nor a DER certificate", {}};
    }
    certs.push_back(std::move(*der));
    return certs;
  }
  util::BioPtr bio(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  // The blocks PEM_read_bio_X509 would read, as bytes, so that each is parsed (and held to
  // canonical DER) by certificate_from_der like a DER file or a metadata certificate.
  unsigned char* block = nullptr;
  long length = 0;
  while (PEM_bytes_read_bio(&block, &length, nullptr, PEM_STRING_X509, bio.get(), nullptr, nullptr) == 1) {
    auto cert = detail::certificate_from_der(
        std::string_view(reinterpret_cast<const char*>(block), static_cast<std::size_t>(length)));
    OPENSSL_free(block);
    if (!cert) {
      ERR_clear_error();
      return Error{ErrorKind::Config, ErrorCode::TrustPem,
                   std::string(source) + ": certificate " + std::to_string(certs.size() + 1) + ": " +
                       cert.error().message, {}};
    }
    certs.push_back(std::move(*cert));
  }
  ERR_clear_error();  // the loop ends on "no start line", which is not an error here
  if (certs.empty()) {
    return Error{ErrorKind::Config, ErrorCode::TrustPem,
                 std::string(source) + ": no CERTIFICATE block found (a bare PUBLIC KEY goes to "
                 "--pubkey; a private key is never needed to verify)", {}};
  }
  return certs;
}

}  // namespace

namespace detail {

Expected<Ok> add_certificate(std::vector<TrustedKey>& keys, X509* cert, std::string_view source,
                             std::string_view entity_id) {
  // The SubjectPublicKeyInfo, written once: the key's fingerprint and the pinned key's copy.
  std::string spki = subject_public_key_info(cert);
  CertificateInfo info = describe_certificate(cert, spki);
  const auto known = std::find_if(keys.begin(), keys.end(), [&](const TrustedKey& key) {
    return key.certificate.fingerprint == info.fingerprint;
  });
  if (known != keys.end()) {
    if (!entity_id.empty()) known->entity_ids.emplace_back(entity_id);
    return Ok{};
  }
  auto pinned = pin_public_key(X509_get0_pubkey(cert), std::move(spki));
  if (!pinned) {
    Error error = pinned.error();
    error.message = std::string(source) + ": " + info.subject + ": " + error.message;
    return error;
  }
  unsigned char* der = nullptr;
  const int der_length = i2d_X509(cert, &der);
  if (der_length <= 0) return Error{ErrorKind::Config, ErrorCode::TrustDer, std::string(source) + ": cannot encode the certificate", {}};
  std::string der_bytes(reinterpret_cast<const char*>(der), static_cast<std::size_t>(der_length));
  OPENSSL_free(der);
  std::string der_base64 = encode_base64(der_bytes);
  TrustedKey key{std::move(info), std::string(source), std::move(*pinned), std::move(der_bytes),
                 std::move(der_base64), false, {}};
  if (!entity_id.empty()) key.entity_ids.emplace_back(entity_id);
  keys.push_back(std::move(key));
  return Ok{};
}

// Byte equality of the DER is what equal SHA-256 fingerprints stand for, without hashing the
// message's certificate for every message.
const TrustedKey* find_trusted_certificate(const TrustStore& trust, std::string_view der) {
  for (const TrustedKey& key : trust.keys()) {
    if (key.der == der) return &key;
  }
  return nullptr;
}

namespace {

bool text_is_base64(const xmlNode* element, std::string_view base64) {
  std::size_t matched = 0;
  for (const xmlNode* child = element->children; child != nullptr; child = child->next) {
    if (!is_text_piece(child) || child->content == nullptr) continue;
    if (!continues_without_ascii_space(base64, reinterpret_cast<const char*>(child->content), matched)) return false;
  }
  return matched == base64.size();
}

}  // namespace

const TrustedKey* find_trusted_certificate_text(const TrustStore& trust, const xmlNode* element) {
  for (const TrustedKey& key : trust.keys()) {
    if (!key.der_base64.empty() && text_is_base64(element, key.der_base64)) return &key;
  }
  return nullptr;
}

}  // namespace detail

Expected<int> TrustStore::add_pem_certificates(std::string_view pem, std::string_view source) {
  auto certs = read_certificates(pem, source);
  if (!certs) return certs.error();
  // All or nothing: a bundle with one bad certificate adds none of them.
  std::vector<TrustedKey> staged = keys_;
  for (const auto& cert : *certs) {
    auto added = detail::add_certificate(staged, cert.get(), source);
    if (!added) return added.error();
  }
  // A certificate already trusted (or repeated in the bundle) is not added again.
  const auto added = static_cast<int>(staged.size() - keys_.size());
  keys_ = std::move(staged);
  return added;
}

Expected<Ok> TrustStore::add_fingerprint(std::string_view text) {
  auto digest = parse_fingerprint(text);
  if (!digest) return digest.error();
  if (std::find(fingerprints_.begin(), fingerprints_.end(), *digest) == fingerprints_.end()) {
    fingerprints_.push_back(*digest);
  }
  return Ok{};
}

}  // namespace saml
