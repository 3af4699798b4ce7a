// Test support: reading files from fixtures/, editing and encoding test inputs.
#pragma once

#include <openssl/evp.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace samltest {

inline std::string fixture_path(const std::string& relative) {
  return std::string(SAMLKIT_FIXTURES_DIR) + "/" + relative;
}

inline std::string read_fixture(const std::string& relative) {
  std::ifstream in(fixture_path(relative), std::ios::binary);
  if (!in) throw std::runtime_error("cannot open fixture " + relative);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Replaces the first occurrence of `from` (which must exist) with `to`.
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("test edit: '" + from + "' not found");
  return text.replace(at, from.size(), to);
}

// Standard base64 without line breaks (OpenSSL's encoder: tests do not roll their own).
inline std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace samltest
