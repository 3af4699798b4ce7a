#include "xmlenc/parts.h"

#include <string>

#include "saml/xml.h"

namespace saml::detail {
namespace {

constexpr std::string_view kElementType = "http://www.w3.org/2001/04/xmlenc#Element";

Error structure_error(const xmlNode* node, const std::string& message) {
  return Error{ErrorKind::Decode, ErrorCode::XmlencStructure, message, location_of(node)};
}

// The CipherValue of an EncryptedData or EncryptedKey: CipherData must hold exactly one
// CipherValue; a CipherReference would make us fetch, so it is refused.
Expected<const xmlNode*> cipher_value(const xmlNode* encrypted) {
  const xmlNode* cipher_data = first_child(encrypted, ns::xenc, "CipherData");
  if (cipher_data == nullptr || count_children(encrypted, ns::xenc, "CipherData") != 1) {
    return structure_error(encrypted, "xenc:" + std::string(reinterpret_cast<const char*>(encrypted->name)) +
                                          " needs exactly one xenc:CipherData");
  }
  if (first_child(cipher_data, ns::xenc, "CipherReference") != nullptr) {
    return structure_error(cipher_data, "xenc:CipherReference is not allowed (samlkit never fetches)");
  }
  const xmlNode* value = first_child(cipher_data, ns::xenc, "CipherValue");
  if (value == nullptr || count_children(cipher_data, ns::xenc, "CipherValue") != 1) {
    return structure_error(cipher_data, "xenc:CipherData needs exactly one xenc:CipherValue");
  }
  return value;
}

Expected<Ok> require_method(const xmlNode* encrypted) {
  const xmlNode* method = first_child(encrypted, ns::xenc, "EncryptionMethod");
  if (method == nullptr || count_children(encrypted, ns::xenc, "EncryptionMethod") != 1 ||
      attribute(method, "Algorithm").empty()) {
    return structure_error(encrypted, "xenc:" + std::string(reinterpret_cast<const char*>(encrypted->name)) +
                                          " needs one xenc:EncryptionMethod with an Algorithm");
  }
  return Ok{};
}

Expected<Ok> add_key(const xmlNode* key, EncryptedParts& parts) {
  if (parts.keys.size() == kMaxEncryptedKeys) {
    return structure_error(key, "more than " + std::to_string(kMaxEncryptedKeys) + " xenc:EncryptedKey elements");
  }
  if (auto method = require_method(key); !method) return method.error();
  auto value = cipher_value(key);
  if (!value) return value.error();
  parts.keys.push_back(key);
  parts.key_ciphers.push_back(*value);
  return Ok{};
}

}  // namespace

Expected<EncryptedParts> find_encrypted_parts(const xmlNode* encrypted_assertion) {
  EncryptedParts parts;
  std::vector<const xmlNode*> sibling_keys;
  for (const xmlNode* child = encrypted_assertion->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (is_element(child, ns::xenc, "EncryptedData") && parts.data == nullptr) {
      parts.data = child;
    } else if (is_element(child, ns::xenc, "EncryptedKey") && parts.data != nullptr) {
      sibling_keys.push_back(child);
    } else {
      return structure_error(child, "saml:EncryptedAssertion may hold one xenc:EncryptedData followed "
                                    "by xenc:EncryptedKey elements only; found " +
                                        std::string(reinterpret_cast<const char*>(child->name)));
    }
  }
  if (parts.data == nullptr) return structure_error(encrypted_assertion, "saml:EncryptedAssertion has no xenc:EncryptedData");
  if (const auto type = optional_attribute(parts.data, "Type"); type && *type != kElementType) {
    return structure_error(parts.data, "xenc:EncryptedData Type is '" + *type +
                                           "', expected " + std::string(kElementType));
  }
  if (auto method = require_method(parts.data); !method) return method.error();
  auto value = cipher_value(parts.data);
  if (!value) return value.error();
  parts.data_cipher = *value;

  if (const xmlNode* key_info = first_child(parts.data, ns::dsig, "KeyInfo")) {
    for (const xmlNode* key = first_child(key_info, ns::xenc, "EncryptedKey"); key != nullptr;
         key = next_sibling(key, ns::xenc, "EncryptedKey")) {
      if (auto added = add_key(key, parts); !added) return added.error();
    }
  }
  for (const xmlNode* key : sibling_keys) {
    if (auto added = add_key(key, parts); !added) return added.error();
  }
  if (parts.keys.empty()) {
    return structure_error(parts.data, "no xenc:EncryptedKey: neither in the EncryptedData's KeyInfo nor beside it");
  }
  return parts;
}

}  // namespace saml::detail
