#include "util/base64_text.h"

#include <openssl/evp.h>

#include <climits>
#include <memory>

#include "util/openssl_ptr.h"

namespace saml::detail {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::optional<std::string> decode_base64_text(std::string_view text) {
  std::string compact;
  compact.reserve(text.size());
  for (char c : text) {
    if (!is_ascii_space(c)) compact.push_back(c);
  }
  if (compact.empty() || compact.size() % 4 != 0 || compact.size() > INT_MAX) return std::nullopt;
  util::EncodeCtxPtr ctx(EVP_ENCODE_CTX_new());
  if (!ctx) return std::nullopt;
  std::string out(compact.size() / 4 * 3 + 3, '\0');
  EVP_DecodeInit(ctx.get());
  int written = 0;
  auto* out_bytes = reinterpret_cast<unsigned char*>(out.data());
  if (EVP_DecodeUpdate(ctx.get(), out_bytes, &written,
                       reinterpret_cast<const unsigned char*>(compact.data()),
                       static_cast<int>(compact.size())) < 0) {
    return std::nullopt;
  }
  int tail = 0;
  if (EVP_DecodeFinal(ctx.get(), out_bytes + written, &tail) != 1) return std::nullopt;
  out.resize(static_cast<std::size_t>(written + tail));
  return out;
}

}  // namespace saml::detail
