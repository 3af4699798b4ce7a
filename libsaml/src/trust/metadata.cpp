// Trust from IdP metadata: the signing certificates of IDPSSODescriptor KeyDescriptors.
#include <string>

#include "saml/trust.h"
#include "saml/xml.h"
#include "trust/certificate.h"
#include "trust/trust_store_internal.h"

namespace saml {
namespace {

constexpr std::string_view kMetadataNs = "urn:oasis:names:tc:SAML:2.0:metadata";

// A KeyDescriptor without `use` serves both signing and encryption.
bool usable_for_signing(const xmlNode* key_descriptor) {
  return !has_attribute(key_descriptor, "use") || attribute(key_descriptor, "use") == "signing";
}

Error metadata_error(std::string_view source, const std::string& message, Location where = {}) {
  return Error{ErrorKind::Config, "trust.metadata", std::string(source) + ": " + message, std::move(where)};
}

}  // namespace

Expected<int> TrustStore::add_metadata(std::string_view xml, std::string_view source) {
  auto doc = parse_xml(xml);
  if (!doc) {
    Error error = doc.error();
    error.kind = ErrorKind::Config;
    error.message = std::string(source) + ": " + error.message;
    return error;
  }
  const xmlNode* root = doc->root();
  std::vector<const xmlNode*> entities;
  if (is_element(root, kMetadataNs, "EntityDescriptor")) {
    entities.push_back(root);
  } else if (is_element(root, kMetadataNs, "EntitiesDescriptor")) {
    for (auto* e = first_child(root, kMetadataNs, "EntityDescriptor"); e;
         e = next_sibling(e, kMetadataNs, "EntityDescriptor")) {
      entities.push_back(e);
    }
  } else {
    return metadata_error(source, "root element is not md:EntityDescriptor or md:EntitiesDescriptor",
                          location_of(root));
  }

  // All or nothing: metadata with one bad certificate changes nothing in the store.
  std::vector<TrustedKey> staged = keys_;
  std::vector<std::string> staged_ids = entity_ids_;
  int found = 0;
  for (const xmlNode* entity : entities) {
    staged_ids.push_back(attribute(entity, "entityID"));
    for (auto* idp = first_child(entity, kMetadataNs, "IDPSSODescriptor"); idp;
         idp = next_sibling(idp, kMetadataNs, "IDPSSODescriptor")) {
      for (auto* kd = first_child(idp, kMetadataNs, "KeyDescriptor"); kd;
           kd = next_sibling(kd, kMetadataNs, "KeyDescriptor")) {
        if (!usable_for_signing(kd)) continue;
        const xmlNode* key_info = first_child(kd, ns::dsig, "KeyInfo");
        for (auto* data = first_child(key_info, ns::dsig, "X509Data"); data;
             data = next_sibling(data, ns::dsig, "X509Data")) {
          for (auto* cert_node = first_child(data, ns::dsig, "X509Certificate"); cert_node;
               cert_node = next_sibling(cert_node, ns::dsig, "X509Certificate")) {
            auto der = detail::der_from_base64_text(text_content(cert_node));
            if (!der) return metadata_error(source, der.error().message, location_of(cert_node));
            auto cert = detail::certificate_from_der(*der);
            if (!cert) return metadata_error(source, cert.error().message, location_of(cert_node));
            auto ok = detail::add_certificate(staged, cert->get(), source);
            if (!ok) return ok.error();
            ++found;
          }
        }
      }
    }
  }
  if (found == 0) {
    return metadata_error(source, "no signing certificate (IDPSSODescriptor/KeyDescriptor/KeyInfo/"
                                  "X509Data/X509Certificate) found");
  }
  // A certificate listed twice (or already trusted) is not added again.
  const auto added = static_cast<int>(staged.size() - keys_.size());
  keys_ = std::move(staged);
  entity_ids_ = std::move(staged_ids);
  return added;
}

}  // namespace saml
