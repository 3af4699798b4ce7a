#include "model/instant.h"

#include "saml/time.h"
#include "saml/xml.h"

namespace saml::detail {

Instant read_instant(const xmlNode* element, std::string_view name) {
  Instant instant;
  if (element == nullptr) return instant;
  instant.where = NodeRef{element, name};
  if (!has_attribute(element, name)) return instant;
  instant.present = true;
  instant.text = attribute(element, name);
  Expected<TimePoint> parsed = parse_xs_datetime(instant.text);
  if (parsed) {
    instant.value = *parsed;
  } else {
    instant.error = parsed.error().message;
  }
  return instant;
}

}  // namespace saml::detail
