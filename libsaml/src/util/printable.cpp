#include "util/printable.h"

namespace saml::util {

std::string escape_printable(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f && c != '\\') {
      out += c;
    } else {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0f];
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

}  // namespace saml::util
