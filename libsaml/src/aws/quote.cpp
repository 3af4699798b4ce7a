#include "aws/quote.h"

#include "util/printable.h"

namespace saml::detail {

std::string quote_value(std::string_view text) {
  return "'" + util::escape_printable(text) + "'";
}

}  // namespace saml::detail
