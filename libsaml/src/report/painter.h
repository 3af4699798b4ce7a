// ANSI colours for the text reports; a no-op when colour is off (the tools decide: --color,
// NO_COLOR, TERM=dumb).
#pragma once

#include <string>

#include "saml/finding.h"

namespace saml::util {

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string red(const std::string& s) const { return paint("31;1", s); }
  std::string green(const std::string& s) const { return paint("32;1", s); }
  std::string yellow(const std::string& s) const { return paint("33", s); }
  std::string bold(const std::string& s) const { return paint("1", s); }
  std::string dim(const std::string& s) const { return paint("2", s); }
  std::string cyan(const std::string& s) const { return paint("36", s); }
  // `s` in the colour of a severity: error red, warning yellow, info cyan.
  std::string severity(Severity level, const std::string& s) const {
    switch (level) {
      case Severity::Error: return red(s);
      case Severity::Warning: return yellow(s);
      case Severity::Info: return cyan(s);
    }
    return s;
  }

 private:
  std::string paint(const char* code, const std::string& s) const {
    return color_ && !s.empty() ? "\x1b[" + std::string(code) + "m" + s + "\x1b[0m" : s;
  }
  bool color_;
};

}  // namespace saml::util
