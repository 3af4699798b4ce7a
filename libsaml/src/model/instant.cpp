#include "model/instant.h"

#include <optional>
#include <string>
#include <utility>

#include "saml/time.h"
#include "saml/xml.h"

namespace saml::detail {

bool read_optional_attribute(const xmlNode* element, std::string_view name, std::string& value) {
  std::optional<std::string> text = optional_attribute(element, name);
  if (!text) return false;
  value = std::move(*text);
  return true;
}

Instant read_instant(const xmlNode* element, std::string_view name) {
  Instant instant;
  if (element == nullptr) return instant;
  instant.where = NodeRef{element, name};
  instant.present = read_optional_attribute(element, name, instant.text);
  if (!instant.present) return instant;
  Expected<TimePoint> parsed = parse_xs_datetime(instant.text);
  if (parsed) {
    instant.value = *parsed;
  } else {
    instant.error = parsed.error().message;
  }
  return instant;
}

}  // namespace saml::detail
