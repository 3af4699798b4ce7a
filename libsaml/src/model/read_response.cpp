// The Response element's own fields. Only direct children in the SAML namespaces are read:
// the caller hands over the exact node, so nothing here searches the document.
#include "model/instant.h"
#include "model/repeats.h"
#include "saml/model.h"
#include "saml/xml.h"

namespace saml {
namespace {

Status read_status(const xmlNode* status_element) {
  Status status;
  if (status_element == nullptr) return status;
  status.present = true;
  status.where = NodeRef{status_element, {}};
  if (const xmlNode* code = first_child(status_element, ns::protocol, "StatusCode")) {
    status.code = attribute(code, "Value");
    if (const xmlNode* nested = first_child(code, ns::protocol, "StatusCode")) {
      status.second_level = attribute(nested, "Value");
    }
  }
  if (const xmlNode* message = first_child(status_element, ns::protocol, "StatusMessage")) {
    status.message = text_content(message);
  }
  return status;
}

}  // namespace

Response read_response(const xmlNode* response_element) {
  Response response;
  response.node = response_element;
  if (response_element == nullptr) return response;
  response.where = NodeRef{response_element, {}};
  response.id = attribute(response_element, "ID");
  response.has_version = detail::read_optional_attribute(response_element, "Version", response.version);
  response.issue_instant = detail::read_instant(response_element, "IssueInstant");
  response.has_destination =
      detail::read_optional_attribute(response_element, "Destination", response.destination);
  response.in_response_to = attribute(response_element, "InResponseTo");
  if (const xmlNode* issuer = first_child(response_element, ns::assertion, "Issuer")) {
    response.has_issuer = true;
    response.issuer = text_content(issuer);
  }
  response.status = read_status(first_child(response_element, ns::protocol, "Status"));
  detail::note_repeats(response_element, ns::assertion, "Issuer", response.repeated);
  detail::note_repeats(response_element, ns::protocol, "Status", response.repeated);
  return response;
}

}  // namespace saml
