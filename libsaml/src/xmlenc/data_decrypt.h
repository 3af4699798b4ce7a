// Content decryption: one xenc:EncryptedData with a known AES key, through xmlsec.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace saml::detail {

// Key length in bytes for a supported data algorithm (AES-128/192/256 in CBC or GCM);
// 0 when the algorithm is not supported.
std::size_t data_key_bytes(std::string_view algorithm);

// The plaintext, or nullopt on any failure (no reason: see key_transport.h). xmlsec uses
// exactly `aes_key` (KeyInfo is never read), only the AES transforms are enabled and no
// URI is ever dereferenced.
std::optional<std::string> decrypt_data(const xmlNode* encrypted_data, std::string_view aes_key);

}  // namespace saml::detail
