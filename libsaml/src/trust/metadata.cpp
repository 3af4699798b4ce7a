// Trust from IdP metadata: the signing certificates of IDPSSODescriptor KeyDescriptors.
#include <string>

#include "saml/trust.h"
#include "saml/xml.h"
#include "trust/certificate.h"
#include "trust/metadata_walk.h"
#include "trust/trust_store_internal.h"

namespace saml {
namespace {

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
  const std::vector<const xmlNode*> entities = detail::metadata_entities(root);
  if (entities.empty()) {
    return metadata_error(source, "root element is not md:EntityDescriptor or md:EntitiesDescriptor",
                          location_of(root));
  }

  // All or nothing: metadata with one bad certificate changes nothing in the store.
  std::vector<TrustedKey> staged = keys_;
  std::vector<std::string> staged_ids = entity_ids_;
  int found = 0;
  for (const xmlNode* entity : entities) {
    const std::string entity_id = attribute(entity, "entityID");
    staged_ids.push_back(entity_id);
    for (const xmlNode* cert_node : detail::signing_certificate_nodes(entity)) {
      auto der = detail::der_from_base64_text(text_content(cert_node));
      if (!der) return metadata_error(source, der.error().message, location_of(cert_node));
      auto cert = detail::certificate_from_der(*der);
      if (!cert) return metadata_error(source, cert.error().message, location_of(cert_node));
      auto ok = detail::add_certificate(staged, cert->get(), source, entity_id);
      if (!ok) return ok.error();
      ++found;
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
