// The floor: the work any verifier of one signed response must do, written directly with
// libxml2 and OpenSSL and nothing else: base64, parse, exclusive c14n of the Assertion
// (without its enveloped Signature) hashed with SHA-256, exclusive c14n of SignedInfo and
// one RSA-2048/SHA-256 verify with a key loaded once, then the minimal SAML checks
// (floor_checks.h). No profile, no model, no findings.
#pragma once

#include <openssl/evp.h>

#include <ctime>
#include <memory>
#include <string>
#include <string_view>

namespace samlbench {

// Base64 with any line breaks (OpenSSL's decoder); empty when it is not base64.
std::string floor_decode_base64(std::string_view text);

class Floor {
 public:
  // Loads the public key of the PEM certificate once; throws when it cannot. `now` for the checks.
  Floor(const std::string& cert_pem, std::time_t now);

  // True when both the Reference digest and the signature value verify and the checks pass.
  bool verify_base64(std::string_view base64) const;
  bool verify_xml(std::string_view xml) const;

 private:
  struct KeyDeleter {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
  };
  std::unique_ptr<EVP_PKEY, KeyDeleter> key_;
  std::time_t now_;
};

}  // namespace samlbench
