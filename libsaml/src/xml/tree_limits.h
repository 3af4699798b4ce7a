// The post-parse walk that enforces ParseLimits and refuses node types SAML never needs.
#pragma once

#include <libxml/tree.h>

#include "saml/error.h"
#include "saml/xml.h"

namespace saml {

// One pass over the whole document: depth, node count, attributes per element, and no
// entity references or DTD nodes (fail closed even though the parser should not make any).
Expected<Ok> check_tree_limits(const xmlDoc* doc, const ParseLimits& limits);

}  // namespace saml
