// decryption_key_text: which of the given keys decrypted an assertion, for the reports.
#include <string>

#include "saml/xmlenc.h"

namespace saml {

std::string decryption_key_text(const EncryptionReport& encryption) {
  if (!encryption.decrypted) return {};
  return "key " + std::to_string(encryption.key.index + 1) + ", " + encryption.key.source + " (" +
         encryption.key.description + ")";
}

}  // namespace saml
