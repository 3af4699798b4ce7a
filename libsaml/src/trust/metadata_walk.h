// Where IdP metadata keeps its entities and signing certificates; shared by the trust
// store (which trusts them) and the metadata lint (which checks them).
#pragma once

#include <libxml/tree.h>

#include <vector>

namespace saml::detail {

// The md:EntityDescriptor root, or the EntityDescriptor children of an md:EntitiesDescriptor
// root; empty for any other root.
std::vector<const xmlNode*> metadata_entities(const xmlNode* root);

// The ds:X509Certificate elements of `entity` that sign: IDPSSODescriptor/KeyDescriptor
// (use="signing", or no use: then it serves both)/KeyInfo/X509Data/X509Certificate, in
// document order.
std::vector<const xmlNode*> signing_certificate_nodes(const xmlNode* entity);

}  // namespace saml::detail
