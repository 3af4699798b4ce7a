#include "model/instant.h"

#include <optional>
#include <string>
#include <utility>

#include "saml/time.h"
#include "saml/xml.h"

namespace saml::detail {

Instant read_instant(const xmlNode* element, std::string_view name) {
  Instant instant;
  if (element == nullptr) return instant;
  instant.where = NodeRef{element, name};
  std::optional<std::string> text = optional_attribute(element, name);
  if (!text) return instant;
  instant.present = true;
  instant.text = std::move(*text);
  Expected<TimePoint> parsed = parse_xs_datetime(instant.text);
  if (parsed) {
    instant.value = *parsed;
  } else {
    instant.error = parsed.error().message;
  }
  return instant;
}

}  // namespace saml::detail
