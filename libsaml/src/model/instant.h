// Internal to the model stage: optional attributes, as text with its presence or as an Instant.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

#include "saml/model.h"

namespace saml::detail {

// Reads the optional attribute `name` into `value`; returns whether it is there. The model
// keeps such an attribute as a presence flag beside its text (an empty value is present).
bool read_optional_attribute(const xmlNode* element, std::string_view name, std::string& value);

// Reads attribute `name` of `element` as an xs:dateTime. A null element yields an
// absent Instant; `where` names the element and attribute whenever the element exists.
// `name` is a string literal (the Instant keeps a view of it).
Instant read_instant(const xmlNode* element, std::string_view name);

}  // namespace saml::detail
