// What an EncryptedAssertion shows without a key: algorithms, key hints, sizes.
#include <string>

#include "saml/xmlenc.h"
#include "util/base64_text.h"
#include "xmlenc/key_transport.h"
#include "xmlenc/parts.h"

namespace saml {
namespace {

std::string method_algorithm(const xmlNode* encrypted) {
  return attribute(first_child(encrypted, ns::xenc, "EncryptionMethod"), "Algorithm");
}

KeyTransportInfo read_key_transport(const xmlNode* key) {
  KeyTransportInfo info;
  const xmlNode* method = first_child(key, ns::xenc, "EncryptionMethod");
  info.algorithm = attribute(method, "Algorithm");
  info.digest = attribute(first_child(method, ns::dsig, "DigestMethod"), "Algorithm");
  info.mgf = attribute(first_child(method, detail::kXenc11Ns, "MGF"), "Algorithm");
  info.recipient = attribute(key, "Recipient");
  info.where = location_of(key);
  const xmlNode* key_info = first_child(key, ns::dsig, "KeyInfo");
  for (const xmlNode* name = first_child(key_info, ns::dsig, "KeyName"); name != nullptr;
       name = next_sibling(name, ns::dsig, "KeyName")) {
    info.key_names.push_back(text_content(name));
  }
  for (const xmlNode* data = first_child(key_info, ns::dsig, "X509Data"); data != nullptr;
       data = next_sibling(data, ns::dsig, "X509Data")) {
    for (const xmlNode* cert = first_child(data, ns::dsig, "X509Certificate"); cert != nullptr;
         cert = next_sibling(cert, ns::dsig, "X509Certificate")) {
      const auto der = detail::decode_base64_text(text_content(cert));
      if (!der) continue;
      auto parsed = inspect_certificate_der(*der);
      if (parsed) info.certificates.push_back(*parsed);
    }
  }
  return info;
}

std::string describe_transport(const KeyTransportInfo& key) {
  const std::string text = detail::transport_name(key);
  std::string hints;
  for (const std::string& name : key.key_names) hints += (hints.empty() ? "" : ", ") + ("KeyName '" + name + "'");
  for (const CertificateInfo& cert : key.certificates) {
    hints += (hints.empty() ? "" : ", ") + ("certificate " + cert.subject + " SHA-256 " + format_fingerprint(cert.fingerprint));
  }
  if (!key.recipient.empty()) hints += (hints.empty() ? "" : ", ") + ("Recipient '" + key.recipient + "'");
  return text + (hints.empty() ? " (no key hint)" : " to " + hints);
}

}  // namespace

std::string algorithm_short_name(std::string_view uri) {
  // "http://www.w3.org/2001/10/xml-exc-c14n#" names its algorithm before the '#'.
  if (!uri.empty() && uri.back() == '#') uri.remove_suffix(1);
  const std::size_t cut = uri.find_last_of(uri.find('#') == std::string_view::npos ? "/" : "#");
  return std::string(cut == std::string_view::npos ? uri : uri.substr(cut + 1));
}

Expected<EncryptionInfo> inspect_encrypted_assertion(const xmlNode* encrypted_assertion) {
  auto parts = detail::find_encrypted_parts(encrypted_assertion);
  if (!parts) return parts.error();
  EncryptionInfo info;
  info.where = location_of(encrypted_assertion);
  info.data_algorithm = method_algorithm(parts->data);
  info.type = attribute(parts->data, "Type");
  const auto cipher = detail::decode_base64_text(text_content(parts->data_cipher));
  info.cipher_bytes = cipher ? cipher->size() : 0;
  for (const xmlNode* key : parts->keys) info.keys.push_back(read_key_transport(key));
  return info;
}

std::string describe_needed_key(const EncryptionInfo& info) {
  std::string text = "data " + algorithm_short_name(info.data_algorithm) + " (" +
                     std::to_string(info.cipher_bytes) + " bytes); the SP private key for ";
  for (std::size_t i = 0; i < info.keys.size(); ++i) {
    text += (i == 0 ? "" : " or ") + describe_transport(info.keys[i]);
  }
  return text;
}

}  // namespace saml
