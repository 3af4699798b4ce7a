// read_authn_request: the fields of a samlp:AuthnRequest, as written.
#include "model/instant.h"
#include "saml/decode.h"

namespace saml {

AuthnRequestView read_authn_request(const xmlNode* authn_request_element) {
  AuthnRequestView request;
  request.node = authn_request_element;
  if (authn_request_element == nullptr) return request;
  const xmlNode* element = authn_request_element;
  request.where = location_of(element);
  request.id = attribute(element, "ID");
  request.version = attribute(element, "Version");
  detail::read_instant(element, "IssueInstant", request.issue_instant);
  request.destination = attribute(element, "Destination");
  request.assertion_consumer_service_url = attribute(element, "AssertionConsumerServiceURL");
  request.protocol_binding = attribute(element, "ProtocolBinding");
  if (const xmlNode* issuer = first_child(element, ns::assertion, "Issuer")) {
    request.issuer = text_content(issuer);
  }
  if (const xmlNode* policy = first_child(element, ns::protocol, "NameIDPolicy")) {
    request.has_name_id_policy = true;
    request.name_id_policy_format = attribute(policy, "Format");
    request.name_id_policy_allow_create = attribute(policy, "AllowCreate");
  }
  return request;
}

}  // namespace saml
