// html_escape: untrusted text made safe and visible in an HTML page.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "saml/html_report.h"
#include "util/unicode.h"

namespace saml {
namespace {

// Newlines and tabs are kept (the page shows them in <pre> text); what else hides or
// reorders text is marked.
bool hides_text(std::uint32_t c) { return c != '\n' && c != '\t' && util::hides_or_reorders(c); }

std::string mark(const char* format, unsigned value) {
  char text[16];
  std::snprintf(text, sizeof text, format, value);
  return std::string("<span class=\"esc\">") + text + "</span>";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t at = 0; at < text.size();) {
    const char c = text[at];
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      ++at;
      switch (c) {
        case '&': out += "&amp;"; continue;
        case '<': out += "&lt;"; continue;
        case '>': out += "&gt;"; continue;
        case '"': out += "&quot;"; continue;
        case '\'': out += "&#39;"; continue;
        default: break;
      }
      if (hides_text(byte)) {
        out += mark("[U+%04X]", byte);
      } else {
        out += c;
      }
      continue;
    }
    std::uint32_t code = 0;
    const std::size_t length = util::utf8_sequence(text, at, code);
    if (length == 0) {
      out += mark("[0x%02X]", byte);
      ++at;
      continue;
    }
    if (hides_text(code)) {
      out += mark("[U+%04X]", code);
    } else {
      out.append(text.substr(at, length));
    }
    at += length;
  }
  return out;
}

}  // namespace saml
