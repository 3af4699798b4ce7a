// Test support: reading files from fixtures/.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

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

}  // namespace samltest
