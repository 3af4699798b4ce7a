// XML Encryption stage: decrypting a saml:EncryptedAssertion with the SP's private keys.
// Encryption is not authentication: the decrypted Assertion goes through the signature
// stage and every check exactly like a plaintext one (see verify.h).
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saml/error.h"
#include "saml/finding.h"
#include "saml/rules.h"
#include "saml/model.h"
#include "saml/trust.h"
#include "saml/xml.h"

namespace saml {

namespace xenc_alg {
inline constexpr std::string_view rsa_1_5 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";
inline constexpr std::string_view rsa_oaep_mgf1p = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
inline constexpr std::string_view rsa_oaep = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
inline constexpr std::string_view aes128_cbc = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
inline constexpr std::string_view aes192_cbc = "http://www.w3.org/2001/04/xmlenc#aes192-cbc";
inline constexpr std::string_view aes256_cbc = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
inline constexpr std::string_view aes128_gcm = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
inline constexpr std::string_view aes192_gcm = "http://www.w3.org/2009/xmlenc11#aes192-gcm";
inline constexpr std::string_view aes256_gcm = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
}  // namespace xenc_alg

namespace detail {
struct PrivateKey;  // an OpenSSL RSA private key (opaque here)
}

struct DecryptionKey {
  std::string source;       // file it came from
  std::string description;  // "RSA-2048, public key SHA-256 AB:CD:..."
  std::string fingerprint;  // "AB:CD:...": SHA-256 of the public key (SubjectPublicKeyInfo)
  std::shared_ptr<const detail::PrivateKey> key;
};

// The SP private keys that may decrypt (AWS allows two per SAML provider, for rotation).
class DecryptionKeys {
 public:
  // One unencrypted PEM RSA private key ("PRIVATE KEY" or "RSA PRIVATE KEY" block; other
  // blocks such as a certificate may sit beside it). Errors are ErrorKind::Config.
  Expected<Ok> add_pem_private_key(std::string_view pem, std::string_view source);

  bool empty() const { return keys_.empty(); }
  const std::vector<DecryptionKey>& keys() const { return keys_; }

 private:
  std::vector<DecryptionKey> keys_;
};

// One xenc:EncryptedKey as written (nothing in it is secret).
struct KeyTransportInfo {
  std::string algorithm;                  // EncryptionMethod Algorithm
  std::string digest;                     // ds:DigestMethod inside it (RSA-OAEP), if any
  std::string mgf;                        // xenc11:MGF Algorithm (xmlenc11 rsa-oaep), if any
  std::vector<std::string> key_names;     // ds:KeyName values
  std::vector<CertificateInfo> certificates;  // ds:X509Certificate values that parse
  std::string recipient;                  // Recipient attribute, if any
  Location where;
};

// What an EncryptedAssertion shows without a key.
struct EncryptionInfo {
  std::string data_algorithm;             // EncryptedData EncryptionMethod Algorithm
  std::string type;                       // EncryptedData Type
  std::size_t cipher_bytes = 0;           // length of the decoded data CipherValue
  std::vector<KeyTransportInfo> keys;     // inside EncryptedData/KeyInfo or beside it
  Location where;                         // of the EncryptedAssertion
};

// Reads the EncryptedAssertion's structure: exactly one EncryptedData with a CipherValue
// (never a CipherReference) and an EncryptionMethod; EncryptedKeys either in its KeyInfo or
// as siblings (found by position, never by URI). Errors have the code "xmlenc.structure".
Expected<EncryptionInfo> inspect_encrypted_assertion(const xmlNode* encrypted_assertion);

// "key transport rsa-oaep-mgf1p (SHA-1), data aes256-gcm; the SP key named 'sp' / the key
// of certificate CN=... SHA-256 ...": what XML005 and saml-decode say is needed.
std::string describe_needed_key(const EncryptionInfo& info);

// Short algorithm name for people: "aes256-gcm", "rsa-oaep-mgf1p"; the URI when unknown.
std::string algorithm_short_name(std::string_view uri);

struct DecryptionPolicy {
  bool allow_rsa15 = false;   // accept RSA PKCS#1 v1.5 key transport (SIG017 otherwise)
  ParseLimits parse_limits;   // the decrypted Assertion is parsed with these
  // The rule of "could not decrypt" findings: XML007 for an EncryptedAssertion, SIG021 for
  // a Subject's EncryptedID (the same EncryptedElementType, decrypted the same way).
  RuleId failure_rule = RuleId::decryption_failed;
};

struct DecryptedAssertion {
  // The plaintext parsed with parse_xml in the namespace context of the encrypted element
  // (as xmlsec1 decrypts in place), its element the only child of a synthetic
  // <samlp:Response> (no attributes, unsigned) so the signature profile applies unchanged.
  std::shared_ptr<const Document> document;
  std::string key_source;                    // the DecryptionKey that decrypted it
  std::string key_description;
  std::string key_fingerprint;
  std::size_t key_index = 0;                 // its position in DecryptionKeys::keys()
  std::string key_transport;                 // algorithm of the EncryptedKey used
};

// Tries every given key on every EncryptedKey, then decrypts the EncryptedData and parses
// the result with parse_xml (no DTD, policy.parse_limits). On failure appends XML007,
// SIG017 or SIG019 and returns nullopt. Every cryptographic or parse failure reads
// "could not decrypt ... with key(s) X": nothing tells a padding error from a parse error.
std::optional<DecryptedAssertion> decrypt_assertion(const xmlNode* encrypted_assertion,
                                                    const EncryptionInfo& info,
                                                    const DecryptionKeys& keys,
                                                    const DecryptionPolicy& policy,
                                                    std::vector<Finding>& findings);

// What saml-verify and saml-lint know about an encrypted assertion (Verdict::encryption).
struct EncryptionReport {
  EncryptionInfo info;
  bool attempted = false;       // keys were given and decryption was tried
  bool decrypted = false;
  std::string key_source;       // set when decrypted
  std::string key_description;
  std::string key_fingerprint;
  std::size_t key_index = 0;    // 0-based position among the given keys (--decrypt-key order)
  std::string key_transport;
  std::string failure;          // why it was not decrypted (the findings' messages), if not
};

// "key 2, sp-next.pem (RSA-2048, public key SHA-256 AB:...)": the key that decrypted it,
// for the reports. Empty when nothing was decrypted.
std::string decryption_key_text(const EncryptionReport& encryption);

}  // namespace saml
