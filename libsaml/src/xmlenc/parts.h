// The element nodes of one EncryptedAssertion, found by position only.
#pragma once

#include <libxml/tree.h>

#include <string_view>
#include <vector>

#include "saml/error.h"

namespace saml::detail {

inline constexpr std::string_view kXenc11Ns = "http://www.w3.org/2009/xmlenc11#";
inline constexpr std::size_t kMaxEncryptedKeys = 8;

struct EncryptedParts {
  const xmlNode* data = nullptr;         // the xenc:EncryptedData
  const xmlNode* data_cipher = nullptr;  // its xenc:CipherValue
  std::vector<const xmlNode*> keys;      // xenc:EncryptedKey elements, KeyInfo ones first
  std::vector<const xmlNode*> key_ciphers;  // parallel: each one's xenc:CipherValue
};

// Checks the shape (see inspect_encrypted_assertion) and returns the nodes.
Expected<EncryptedParts> find_encrypted_parts(const xmlNode* encrypted_assertion);

}  // namespace saml::detail
