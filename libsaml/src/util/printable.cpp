#include "util/printable.h"

#include <cstdint>
#include <cstdio>

#include "util/unicode.h"

namespace saml::util {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_hex_byte(std::string& out, unsigned char byte) {
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0x0f];
}

}  // namespace

std::string escape_printable(std::string_view bytes) {
  std::string out;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f && c != '\\') {
      out += c;
    } else {
      append_hex_byte(out, byte);
    }
  }
  return out;
}

std::string printable_prefix(std::string_view bytes, std::size_t max_bytes) {
  std::string out = escape_printable(bytes.substr(0, max_bytes));
  if (bytes.size() > max_bytes) {
    out += "...";
  }
  return out;
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      if (hides_or_reorders(byte)) {
        append_hex_byte(out, byte);
        ++at;
        continue;
      }
      // A run of ASCII that hides nothing is appended at once, not byte by byte.
      std::size_t end = at + 1;
      while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80 &&
             !hides_or_reorders(static_cast<unsigned char>(text[end]))) {
        ++end;
      }
      out.append(text, at, end - at);
      at = end;
      continue;
    }
    std::uint32_t code_point = 0;
    const std::size_t length = utf8_sequence(text, at, code_point);
    if (length == 0) {
      append_hex_byte(out, byte);
      ++at;
      continue;
    }
    if (hides_or_reorders(code_point)) {
      char escaped[16];
      std::snprintf(escaped, sizeof escaped, "\\u{%04x}", static_cast<unsigned>(code_point));
      out += escaped;
    } else {
      out.append(text.substr(at, length));
    }
    at += length;
  }
  return out;
}

}  // namespace saml::util
