// ANSI colours for the text reports; a no-op when colour is off (the tools turn it on only
// on a terminal without NO_COLOR).
#pragma once

#include <string>

namespace saml::util {

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string red(const std::string& s) const { return paint("31;1", s); }
  std::string green(const std::string& s) const { return paint("32;1", s); }
  std::string yellow(const std::string& s) const { return paint("33", s); }
  std::string bold(const std::string& s) const { return paint("1", s); }
  std::string dim(const std::string& s) const { return paint("2", s); }

 private:
  std::string paint(const char* code, const std::string& s) const {
    return color_ && !s.empty() ? "\x1b[" + std::string(code) + "m" + s + "\x1b[0m" : s;
  }
  bool color_;
};

}  // namespace saml::util
