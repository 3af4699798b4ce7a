// OpenSSL certificate helpers shared by the trust store and the signature stage.
#pragma once

#include <openssl/x509.h>

#include <memory>
#include <string>
#include <string_view>

#include "saml/trust.h"
#include "util/openssl_ptr.h"

namespace saml::detail {

using util::X509Ptr;

CertificateInfo describe_certificate(X509* cert);
// The same, with the certificate's SubjectPublicKeyInfo (subject_public_key_info) the caller
// already holds.
CertificateInfo describe_certificate(X509* cert, std::string_view spki_der);
// The certificate's SubjectPublicKeyInfo as DER; empty when it cannot be written.
std::string subject_public_key_info(X509* cert);
// Fills key_type, key_bits and public_key_fingerprint (the SHA-256 of `spki_der`, the key's
// DER SubjectPublicKeyInfo, which the caller already holds).
void describe_public_key(EVP_PKEY* key, std::string_view spki_der, CertificateInfo& info);
Expected<X509Ptr> certificate_from_der(std::string_view der);
// One DER SubjectPublicKeyInfo making up the whole of `der` (TrustPubkey error otherwise).
Expected<util::PkeyPtr> public_key_from_der(std::string_view der);
// The text of a ds:X509Certificate element (base64, any whitespace) to DER bytes.
Expected<std::string> der_from_base64_text(std::string_view text);

}  // namespace saml::detail
