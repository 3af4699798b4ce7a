// The values of every Attribute with one Name, in document order: a repeated Attribute
// element must not hide values from the checks.
#pragma once

#include <string_view>
#include <vector>

#include "saml/model.h"

namespace saml::detail {

// Views into the Assertion, valid while it lives: collecting copies no text or location.
struct AttributeValue {
  std::string_view text;
  const NodeRef* where;
};

struct AttributeValues {
  std::vector<AttributeValue> values;
  bool present = false;
  const NodeRef* where;  // of the first such Attribute (the assertion when there is none)
};

inline AttributeValues collect_attribute_values(const Assertion& assertion, std::string_view name) {
  AttributeValues out;
  out.where = &assertion.where;
  for (const Attribute& attr : assertion.attributes) {
    if (attr.name != name) continue;
    if (!out.present) out.where = &attr.where;
    out.present = true;
    out.values.reserve(out.values.size() + attr.values.size());
    for (std::size_t i = 0; i < attr.values.size(); ++i) {
      const NodeRef& where = i < attr.value_locations.size() ? attr.value_locations[i] : attr.where;
      out.values.push_back(AttributeValue{attr.values[i], &where});
    }
  }
  return out;
}

}  // namespace saml::detail
