// Structural checks on the parsed document before any value is read.
#pragma once

#include <libxml/tree.h>

#include <vector>

#include "saml/finding.h"
#include "saml/xml.h"

namespace saml {

// Checks that the root is samlp:Response (XML003), that the document holds exactly one
// saml:Assertion and it is a direct child of the root (XML004), and that there is no
// EncryptedAssertion (XML005). Returns that assertion node, or nullptr with findings.
const xmlNode* find_single_assertion(const Document& doc, std::vector<Finding>& findings);

}  // namespace saml
