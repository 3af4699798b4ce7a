// ID attributes: counted over the whole document, registered for reference lookup only
// on SAML elements and only when unique.
#pragma once

#include <libxml/tree.h>

#include <vector>

#include "saml/finding.h"

namespace saml::detail {

// What index_saml_ids met on its one walk of the document.
struct DocumentIndex {
  std::vector<Finding> duplicate_ids;        // XML002
  std::vector<const xmlNode*> signatures;    // every ds:Signature element, in document order
};

// Registers every unique `ID` attribute of a SAML protocol/assertion element with libxml2
// (so a Reference "#id" can resolve to it) and reports duplicates (XML002), counting
// xml:id too. Lookalikes (Id, id, wsu:Id) are never registered. The same walk lists the
// Signature elements, which the caller verifies next.
DocumentIndex index_saml_ids(xmlDoc* doc);

}  // namespace saml::detail
