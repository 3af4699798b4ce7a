// AWS012: the Audience, Recipient and Destination name the partition of every Role ARN.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/rule_checks.h"
#include "saml/aws_endpoints.h"

namespace saml {

Outcome check_endpoint_partition(const CheckContext& context, RuleReport& report) {
  const Assertion* assertion = context.assertion;
  if (assertion == nullptr || context.aws == nullptr || context.aws->roles.empty()) {
    return Outcome::NotApplicable;
  }
  // Views into the model.
  struct Endpoint {
    std::string_view label;
    std::string_view value;
    NodeRef where;
  };
  std::vector<Endpoint> endpoints;
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
  if (context.response != nullptr && context.response->has_destination) {
    const NodeRef destination{context.response->node, "Destination"};
    endpoints.push_back({"Destination", context.response->destination, destination});
  }
  bool any = false;
  for (const Endpoint& endpoint : endpoints) {
    const std::string partition = partition_of_endpoint(endpoint.value);
    if (partition.empty()) continue;
    any = true;
    for (const RolePair& pair : context.aws->roles) {
      if (pair.role.partition == partition) continue;
      report.add(std::string(endpoint.label) + " " + std::string(endpoint.value) + " is in partition " +
                     partition + " but role " + pair.role.to_string() + " is in partition " +
                     pair.role.partition,
                 endpoint.where);
    }
  }
  return any ? Outcome::Checked : Outcome::NotApplicable;
}

}  // namespace saml
