// The model readers that fill a default-constructed Response or Assertion where the caller
// keeps it (a Verdict's optional, a DecodeView's): the public read_response and
// read_assertion return by value, and moving a whole Assertion into place costs a few
// hundred instructions of member-wise moves.
#pragma once

#include <libxml/tree.h>

#include "saml/model.h"

namespace saml::detail {

void read_response_into(const xmlNode* response_element, Response& response);
void read_assertion_into(const xmlNode* assertion_element, Assertion& assertion);

}  // namespace saml::detail
