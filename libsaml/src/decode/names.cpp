#include "decode/names.h"

namespace saml::detail {

std::string algorithm_short_name(std::string_view uri) {
  // "http://www.w3.org/2001/10/xml-exc-c14n#" names its algorithm before the '#'.
  if (!uri.empty() && uri.back() == '#') uri.remove_suffix(1);
  const auto cut = uri.find_last_of(uri.find('#') == std::string_view::npos ? "/" : "#");
  return std::string(cut == std::string_view::npos ? uri : uri.substr(cut + 1));
}

std::string urn_short_name(std::string_view urn) {
  const auto colon = urn.rfind(':');
  return std::string(colon == std::string_view::npos ? urn : urn.substr(colon + 1));
}

bool is_aws_attribute(std::string_view name) {
  return name.substr(0, 39) == "https://aws.amazon.com/SAML/Attributes/";
}

}  // namespace saml::detail
