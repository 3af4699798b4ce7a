#include "util/printable.h"

#include <cstdint>
#include <cstdio>

namespace saml::util {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_hex_byte(std::string& out, unsigned char byte) {
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0x0f];
}

// The length of the UTF-8 sequence at `at` and its code point; 0 when it is not valid
// (overlong, surrogate, beyond U+10FFFF, truncated).
std::size_t utf8_sequence(std::string_view text, std::size_t at, std::uint32_t& code_point) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = 0;
  std::uint32_t min = 0;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2, code_point = lead & 0x1fU, min = 0x80;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3, code_point = lead & 0x0fU, min = 0x800;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4, code_point = lead & 0x07U, min = 0x10000;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xc0U) != 0x80U) return 0;
    code_point = (code_point << 6U) | (next & 0x3fU);
  }
  const bool surrogate = code_point >= 0xd800 && code_point <= 0xdfff;
  return code_point < min || surrogate || code_point > 0x10ffff ? 0 : length;
}

// C1 controls, line and paragraph separators, bidirectional controls, zero-width characters
// and the byte order mark.
bool hides_or_reorders(std::uint32_t c) {
  return (c >= 0x80 && c <= 0x9f) || c == 0x061c || (c >= 0x200b && c <= 0x200f) ||
         (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c == 0xfeff;
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
      if (byte < 0x20 || byte == 0x7f) {
        append_hex_byte(out, byte);
        ++at;
        continue;
      }
      // A run of printable ASCII is appended at once, not byte by byte.
      std::size_t end = at + 1;
      while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x20 &&
             static_cast<unsigned char>(text[end]) < 0x7f) {
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
