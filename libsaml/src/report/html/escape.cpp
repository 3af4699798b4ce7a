// html_escape: untrusted text made safe and visible in an HTML page.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "saml/html_report.h"

namespace saml {
namespace {

// Characters that would hide or reorder what a reader sees: C0/C1 controls (but newline
// and tab), DEL, bidirectional controls and invisible format characters.
bool hides_text(std::uint32_t c) {
  if (c == '\n' || c == '\t') return false;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
  if (c == 0x061C || c == 0x00AD || c == 0x180E || c == 0xFEFF) return true;
  if (c >= 0x200B && c <= 0x200F) return true;  // zero-width characters, LRM, RLM
  if (c >= 0x2028 && c <= 0x202E) return true;  // line/paragraph separators, embeddings, overrides
  if (c >= 0x2060 && c <= 0x2069) return true;  // word joiner ... isolates
  return false;
}

std::string mark(const char* format, unsigned value) {
  char text[16];
  std::snprintf(text, sizeof text, format, value);
  return std::string("<span class=\"esc\">") + text + "</span>";
}

// Decodes the UTF-8 sequence at `at`; returns its length, 0 when it is not valid UTF-8.
std::size_t decode_utf8(std::string_view text, std::size_t at, std::uint32_t& code) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (lead >= 0xF5) length = 0;
  if (length == 0 || at + length > text.size()) return 0;
  code = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(at + i) & 0x3F);
  }
  const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
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
    const std::size_t length = decode_utf8(text, at, code);
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
