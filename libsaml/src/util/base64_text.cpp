#include "util/base64_text.h"

#include <openssl/evp.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>

#include "util/openssl_ptr.h"

namespace saml::detail {

namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Whether any of the eight bytes of `word` is at or below ' ' (0x20), the only bytes that can
// be ASCII whitespace: subtracting 0x21 from each byte sets its high bit, where the byte's own
// high bit was clear, exactly when some byte is below 0x21 (a borrow starts only there).
bool may_hold_space(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  return ((word - kOnes * 0x21) & ~word & kHighBits) != 0;
}

// Calls on_run with each run of `text` between ASCII spaces, in order, until it returns false;
// whether every run was taken. Eight bytes at a time are skipped while none of them can be a
// space (base64 text is long runs, wrapped every 64 or 76 characters at most).
template <typename OnRun>
bool for_each_run_without_ascii_space(std::string_view text, OnRun on_run) {
  std::size_t run = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    if (text.size() - at >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + at, sizeof word);
      if (!may_hold_space(word)) {
        at += 8;
        continue;
      }
    }
    if (is_ascii_space(text[at])) {
      if (at > run && !on_run(text.substr(run, at - run))) return false;
      run = at + 1;
    }
    ++at;
  }
  return run == text.size() || on_run(text.substr(run));
}

// Appends `text` without the ASCII whitespace base64 text may be wrapped in.
void append_without_ascii_space(std::string& out, std::string_view text) {
  for_each_run_without_ascii_space(text, [&](std::string_view run) {
    out.append(run);
    return true;
  });
}

}  // namespace

bool continues_without_ascii_space(std::string_view compact, std::string_view text, std::size_t& matched) {
  return for_each_run_without_ascii_space(text, [&](std::string_view run) {
    if (compact.substr(matched, run.size()) != run) return false;
    matched += run.size();
    return true;
  });
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
  out.resize(static_cast<std::size_t>(written) + static_cast<std::size_t>(tail));
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
