// The floor: the work any verifier of one signed response must do, written directly with
// libxml2 and OpenSSL and nothing else: base64, parse, exclusive c14n of the Assertion
// (without its enveloped Signature) hashed with SHA-256, exclusive c14n of SignedInfo and
// one RSA-2048/SHA-256 verify with a key loaded once. No profile, no checks, no model.
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <string>
#include <string_view>

namespace samlbench {

class Floor {
 public:
  // Loads the public key of the PEM certificate once; throws when it cannot.
  explicit Floor(const std::string& cert_pem);

  // True when both the Reference digest and the signature value verify.
  bool verify_base64(std::string_view base64) const;
  bool verify_xml(std::string_view xml) const;

 private:
  struct KeyDeleter {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
  };
  std::unique_ptr<EVP_PKEY, KeyDeleter> key_;
};

}  // namespace samlbench
