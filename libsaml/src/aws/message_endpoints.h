// The endpoints a message names (every Audience, each bearer Recipient, the Destination), in
// the one order the profile detection and the partition check both read them.
#pragma once

#include <string_view>
#include <vector>

#include "saml/model.h"

namespace saml::detail {

struct MessageEndpoint {
  std::string_view label;  // "Audience", "Recipient", "Destination"
  std::string_view value;  // views into the model
  NodeRef where;
};

std::vector<MessageEndpoint> message_endpoints(const Assertion* assertion, const Response* response);

}  // namespace saml::detail
