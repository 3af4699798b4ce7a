// OpenSSL certificate helpers shared by the trust store and the signature stage.
#pragma once

#include <openssl/x509.h>

#include <memory>
#include <string>
#include <string_view>

#include "saml/trust.h"

namespace saml::detail {

struct X509Deleter {
  void operator()(X509* cert) const { X509_free(cert); }
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

CertificateInfo describe_certificate(X509* cert);
// Fills key_type, key_bits and public_key_fingerprint from a public key.
void describe_public_key(EVP_PKEY* key, CertificateInfo& info);
Expected<X509Ptr> certificate_from_der(std::string_view der);
// The text of a ds:X509Certificate element (base64, any whitespace) to DER bytes.
Expected<std::string> der_from_base64_text(std::string_view text);

}  // namespace saml::detail
