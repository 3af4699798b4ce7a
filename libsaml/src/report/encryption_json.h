// The "encryption" object shared by the JSON reports of saml-verify, saml-decode and
// saml-lint: what an EncryptedAssertion shows without a key, and which key decrypted it.
#pragma once

#include <nlohmann/json.hpp>

#include "saml/xmlenc.h"

namespace saml::detail {

nlohmann::ordered_json encryption_json(const EncryptionReport& encryption);

}  // namespace saml::detail
