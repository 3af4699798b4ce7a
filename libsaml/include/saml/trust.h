// Trust: the keys the user trusts, pinned as bare public keys when the store is built.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saml/error.h"
#include "saml/time.h"

namespace saml {

using Sha256 = std::array<std::uint8_t, 32>;

// "AB:CD:..." upper-case hex with colons, as openssl x509 -fingerprint prints it.
std::string format_fingerprint(const Sha256& digest);
// Accepts hex with or without colons/spaces, any case.
Expected<Sha256> parse_fingerprint(std::string_view text);

// What we know of a certificate (from the trust store or from a message's KeyInfo), or of
// a bare public key given with --pubkey (no subject, issuer or dates).
struct CertificateInfo {
  std::string subject;       // RFC 2253 style one-liner
  std::string issuer;
  Sha256 fingerprint{};      // SHA-256 of the DER (of the SubjectPublicKeyInfo for a bare key)
  Sha256 public_key_fingerprint{};  // SHA-256 of the DER SubjectPublicKeyInfo
  std::optional<TimePoint> not_before;
  std::optional<TimePoint> not_after;
  std::string key_type;      // "RSA", "EC"
  int key_bits = 0;
};

// Where `now` falls in a certificate's validity period: the one definition decode, verify
// and lint use. AWS verifies with the key and does not reject on certificate dates (see
// docs/rules.md, SIG014), so no state changes a verdict; the tools report them alike.
enum class CertificateValidity {
  Undated,       // a bare public key (--pubkey): no certificate, no dates
  NotYetValid,   // now < notBefore
  Valid,         // more than kCertificateExpiryWarning before notAfter
  ExpiringSoon,  // within kCertificateExpiryWarning of notAfter
  Expired,       // now >= notAfter
};
inline constexpr std::chrono::hours kCertificateExpiryWarning{24 * 30};
CertificateValidity certificate_validity(const CertificateInfo& cert, TimePoint now);

// Parses one DER certificate (for KeyInfo reporting and fingerprint trust).
Expected<CertificateInfo> inspect_certificate_der(std::string_view der);

namespace detail {
struct PinnedKey;  // an xmlsec key holding only the public key (opaque here)
}

struct TrustedKey {
  CertificateInfo certificate;  // empty subject when trusted as a bare public key
  std::string source;           // file it came from
  std::shared_ptr<const detail::PinnedKey> pinned;
  std::string der;              // the certificate's DER: a KeyInfo copy is recognised byte for byte
  std::string der_base64;       // that DER in base64 without line breaks, as KeyInfo text is compared
  bool public_key_only = false;  // given as a PEM PUBLIC KEY: a KeyInfo certificate holding
                                 // this very key is recognised by its public key
  // The entityIDs of the metadata entities that list this key (--metadata); empty when it was
  // given otherwise. The Issuer of what it verifies must be one of them (MET008).
  std::vector<std::string> entity_ids;
};

class TrustStore {
 public:
  // One or more PEM certificates (rollover); returns how many were added (a certificate
  // already in the store, or repeated, counts once).
  Expected<int> add_pem_certificates(std::string_view pem, std::string_view source);
  // One or more PEM "PUBLIC KEY" blocks (SubjectPublicKeyInfo, as xmlsec1 --pubkey-pem
  // reads): the bare key is trusted, with no certificate and so no dates; returns how many
  // were added (a key already in the store counts once).
  Expected<int> add_pem_public_keys(std::string_view pem, std::string_view source);
  // A SHA-256 certificate fingerprint: a KeyInfo certificate with this fingerprint is trusted.
  Expected<Ok> add_fingerprint(std::string_view text);
  // IdP metadata XML: every KeyDescriptor usable for signing (use="signing" or no use);
  // returns how many keys were added, as add_pem_certificates.
  Expected<int> add_metadata(std::string_view xml, std::string_view source);

  bool empty() const { return keys_.empty() && fingerprints_.empty(); }
  const std::vector<TrustedKey>& keys() const { return keys_; }
  const std::vector<Sha256>& fingerprints() const { return fingerprints_; }
  // The metadata entityIDs seen (for reporting and lint).
  const std::vector<std::string>& metadata_entity_ids() const { return entity_ids_; }

  // The same trust with every key loaded again in the calling thread's OpenSSL context: for
  // a worker thread that holds a ThreadCrypto (saml/thread_crypto.h), built after it and
  // destroyed before it. A key that cannot be loaded again stays shared (still correct).
  TrustStore for_this_thread() const;

 private:
  std::vector<TrustedKey> keys_;
  std::vector<Sha256> fingerprints_;
  std::vector<std::string> entity_ids_;
};

}  // namespace saml
