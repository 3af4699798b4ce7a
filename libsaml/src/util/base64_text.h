// Base64 decoding of the text of an XML element (X509Certificate, DigestValue,
// SignatureValue, CipherValue...): the one decoder of such text in the library.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace saml::detail {

// Decodes base64 with OpenSSL; ASCII whitespace anywhere is ignored. nullopt when invalid.
std::optional<std::string> decode_base64_text(std::string_view text);

}  // namespace saml::detail
