// Internal helpers of the trust store shared by its loaders.
#pragma once

#include <libxml/tree.h>
#include <openssl/x509.h>

#include <string_view>
#include <vector>

#include "saml/trust.h"

namespace saml::detail {

// Pins the certificate's public key and appends it (a certificate already present is not
// added again). `entity_id`: the metadata entity listing it, recorded on the key; empty for
// a certificate given on its own.
Expected<Ok> add_certificate(std::vector<TrustedKey>& keys, X509* cert, std::string_view source,
                             std::string_view entity_id = {});

// The trusted key whose certificate has exactly these DER bytes (matched by SHA-256, so no
// X509 object is built per message), or nullptr.
const TrustedKey* find_trusted_certificate(const TrustStore& trust, std::string_view der);

// The trusted key whose certificate's DER is exactly what the text of this element (a KeyInfo
// X509Certificate: its text and CDATA children, whitespace ignored) encodes, recognised by the
// trusted DER's base64 (encoded once, when the key was added) with no copy or decoding of the
// text; or nullptr (the text may still decode to a trusted certificate: non-canonical base64).
const TrustedKey* find_trusted_certificate_text(const TrustStore& trust, const xmlNode* element);

}  // namespace saml::detail
