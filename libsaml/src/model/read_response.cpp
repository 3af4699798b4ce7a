// The Response element's own fields. Only direct children in the SAML namespaces are read:
// the caller hands over the exact node, so nothing here searches the document.
#include "model/instant.h"
#include "model/read_into.h"
#include "model/repeats.h"
#include "saml/model.h"
#include "saml/xml.h"

namespace saml {
namespace {

void read_status(const xmlNode* status_element, Status& status) {
  if (status_element == nullptr) return;
  status.present = true;
  status.where = NodeRef{status_element, {}};
  if (const xmlNode* code = first_child(status_element, ns::protocol, "StatusCode")) {
    attribute_into(code, "Value", status.code);
    if (const xmlNode* nested = first_child(code, ns::protocol, "StatusCode")) {
      attribute_into(nested, "Value", status.second_level);
    }
  }
  if (const xmlNode* message = first_child(status_element, ns::protocol, "StatusMessage")) {
    text_content_into(message, status.message);
  }
}

}  // namespace

void detail::read_response_into(const xmlNode* response_element, Response& response) {
  response.node = response_element;
  if (response_element == nullptr) return;
  response.where = NodeRef{response_element, {}};
  attribute_into(response_element, "ID", response.id);
  response.has_version = attribute_into(response_element, "Version", response.version);
  detail::read_instant(response_element, "IssueInstant", response.issue_instant);
  response.has_destination =
      attribute_into(response_element, "Destination", response.destination);
  attribute_into(response_element, "InResponseTo", response.in_response_to);
  if (const xmlNode* issuer = first_child(response_element, ns::assertion, "Issuer")) {
    response.has_issuer = true;
    text_content_into(issuer, response.issuer);
  }
  read_status(first_child(response_element, ns::protocol, "Status"), response.status);
  detail::note_repeats(response_element, ns::assertion, "Issuer", response.repeated);
  detail::note_repeats(response_element, ns::protocol, "Status", response.repeated);
}

Response read_response(const xmlNode* response_element) {
  Response response;
  detail::read_response_into(response_element, response);
  return response;
}

}  // namespace saml
