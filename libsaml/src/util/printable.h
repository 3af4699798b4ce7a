// Showing untrusted bytes inside one-line messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace saml::util {

// Printable ASCII as is; backslash and anything else as \xNN.
std::string escape_printable(std::string_view bytes);

// The first `max_bytes` bytes, escaped, with "..." when there are more.
std::string printable_prefix(std::string_view bytes, std::size_t max_bytes = 24);

}  // namespace saml::util
