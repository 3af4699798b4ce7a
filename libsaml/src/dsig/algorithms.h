// The algorithm URIs the signature profile knows, and how each is judged.
#pragma once

#include <string_view>

namespace saml::detail {

namespace algo {
inline constexpr std::string_view exc_c14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
// Inclusive c14n 1.0 and 1.1 without comments: OpenSAML's SignatureProfileValidator (C++)
// accepts every c14n transform beside enveloped-signature, and some IdPs sign with them.
inline constexpr std::string_view c14n10 = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
inline constexpr std::string_view c14n11 = "http://www.w3.org/2006/12/xml-c14n11";
inline constexpr std::string_view enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
}  // namespace algo

enum class AlgorithmVerdict {
  Allowed,
  Sha1,         // allowed only with DsigPolicy::allow_sha1
  Hmac,         // always refused
  Unsupported,  // unknown or not in the profile
};

enum class KeyFamily { None, Rsa, Ec };

struct SignatureAlgorithm {
  AlgorithmVerdict verdict = AlgorithmVerdict::Unsupported;
  KeyFamily family = KeyFamily::None;
};

SignatureAlgorithm classify_signature_method(std::string_view uri);
// The canonicalizations the profile accepts (SignedInfo and Reference transform).
bool is_allowed_c14n(std::string_view uri);
bool is_inclusive_c14n(std::string_view uri);
AlgorithmVerdict classify_digest_method(std::string_view uri);

}  // namespace saml::detail
