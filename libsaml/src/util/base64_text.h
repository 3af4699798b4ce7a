// Base64 of the library: decoding the text of an XML element (X509Certificate, DigestValue,
// SignatureValue, CipherValue...), the one decoder of such text, and encoding bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace saml::detail {

// Appends `text` without the ASCII whitespace base64 text may be wrapped in.
void append_without_ascii_space(std::string& out, std::string_view text);

// Decodes base64 with OpenSSL; ASCII whitespace anywhere is ignored. nullopt when invalid.
std::optional<std::string> decode_base64_text(std::string_view text);

// Standard base64 of `bytes`, on one line with padding.
std::string encode_base64(std::string_view bytes);

}  // namespace saml::detail
