// Showing untrusted bytes inside one-line messages and text reports.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace saml::util {

// Printable ASCII as is; backslash and anything else as \xNN.
std::string escape_printable(std::string_view bytes);

// The first `max_bytes` bytes, escaped, with "..." when there are more.
std::string printable_prefix(std::string_view bytes, std::size_t max_bytes = 24);

// Text for a terminal: valid UTF-8 stays readable, but what could change what the reader
// sees is escaped: control characters (C0, DEL, C1, line separators) and invalid bytes as
// \xNN, bidirectional controls, zero-width and other invisible characters (the list is
// util::hides_or_reorders, which the HTML pages share) as \u{XXXX}. (A CR in a NameID
// could otherwise make a terminal show another user's name.)
std::string terminal_safe(std::string_view text);

}  // namespace saml::util
