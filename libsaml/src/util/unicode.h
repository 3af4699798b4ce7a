// What the text reports and the HTML pages need to know of Unicode: where a UTF-8 sequence
// ends, and which characters hide or reorder what a reader sees.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace saml::util {

// The length of the UTF-8 sequence at `at` and its code point; 0 when it is not valid
// (a bad lead or continuation byte, overlong, a surrogate, beyond U+10FFFF, truncated).
std::size_t utf8_sequence(std::string_view text, std::size_t at, std::uint32_t& code_point);

// C0 and C1 controls, DEL, line and paragraph separators, bidirectional controls, the soft
// hyphen, the Mongolian vowel separator, zero-width characters and the byte order mark:
// shown as they are, they hide or reorder text (a CR or an RLO in a NameID can make it read
// as another user's). Callers that keep newlines and tabs test for them first.
// Inline: the text report asks it of every byte it writes.
inline bool hides_or_reorders(std::uint32_t c) {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x00ad || c == 0x061c || c == 0x180e ||
         (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) ||
         c == 0xfeff;
}

}  // namespace saml::util
