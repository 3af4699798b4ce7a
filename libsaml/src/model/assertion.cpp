#include <algorithm>

#include "saml/model.h"
#include "saml/xml.h"

namespace saml {

Location NodeRef::location() const { return location_of(node, attribute); }

const Attribute* Assertion::find_attribute(std::string_view name) const {
  const auto it = std::find_if(attributes.begin(), attributes.end(),
                               [name](const Attribute& a) { return a.name == name; });
  return it == attributes.end() ? nullptr : &*it;
}

}  // namespace saml
