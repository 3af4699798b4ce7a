// AWS012: the Audience, Recipient and Destination name the partition of every Role ARN.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aws/message_endpoints.h"
#include "checks/rule_checks.h"
#include "saml/aws_endpoints.h"

namespace saml {

Outcome check_endpoint_partition(const CheckContext& context, RuleReport& report) {
  const Assertion* assertion = context.assertion;
  if (assertion == nullptr || context.aws == nullptr || context.aws->roles.empty()) {
    return Outcome::NotApplicable;
  }
  const std::vector<detail::MessageEndpoint> endpoints = detail::message_endpoints(assertion, context.response);
  bool any = false;
  for (const detail::MessageEndpoint& endpoint : endpoints) {
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
