// Percent-decoding (application/x-www-form-urlencoded and plain URL escapes).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "saml/error.h"

namespace saml {

struct PercentDecoded {
  std::string text;
  std::vector<std::size_t> source;  // source[i]: index in the encoded text that gave text[i]
};

// Decodes %XX escapes, and '+' as a space when `plus_is_space` (form bodies). A '%' not
// followed by two hex digits is an error "capture.percent"; its offset is `start` plus the
// index of the '%'.
Expected<PercentDecoded> percent_decode(std::string_view encoded, bool plus_is_space,
                                        std::size_t start);

}  // namespace saml
