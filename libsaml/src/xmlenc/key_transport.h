// Key transport: unwrapping the session key of one xenc:EncryptedKey with OpenSSL.
#pragma once

#include <libxml/tree.h>
#include <openssl/evp.h>

#include <optional>
#include <string>
#include <string_view>

#include "saml/xmlenc.h"

namespace saml::detail {

enum class TransportSupport { Supported, Rsa15Refused, Unsupported };

// RSA-OAEP (xmlenc#rsa-oaep-mgf1p; xmlenc11#rsa-oaep with its DigestMethod and MGF) is
// supported; RSA-1.5 only when allowed; everything else, or an unknown digest/MGF, is not.
TransportSupport classify_transport(const KeyTransportInfo& key, bool allow_rsa15);

// "rsa-oaep digest sha256 mgf1sha256": the key transport's algorithms for messages.
std::string transport_name(const KeyTransportInfo& key);

// The session key, or nullopt on any failure. No reason is given on purpose: telling a
// padding failure apart from other failures is a decryption oracle.
std::optional<std::string> unwrap_session_key(const KeyTransportInfo& key, const xmlNode* encrypted_key,
                                              std::string_view wrapped, EVP_PKEY* private_key);

}  // namespace saml::detail
