// Splitting an application/x-www-form-urlencoded body (SAMLResponse=...&RelayState=...).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "saml/error.h"

namespace saml {

struct FormField {
  std::string name;          // percent-decoded
  std::string_view value;    // still encoded
  std::size_t value_start;   // offset of `value` in the captured input
};

// Splits on '&' and decodes the names; `start` is the body's offset in the captured input.
Expected<std::vector<FormField>> split_form_body(std::string_view body, std::size_t start);

}  // namespace saml
