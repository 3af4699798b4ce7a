// Cheap looks at the captured bytes, used to tell the formats apart.
#pragma once

#include <string_view>

namespace saml {

bool is_ascii_space(char c);

// The standard base64 alphabet, without the '=' padding.
bool is_base64_char(char c);

// The text after an optional UTF-8 byte order mark and any ASCII whitespace.
std::string_view skip_bom_and_space(std::string_view text);

// The text without trailing ASCII whitespace.
std::string_view trim_trailing_space(std::string_view text);

// ASCII case-insensitive prefix test.
bool starts_with_nocase(std::string_view text, std::string_view prefix);

}  // namespace saml
