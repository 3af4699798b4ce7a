// decrypt_assertion: every key on every usable EncryptedKey, then the content, then the
// hardened parser. Failures are reported uniformly (no decryption oracle).
#include <openssl/rand.h>

#include <string>
#include <vector>

#include "saml/xmlenc.h"
#include "util/base64_text.h"
#include "xmlenc/data_decrypt.h"
#include "xmlenc/key_transport.h"
#include "xmlenc/parts.h"
#include "xmlenc/private_key.h"
#include "xmlenc/in_context_parse.h"
#include "saml/rules.h"

namespace saml {
namespace {

using detail::TransportSupport;

// A random key of the right size, used when unwrapping fails so that the content is
// still processed (and fails) the same way: unwrap failures are not told apart by what
// happens next (the implicit-rejection countermeasure to Bleichenbacher's attack).
std::string random_key(std::size_t bytes) {
  std::string key(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), static_cast<int>(bytes)) != 1) key.assign(bytes, '\x5a');
  return key;
}

std::string key_list(const DecryptionKeys& keys) {
  std::string text;
  for (const DecryptionKey& key : keys.keys()) {
    text += (text.empty() ? "" : "; ") + key.source + " (" + key.description + ")";
  }
  return text;
}

struct Usable {
  std::vector<std::size_t> indexes;  // into info.keys
  bool rsa15_refused = false;
  std::string unsupported;           // names of unsupported key transports
};

Usable usable_transports(const EncryptionInfo& info, bool allow_rsa15) {
  Usable usable;
  for (std::size_t i = 0; i < info.keys.size(); ++i) {
    switch (detail::classify_transport(info.keys[i], allow_rsa15)) {
      case TransportSupport::Supported: usable.indexes.push_back(i); break;
      case TransportSupport::Rsa15Refused: usable.rsa15_refused = true; break;
      case TransportSupport::Unsupported: {
        const KeyTransportInfo& key = info.keys[i];
        std::string name = algorithm_short_name(key.algorithm);
        if (!key.digest.empty()) name += " digest " + algorithm_short_name(key.digest);
        if (!key.mgf.empty()) name += " " + algorithm_short_name(key.mgf);
        usable.unsupported += (usable.unsupported.empty() ? "" : ", ") + name;
        break;
      }
    }
  }
  return usable;
}

// False (with a finding) when no EncryptedKey can be used under the policy.
bool report_unusable(const EncryptionInfo& info, const Usable& usable, std::vector<Finding>& findings) {
  if (!usable.indexes.empty()) return true;
  if (usable.rsa15_refused) {
    findings.push_back(make_finding(RuleId::rsa15_key_transport,
                                    "the assertion key is wrapped with RSA-1.5 (xmlenc#rsa-1_5), refused "
                                    "as a padding-oracle risk; pass --allow-rsa15 to accept it",
                                    info.keys.front().where));
  }
  if (!usable.unsupported.empty()) {
    findings.push_back(make_finding(RuleId::encryption_unsupported, "key transport not supported: " + usable.unsupported +
                                                  " (supported: rsa-oaep-mgf1p, xmlenc11 rsa-oaep, "
                                                  "rsa-1_5 with --allow-rsa15)",
                                    info.keys.front().where));
  }
  return false;
}

}  // namespace

std::optional<DecryptedAssertion> decrypt_assertion(const xmlNode* encrypted_assertion,
                                                    const EncryptionInfo& info,
                                                    const DecryptionKeys& keys,
                                                    const DecryptionPolicy& policy,
                                                    std::vector<Finding>& findings) {
  const std::string element = reinterpret_cast<const char*>(encrypted_assertion->name);
  auto parts = detail::find_encrypted_parts(encrypted_assertion);
  if (!parts || parts->keys.size() != info.keys.size()) {
    findings.push_back(make_finding(policy.failure_rule, parts ? "the " + element + " changed while it was read"
                                                               : parts.error().message,
                                    parts ? info.where : parts.error().where));
    return std::nullopt;
  }
  const std::size_t key_bytes = detail::data_key_bytes(info.data_algorithm);
  if (key_bytes == 0) {
    findings.push_back(make_finding(RuleId::encryption_unsupported,
                                    "data encryption " + info.data_algorithm +
                                        " is not supported (supported: AES-128/192/256 in CBC or GCM)",
                                    info.where));
    return std::nullopt;
  }
  const Usable usable = usable_transports(info, policy.allow_rsa15);
  if (!report_unusable(info, usable, findings)) return std::nullopt;

  for (std::size_t key_index = 0; key_index < keys.keys().size(); ++key_index) {
    const DecryptionKey& key = keys.keys()[key_index];
    for (std::size_t index : usable.indexes) {
      const auto wrapped = detail::decode_base64_text(text_content(parts->key_ciphers[index]));
      std::optional<std::string> session;
      if (wrapped) session = detail::unwrap_session_key(info.keys[index], parts->keys[index], *wrapped, key.key->pkey.get());
      const bool genuine = session.has_value() && session->size() == key_bytes;
      const auto plaintext = detail::decrypt_data(parts->data, genuine ? *session : random_key(key_bytes));
      if (!genuine || !plaintext) continue;
      auto parsed = detail::parse_decrypted(*plaintext, encrypted_assertion, policy.parse_limits);
      if (!parsed) continue;

      DecryptedAssertion result;
      result.document = std::make_shared<const Document>(std::move(*parsed));
      result.key_source = key.source;
      result.key_description = key.description;
      result.key_fingerprint = key.fingerprint;
      result.key_index = key_index;
      result.key_transport = info.keys[index].algorithm;
      if (result.key_transport == xenc_alg::rsa_1_5) {
        Finding allowed = make_finding(RuleId::rsa15_key_transport, "the assertion key was wrapped with RSA-1.5, accepted "
                                                 "because --allow-rsa15 was given",
                                       info.keys[index].where);
        allowed.severity = Severity::Warning;
        findings.push_back(std::move(allowed));
      }
      return result;
    }
  }
  findings.push_back(make_finding(policy.failure_rule,
                                  "could not decrypt the " + element + " with key(s) " + key_list(keys) +
                                      " (wrong key, damaged ciphertext, or content that is not well-formed "
                                      "XML within the parse limits: these are not told apart); it needs " +
                                      describe_needed_key(info),
                                  info.where));
  return std::nullopt;
}

}  // namespace saml
