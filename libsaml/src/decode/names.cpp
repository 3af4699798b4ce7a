#include "decode/names.h"

namespace saml::detail {

std::string urn_short_name(std::string_view urn) {
  const auto colon = urn.rfind(':');
  return std::string(colon == std::string_view::npos ? urn : urn.substr(colon + 1));
}

bool is_aws_attribute(std::string_view name) {
  return name.substr(0, 39) == "https://aws.amazon.com/SAML/Attributes/";
}

}  // namespace saml::detail
