// Internal to the model stage: reading one time attribute into an Instant.
#pragma once

#include <libxml/tree.h>

#include <string_view>

#include "saml/model.h"

namespace saml::detail {

// Reads attribute `name` of `element` as an xs:dateTime. A null element yields an
// absent Instant; `where` names the element and attribute whenever the element exists.
// `name` is a string literal (the Instant keeps a view of it).
Instant read_instant(const xmlNode* element, std::string_view name);

}  // namespace saml::detail
