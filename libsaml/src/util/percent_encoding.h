// Percent-encoding (RFC 3986 section 2.1) for the places that write a URI or a form value.
#pragma once

#include <string>
#include <string_view>

namespace saml::util {

// Every byte of `text` except the unreserved characters (ALPHA, DIGIT, "-._~") and those in
// `also_kept` becomes %XX with upper-case hex digits.
std::string percent_encode(std::string_view text, std::string_view also_kept = {});

}  // namespace saml::util
