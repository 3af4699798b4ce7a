#include "trust/certificate.h"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <utility>

#include "util/base64_text.h"
#include "util/openssl_ptr.h"
#include "util/xmlsec_runtime.h"

namespace saml {
namespace {

std::string name_to_string(const X509_NAME* name) {
  util::BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0) return {};
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::optional<TimePoint> asn1_time_to_point(const ASN1_TIME* time) {
  std::tm tm{};
  if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1) return std::nullopt;
  const std::time_t seconds = timegm(&tm);
  return std::chrono::time_point_cast<std::chrono::microseconds>(Clock::from_time_t(seconds));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string format_fingerprint(const Sha256& digest) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string text;
  for (std::size_t i = 0; i < digest.size(); ++i) {
    if (i > 0) text += ':';
    text += kHex[digest[i] >> 4];
    text += kHex[digest[i] & 0xF];
  }
  return text;
}

Expected<Sha256> parse_fingerprint(std::string_view text) {
  // openssl x509 -fingerprint -sha256 prints "sha256 Fingerprint=AA:BB:..." (OpenSSL 1.1:
  // "SHA256 Fingerprint="): take the line as printed.
  if (const auto equals = text.find('='); equals != std::string_view::npos) {
    std::string label;
    for (const char c : text.substr(0, equals)) {
      if (c != ' ' && c != '\t') label += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (label != "sha256fingerprint") {
      return Error{ErrorKind::Config, ErrorCode::TrustFingerprint,
                   "'" + std::string(text.substr(0, equals)) +
                       "=' is not a SHA-256 fingerprint (openssl x509 -noout -fingerprint -sha256 "
                       "prints one)", {}};
    }
    text = text.substr(equals + 1);
  }
  std::string hex;
  for (const char c : text) {
    if (c == ':' || c == ' ' || c == '-' || c == '\n' || c == '\r' || c == '\t') continue;
    if (hex_value(c) < 0) {
      return Error{ErrorKind::Config, ErrorCode::TrustFingerprint,
                   "fingerprint has a non-hex character '" + std::string(1, c) +
                       "' (expected 64 hex digits, colons allowed)", {}};
    }
    hex += c;
  }
  if (hex.size() != 64) {
    return Error{ErrorKind::Config, ErrorCode::TrustFingerprint,
                 "SHA-256 fingerprint needs 64 hex digits, got " + std::to_string(hex.size()), {}};
  }
  Sha256 digest{};
  for (std::size_t i = 0; i < digest.size(); ++i) {
    digest[i] = static_cast<std::uint8_t>(hex_value(hex[2 * i]) * 16 + hex_value(hex[2 * i + 1]));
  }
  return digest;
}

namespace detail {

CertificateInfo describe_certificate(X509* cert) { return describe_certificate(cert, subject_public_key_info(cert)); }

CertificateInfo describe_certificate(X509* cert, std::string_view spki_der) {
  CertificateInfo info;
  info.subject = name_to_string(X509_get_subject_name(cert));
  info.issuer = name_to_string(X509_get_issuer_name(cert));
  unsigned int length = 0;
  X509_digest(cert, EVP_sha256(), info.fingerprint.data(), &length);
  info.not_before = asn1_time_to_point(X509_get0_notBefore(cert));
  info.not_after = asn1_time_to_point(X509_get0_notAfter(cert));
  if (EVP_PKEY* key = X509_get0_pubkey(cert)) describe_public_key(key, spki_der, info);
  return info;
}

std::string subject_public_key_info(X509* cert) {
  // Written back from the decoded fields: for the keys IdPs use the bytes i2d_PUBKEY
  // writes, without setting up an OpenSSL encoder (that set-up was a fifth of a one-shot
  // saml-verify).
  unsigned char* spki = nullptr;
  const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &spki);
  std::string der = length > 0 ? std::string(reinterpret_cast<const char*>(spki), static_cast<std::size_t>(length))
                               : std::string();
  OPENSSL_free(spki);
  return der;
}

void describe_public_key(EVP_PKEY* key, std::string_view spki_der, CertificateInfo& info) {
  switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA: info.key_type = "RSA"; break;
    case EVP_PKEY_EC: info.key_type = "EC"; break;
    default: info.key_type = OBJ_nid2sn(EVP_PKEY_get_base_id(key)); break;
  }
  info.key_bits = EVP_PKEY_get_bits(key);
  if (!spki_der.empty()) {
    EVP_Digest(spki_der.data(), spki_der.size(), info.public_key_fingerprint.data(), nullptr, EVP_sha256(), nullptr);
  }
}

Expected<util::PkeyPtr> public_key_from_der(std::string_view der) {
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  util::PkeyPtr key(d2i_PUBKEY(nullptr, &cursor, static_cast<long>(der.size())));
  if (!key || cursor != reinterpret_cast<const unsigned char*>(der.data() + der.size())) {
    return Error{ErrorKind::Config, ErrorCode::TrustPubkey, "not exactly one DER SubjectPublicKeyInfo", {}};
  }
  return key;
}

Expected<X509Ptr> certificate_from_der(std::string_view der) {
  ensure_xmlsec_initialised();  // first OpenSSL use: initialise it our way
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  X509Ptr cert(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
  if (!cert || cursor != reinterpret_cast<const unsigned char*>(der.data() + der.size())) {
    return Error{ErrorKind::Config, ErrorCode::TrustDer, "not exactly one DER-encoded X.509 certificate", {}};
  }
  // OpenSSL also reads BER-ish encodings (non-zero padding bits, long-form lengths...) and
  // fingerprints its own re-encoding. A pinned fingerprint must be the SHA-256 of the bytes
  // the user has, so a certificate whose canonical DER differs from its bytes is refused.
  unsigned char* canonical = nullptr;
  const int length = i2d_X509(cert.get(), &canonical);
  const bool same = length > 0 && std::string_view(reinterpret_cast<const char*>(canonical),
                                                   static_cast<std::size_t>(length)) == der;
  OPENSSL_free(canonical);
  if (!same) {
    return Error{ErrorKind::Config, ErrorCode::TrustDer,
                 "the certificate is not in canonical DER (OpenSSL re-encodes it as other bytes), so "
                 "its SHA-256 fingerprint would not be that of these bytes",
                 {}};
  }
  return cert;
}

Expected<std::string> der_from_base64_text(std::string_view text) {
  const auto length = static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return c != ' ' && c != '\t' && c != '\r' && c != '\n';
  }));
  if (length == 0 || length % 4 != 0) {
    return Error{ErrorKind::Decode, ErrorCode::TrustBase64,
                 "certificate base64 has length " + std::to_string(length) +
                     " (not a positive multiple of 4)", {}};
  }
  auto der = decode_base64_text(text);
  if (!der) return Error{ErrorKind::Decode, ErrorCode::TrustBase64, "certificate is not valid base64", {}};
  return std::move(*der);
}

}  // namespace detail

CertificateValidity certificate_validity(const CertificateInfo& cert, TimePoint now) {
  if (!cert.not_before || !cert.not_after) return CertificateValidity::Undated;
  if (now < *cert.not_before) return CertificateValidity::NotYetValid;
  if (now >= *cert.not_after) return CertificateValidity::Expired;
  if (*cert.not_after - now <= kCertificateExpiryWarning) return CertificateValidity::ExpiringSoon;
  return CertificateValidity::Valid;
}

Expected<CertificateInfo> inspect_certificate_der(std::string_view der) {
  auto cert = detail::certificate_from_der(der);
  if (!cert) return cert.error();
  return detail::describe_certificate(cert->get());
}

}  // namespace saml
