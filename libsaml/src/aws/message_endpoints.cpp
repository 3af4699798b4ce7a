#include "aws/message_endpoints.h"

namespace saml::detail {

std::vector<MessageEndpoint> message_endpoints(const Assertion* assertion, const Response* response) {
  std::size_t count = response != nullptr ? 1 : 0;
  if (assertion != nullptr) {
    for (const AudienceRestriction& restriction : assertion->conditions.audience_restrictions) {
      count += restriction.audiences.size();
    }
    count += assertion->confirmations.size();
  }
  std::vector<MessageEndpoint> endpoints;
  endpoints.reserve(count);  // one allocation, not one per growth
  if (assertion != nullptr) {
    for (const AudienceRestriction& restriction : assertion->conditions.audience_restrictions) {
      for (const std::string& audience : restriction.audiences) {
        endpoints.push_back({"Audience", audience, restriction.where});
      }
    }
    for (const SubjectConfirmation& confirmation : assertion->confirmations) {
      if (confirmation.has_recipient) {
        endpoints.push_back({"Recipient", confirmation.recipient, confirmation.where});
      }
    }
  }
  if (response != nullptr && response->has_destination) {
    endpoints.push_back({"Destination", response->destination, NodeRef{response->node, "Destination"}});
  }
  return endpoints;
}

}  // namespace saml::detail
