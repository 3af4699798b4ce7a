// Internal to the model stage: an optional attribute read as an Instant.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

#include "saml/model.h"

namespace saml::detail {

// Reads attribute `name` of `element` as an xs:dateTime into `instant`, a default one. A
// null element leaves it absent; `where` names the element and attribute whenever the
// element exists. `name` is a string literal (the Instant keeps a view of it).
void read_instant(const xmlNode* element, std::string_view name, Instant& instant);

}  // namespace saml::detail
