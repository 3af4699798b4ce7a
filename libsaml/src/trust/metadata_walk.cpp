#include "trust/metadata_walk.h"

#include <string_view>

#include "saml/xml.h"

namespace saml::detail {
namespace {

constexpr std::string_view kMetadataNs = "urn:oasis:names:tc:SAML:2.0:metadata";

bool usable_for_signing(const xmlNode* key_descriptor) {
  const auto use = optional_attribute(key_descriptor, "use");
  return !use || *use == "signing";
}

}  // namespace

std::vector<const xmlNode*> metadata_entities(const xmlNode* root) {
  std::vector<const xmlNode*> entities;
  if (is_element(root, kMetadataNs, "EntityDescriptor")) {
    entities.push_back(root);
  } else if (is_element(root, kMetadataNs, "EntitiesDescriptor")) {
    for (auto* e = first_child(root, kMetadataNs, "EntityDescriptor"); e;
         e = next_sibling(e, kMetadataNs, "EntityDescriptor")) {
      entities.push_back(e);
    }
  }
  return entities;
}

std::vector<const xmlNode*> signing_certificate_nodes(const xmlNode* entity) {
  std::vector<const xmlNode*> nodes;
  for (auto* idp = first_child(entity, kMetadataNs, "IDPSSODescriptor"); idp;
       idp = next_sibling(idp, kMetadataNs, "IDPSSODescriptor")) {
    for (auto* kd = first_child(idp, kMetadataNs, "KeyDescriptor"); kd;
         kd = next_sibling(kd, kMetadataNs, "KeyDescriptor")) {
      if (!usable_for_signing(kd)) continue;
      const xmlNode* key_info = first_child(kd, ns::dsig, "KeyInfo");
      for (auto* data = first_child(key_info, ns::dsig, "X509Data"); data;
           data = next_sibling(data, ns::dsig, "X509Data")) {
        for (auto* cert = first_child(data, ns::dsig, "X509Certificate"); cert;
             cert = next_sibling(cert, ns::dsig, "X509Certificate")) {
          nodes.push_back(cert);
        }
      }
    }
  }
  return nodes;
}

}  // namespace saml::detail
