// Internal to the AWS stage: quoting a value for a one-line message.
#pragma once

#include <string>
#include <string_view>

namespace saml::detail {

// 'text', with bytes outside printable ASCII escaped as \xNN (util::escape_printable).
std::string quote_value(std::string_view text);

}  // namespace saml::detail
