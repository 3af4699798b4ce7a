#include "xmlenc/data_decrypt.h"

#include <openssl/err.h>
#include <xmlsec/crypto.h>
#include <xmlsec/xmlenc.h>

#include <array>
#include <memory>

#include "saml/xmlenc.h"
#include "util/xmlsec_runtime.h"
#include "xml/quiet_errors.h"

namespace saml::detail {
namespace {

struct EncCtxDeleter {
  void operator()(xmlSecEncCtx* ctx) const { xmlSecEncCtxDestroy(ctx); }
};

struct DataAlgorithm {
  std::string_view uri;
  std::size_t key_bytes;
};

constexpr std::array<DataAlgorithm, 6> kDataAlgorithms = {{
    {xenc_alg::aes128_cbc, 16},
    {xenc_alg::aes192_cbc, 24},
    {xenc_alg::aes256_cbc, 32},
    {xenc_alg::aes128_gcm, 16},
    {xenc_alg::aes192_gcm, 24},
    {xenc_alg::aes256_gcm, 32},
}};

bool enable_transforms(xmlSecEncCtx* ctx) {
  const xmlSecTransformId enabled[] = {
      xmlSecTransformAes128CbcId, xmlSecTransformAes192CbcId, xmlSecTransformAes256CbcId,
      xmlSecTransformAes128GcmId, xmlSecTransformAes192GcmId, xmlSecTransformAes256GcmId,
      xmlSecTransformBase64Id,
  };
  for (xmlSecTransformId id : enabled) {
    if (xmlSecPtrListAdd(&ctx->transformCtx.enabledTransforms, const_cast<void*>(static_cast<const void*>(id))) < 0) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::size_t data_key_bytes(std::string_view algorithm) {
  for (const DataAlgorithm& known : kDataAlgorithms) {
    if (known.uri == algorithm) return known.key_bytes;
  }
  return 0;
}

std::optional<std::string> decrypt_data(const xmlNode* encrypted_data, std::string_view aes_key) {
  ensure_xmlsec_initialised();
  take_xmlsec_error();
  // No keys manager: xmlsec cannot look up or read any key but the one preset here.
  std::unique_ptr<xmlSecEncCtx, EncCtxDeleter> ctx(xmlSecEncCtxCreate(nullptr));
  if (!ctx) return std::nullopt;
  ctx->encKey = xmlSecKeyReadMemory(xmlSecKeyDataAesId, reinterpret_cast<const xmlSecByte*>(aes_key.data()),
                                    static_cast<xmlSecSize>(aes_key.size()));
  if (ctx->encKey == nullptr || !enable_transforms(ctx.get())) return std::nullopt;
  ctx->transformCtx.enabledUris = xmlSecTransformUriTypeNone;
  ctx->keyInfoReadCtx.retrievalMethodCtx.enabledUris = xmlSecTransformUriTypeNone;

  // DecryptToBuffer reads the node and leaves the tree unchanged.
  const QuietLibxmlErrors quiet;
  xmlSecBufferPtr result = xmlSecEncCtxDecryptToBuffer(ctx.get(), const_cast<xmlNode*>(encrypted_data));
  std::optional<std::string> plaintext;
  if (result != nullptr && xmlSecBufferGetData(result) != nullptr) {
    plaintext.emplace(reinterpret_cast<const char*>(xmlSecBufferGetData(result)), xmlSecBufferGetSize(result));
  }
  take_xmlsec_error();
  ERR_clear_error();
  return plaintext;
}

}  // namespace saml::detail
