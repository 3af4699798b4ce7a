#include "report/encryption_json.h"
#include "report/json_values.h"

#include <string>

namespace saml::detail {
namespace {

using Json = nlohmann::ordered_json;

Json key_transport_json(const KeyTransportInfo& key) {
  Json certificates = Json::array();
  for (const CertificateInfo& cert : key.certificates) {
    certificates.push_back(Json{{"subject", cert.subject},
                                {"fingerprint_sha256", format_fingerprint(cert.fingerprint)}});
  }
  Json j;
  j["algorithm"] = key.algorithm;
  j["digest"] = text_or_null(key.digest);
  j["mgf"] = text_or_null(key.mgf);
  j["key_names"] = key.key_names;
  j["certificates"] = certificates;
  j["recipient"] = text_or_null(key.recipient);
  return j;
}

Json key_json(const EncryptionReport& encryption) {
  if (!encryption.decrypted) return nullptr;
  Json j;
  j["index"] = encryption.key.index + 1;
  j["source"] = encryption.key.source;
  j["description"] = encryption.key.description;
  j["public_key_sha256"] = text_or_null(encryption.key.fingerprint);
  j["key_transport"] = encryption.key.transport;
  return j;
}

}  // namespace

Json encryption_json(const EncryptionReport& encryption) {
  Json transports = Json::array();
  for (const KeyTransportInfo& key : encryption.info.keys) transports.push_back(key_transport_json(key));
  Json j;
  j["data_algorithm"] = encryption.info.data_algorithm;
  j["cipher_bytes"] = encryption.info.cipher_bytes;
  j["key_transports"] = transports;
  j["needed_key"] = describe_needed_key(encryption.info);
  j["attempted"] = encryption.attempted;
  j["decrypted"] = encryption.decrypted;
  j["key"] = key_json(encryption);
  j["failure"] = text_or_null(encryption.failure);
  return j;
}

}  // namespace saml::detail
