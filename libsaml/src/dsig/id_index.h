// ID attributes: counted over the whole document, registered for reference lookup only
// on SAML elements and only when unique.
#pragma once

#include <libxml/tree.h>

#include <vector>

#include "saml/finding.h"

namespace saml::detail {

// Registers every unique `ID` attribute of a SAML protocol/assertion element with libxml2
// (so a Reference "#id" can resolve to it) and reports duplicates (XML002), counting
// xml:id too. Lookalikes (Id, id, wsu:Id) are never registered.
std::vector<Finding> index_saml_ids(xmlDoc* doc);

}  // namespace saml::detail
