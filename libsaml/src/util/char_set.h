// A set of bytes as a table built at compile time: testing a character is one load, where a
// chain of comparisons and a search of a punctuation list cost more per character.
#pragma once

#include <array>
#include <string_view>

namespace saml::util {

class CharSet {
 public:
  // ASCII letters and digits, plus `punctuation`.
  static constexpr CharSet alnum_and(std::string_view punctuation) {
    CharSet set;
    set.add_range('A', 'Z');
    set.add_range('a', 'z');
    set.add_range('0', '9');
    for (const char c : punctuation) set.add(c);
    return set;
  }
  static constexpr CharSet range(char first, char last) {
    CharSet set;
    set.add_range(first, last);
    return set;
  }
  // This set plus every byte from 0x80 up (the bytes of UTF-8 sequences).
  constexpr CharSet with_non_ascii() const {
    CharSet set = *this;
    for (int byte = 0x80; byte <= 0xff; ++byte) set.members_[static_cast<std::size_t>(byte)] = true;
    return set;
  }
  constexpr bool contains(char c) const { return members_[static_cast<unsigned char>(c)]; }

 private:
  constexpr void add(char c) { members_[static_cast<unsigned char>(c)] = true; }
  constexpr void add_range(char first, char last) {
    for (int c = first; c <= last; ++c) add(static_cast<char>(c));
  }

  std::array<bool, 256> members_{};
};

}  // namespace saml::util
