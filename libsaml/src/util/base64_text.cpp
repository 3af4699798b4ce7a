#include "util/base64_text.h"

#include <openssl/evp.h>

#include <algorithm>
#include <climits>
#include <memory>

#include "util/openssl_ptr.h"

namespace saml::detail {

void append_without_ascii_space(std::string& out, std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  for (std::size_t at = text.find_first_not_of(kSpace); at != std::string_view::npos;) {
    const std::size_t end = std::min(text.find_first_of(kSpace, at), text.size());
    out.append(text, at, end - at);
    at = text.find_first_not_of(kSpace, end);
  }
}

std::optional<std::string> decode_base64_text(std::string_view text) {
  std::string compact;
  compact.reserve(text.size());
  append_without_ascii_space(compact, text);
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

std::string encode_base64(std::string_view bytes) {
  std::string out((bytes.size() + 2) / 3 * 4 + 1, '\0');  // EVP_EncodeBlock writes a NUL too
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                      reinterpret_cast<const unsigned char*>(bytes.data()),
                                      static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

}  // namespace saml::detail
