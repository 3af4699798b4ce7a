// Internal to the decode stage: redaction rules shared by the view and the XML.
#pragma once

#include <libxml/tree.h>

#include <string_view>

namespace saml::detail {

// Attribute values that stay readable under --redact: the AWS Role pairs and the
// SessionDuration are configuration, not personal data.
bool keeps_values(std::string_view attribute_name);

// Redacts a document copy in place, with the same rules and hashes as redact_view.
void redact_document(xmlDoc* doc);

}  // namespace saml::detail
