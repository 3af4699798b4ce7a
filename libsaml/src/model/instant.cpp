#include "model/instant.h"

#include <optional>
#include <string>

#include "saml/time.h"
#include "saml/xml.h"

namespace saml::detail {

void read_instant(const xmlNode* element, std::string_view name, Instant& instant) {
  if (element == nullptr) return;
  instant.where = NodeRef{element, name};
  instant.present = attribute_into(element, name, instant.text);
  if (!instant.present) return;
  Expected<TimePoint> parsed = parse_xs_datetime(instant.text);
  if (parsed) {
    instant.value = *parsed;
  } else {
    instant.error = parsed.error().message;
  }
}

}  // namespace saml::detail
