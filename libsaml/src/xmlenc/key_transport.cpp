#include "xmlenc/key_transport.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

#include <cstring>
#include <memory>

#include "saml/xml.h"
#include "util/base64_text.h"
#include "util/openssl_ptr.h"

namespace saml::detail {
namespace {

// DigestMethod URIs for RSA-OAEP; absent means SHA-1 (both xmlenc specs).
const EVP_MD* oaep_digest(std::string_view uri) {
  if (uri.empty() || uri == "http://www.w3.org/2000/09/xmldsig#sha1") return EVP_sha1();
  if (uri == "http://www.w3.org/2001/04/xmldsig-more#sha224") return EVP_sha224();
  if (uri == "http://www.w3.org/2001/04/xmlenc#sha256") return EVP_sha256();
  if (uri == "http://www.w3.org/2001/04/xmldsig-more#sha384") return EVP_sha384();
  if (uri == "http://www.w3.org/2001/04/xmlenc#sha512") return EVP_sha512();
  return nullptr;
}

// The MGF of xmlenc11#rsa-oaep; absent means MGF1 with SHA-1.
const EVP_MD* mgf_digest(std::string_view uri) {
  if (uri.empty() || uri == "http://www.w3.org/2009/xmlenc11#mgf1sha1") return EVP_sha1();
  if (uri == "http://www.w3.org/2009/xmlenc11#mgf1sha224") return EVP_sha224();
  if (uri == "http://www.w3.org/2009/xmlenc11#mgf1sha256") return EVP_sha256();
  if (uri == "http://www.w3.org/2009/xmlenc11#mgf1sha384") return EVP_sha384();
  if (uri == "http://www.w3.org/2009/xmlenc11#mgf1sha512") return EVP_sha512();
  return nullptr;
}

bool set_oaep(EVP_PKEY_CTX* ctx, const KeyTransportInfo& key, const xmlNode* encrypted_key) {
  const bool xmlenc11 = key.algorithm == xenc_alg::rsa_oaep;
  if (EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) <= 0 ||
      EVP_PKEY_CTX_set_rsa_oaep_md(ctx, oaep_digest(key.digest)) <= 0 ||
      EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, xmlenc11 ? mgf_digest(key.mgf) : EVP_sha1()) <= 0) {
    return false;
  }
  const xmlNode* method = first_child(encrypted_key, ns::xenc, "EncryptionMethod");
  const xmlNode* params = first_child(method, ns::xenc, "OAEPparams");
  if (params == nullptr) return true;
  const auto label = decode_base64_text(text_content(params));
  if (!label) return false;
  if (label->empty()) return true;
  // OpenSSL takes ownership of the label buffer.
  auto* copy = static_cast<unsigned char*>(OPENSSL_malloc(label->size()));
  if (copy == nullptr) return false;
  std::memcpy(copy, label->data(), label->size());
  if (EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, copy, static_cast<int>(label->size())) <= 0) {
    OPENSSL_free(copy);
    return false;
  }
  return true;
}

}  // namespace

TransportSupport classify_transport(const KeyTransportInfo& key, bool allow_rsa15) {
  if (key.algorithm == xenc_alg::rsa_1_5) {
    return allow_rsa15 ? TransportSupport::Supported : TransportSupport::Rsa15Refused;
  }
  if (key.algorithm == xenc_alg::rsa_oaep_mgf1p) {
    return oaep_digest(key.digest) != nullptr && key.mgf.empty() ? TransportSupport::Supported
                                                                 : TransportSupport::Unsupported;
  }
  if (key.algorithm == xenc_alg::rsa_oaep) {
    return oaep_digest(key.digest) != nullptr && mgf_digest(key.mgf) != nullptr
               ? TransportSupport::Supported
               : TransportSupport::Unsupported;
  }
  return TransportSupport::Unsupported;
}

std::optional<std::string> unwrap_session_key(const KeyTransportInfo& key, const xmlNode* encrypted_key,
                                              std::string_view wrapped, EVP_PKEY* private_key) {
  util::PkeyCtxPtr ctx(EVP_PKEY_CTX_new(private_key, nullptr));
  bool ready = ctx && EVP_PKEY_decrypt_init(ctx.get()) > 0;
  if (ready) {
    ready = key.algorithm == xenc_alg::rsa_1_5
                ? EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) > 0
                : set_oaep(ctx.get(), key, encrypted_key);
  }
  std::optional<std::string> result;
  if (ready) {
    const auto* in = reinterpret_cast<const unsigned char*>(wrapped.data());
    std::size_t length = 0;
    if (EVP_PKEY_decrypt(ctx.get(), nullptr, &length, in, wrapped.size()) > 0) {
      std::string out(length, '\0');
      if (EVP_PKEY_decrypt(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &length, in,
                           wrapped.size()) > 0) {
        out.resize(length);
        result = std::move(out);
      }
    }
  }
  ERR_clear_error();
  return result;
}

std::string transport_name(const KeyTransportInfo& key) {
  std::string name = algorithm_short_name(key.algorithm);
  if (!key.digest.empty()) name += " digest " + algorithm_short_name(key.digest);
  if (!key.mgf.empty()) name += " " + algorithm_short_name(key.mgf);
  return name;
}

}  // namespace saml::detail
