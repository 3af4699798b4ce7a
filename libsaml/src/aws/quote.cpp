#include "aws/quote.h"

#include "util/printable.h"

namespace saml::detail {

std::string quote_value(std::string_view text) {
  // Appended step by step: `"'" + s + "'"` trips GCC 12's -Wrestrict false positive at -O3.
  std::string quoted = "'";
  quoted += util::escape_printable(text);
  quoted += '\'';
  return quoted;
}

}  // namespace saml::detail
