// Base64 of the library: decoding the text of an XML element (X509Certificate, DigestValue,
// SignatureValue, CipherValue...), the one decoder of such text, and encoding bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace saml::detail {

// Whether `text` without its ASCII whitespace is `compact` from `matched` on; if so, `matched`
// is advanced past it. Compares text split over several pieces (an element's text nodes)
// piece by piece, with no joined copy: the whole matches when `matched` reaches the end.
bool continues_without_ascii_space(std::string_view compact, std::string_view text, std::size_t& matched);

// Decodes base64 with OpenSSL; ASCII whitespace anywhere is ignored. nullopt when invalid.
std::optional<std::string> decode_base64_text(std::string_view text);

// Standard base64 of `bytes`, on one line with padding.
std::string encode_base64(std::string_view bytes);

}  // namespace saml::detail
