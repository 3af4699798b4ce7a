// AWS012..AWS015 and AWS026: endpoint partitions, regional Recipients, duplicate roles,
// long sessions, and IAM attributes sent to IAM Identity Center.
#include <array>
#include <set>
#include <string>
#include <utility>

#include "aws/quote.h"
#include "lint/lint_rules.h"
#include "saml/aws.h"

namespace saml::lint {
namespace {

constexpr long kDefaultMaxSessionDuration = 3600;
constexpr std::string_view kGlobalSignin = "https://signin.aws.amazon.com/saml";

struct EndpointPartition {
  std::string_view value;
  std::string_view partition;
};

constexpr std::array<EndpointPartition, 7> kFixedPartitions = {{
    {"urn:amazon:webservices", "aws"},
    {"https://signin.aws.amazon.com/saml", "aws"},
    {"urn:amazon:webservices:govcloud", "aws-us-gov"},
    {"https://signin.amazonaws-us-gov.com/saml", "aws-us-gov"},
    {"urn:amazon:webservices:cn-north-1", "aws-cn"},
    {"https://signin.amazonaws.cn/saml", "aws-cn"},
    {"urn:amazon:webservices:cn-northwest-1", "aws-cn"},
}};

// The partition an AWS audience or sign-in endpoint belongs to; empty if not an AWS one.
std::string_view partition_of(std::string_view value) {
  for (const EndpointPartition& fixed : kFixedPartitions) {
    if (fixed.value == value) return fixed.partition;
  }
  return is_aws_signin_endpoint(value) ? "aws" : "";  // regional *.signin.aws.amazon.com
}

bool is_regional_signin(std::string_view url) {
  return is_aws_signin_endpoint(url) && url != kGlobalSignin && partition_of(url) == "aws" &&
         url.find(".signin.aws.amazon.com/") != std::string_view::npos;
}

}  // namespace

Outcome check_endpoint_partition(const Context& context, std::vector<Finding>& findings) {
  const auto& assertion = context.verdict.assertion;
  const auto& aws = context.verdict.aws;
  if (!assertion || !aws || aws->roles.empty()) return Outcome::NotApplicable;
  std::vector<std::pair<std::string, Location>> endpoints;
  for (const AudienceRestriction& restriction : assertion->conditions.audience_restrictions) {
    for (const std::string& audience : restriction.audiences) {
      endpoints.emplace_back("Audience " + audience, restriction.where);
    }
  }
  for (const SubjectConfirmation& confirmation : assertion->confirmations) {
    if (confirmation.has_recipient) {
      endpoints.emplace_back("Recipient " + confirmation.recipient, confirmation.where);
    }
  }
  bool any = false;
  for (const auto& [label, where] : endpoints) {
    const std::string_view value = std::string_view(label).substr(label.find(' ') + 1);
    const std::string_view partition = partition_of(value);
    if (partition.empty()) continue;
    any = true;
    for (const RolePair& pair : aws->roles) {
      if (pair.role.partition == partition) continue;
      findings.push_back(make_finding(
          "AWS012", label + " is in partition " + std::string(partition) + " but role " +
                        pair.role.to_string() + " is in partition " + pair.role.partition,
          where));
    }
  }
  return any ? Outcome::Checked : Outcome::NotApplicable;
}

Outcome check_regional_recipient(const Context& context, std::vector<Finding>& findings) {
  const auto& assertion = context.verdict.assertion;
  if (!assertion || assertion->confirmations.empty()) return Outcome::NotApplicable;
  for (const SubjectConfirmation& confirmation : assertion->confirmations) {
    if (!is_regional_signin(confirmation.recipient)) continue;
    findings.push_back(make_finding(
        "AWS013", "Recipient " + confirmation.recipient +
                      " is regional: saml:aud will be that URL, which the console's default trust "
                      "policy (saml:aud = " + std::string(kGlobalSignin) + ") does not accept",
        confirmation.where));
  }
  return Outcome::Checked;
}

Outcome check_duplicate_roles(const Context& context, std::vector<Finding>& findings) {
  const auto& aws = context.verdict.aws;
  if (!aws || aws->roles.empty()) return Outcome::NotApplicable;
  std::set<std::pair<std::string, std::string>> seen;
  for (const RolePair& pair : aws->roles) {
    if (seen.emplace(pair.role.to_string(), pair.provider.to_string()).second) continue;
    const Attribute* role = context.verdict.assertion->find_attribute(aws_attr::role);
    findings.push_back(make_finding("AWS014",
                                    "role " + pair.role.to_string() + " with provider " +
                                        pair.provider.to_string() + " is sent more than once",
                                    role ? role->where : Location{}));
  }
  return Outcome::Checked;
}

Outcome check_long_session_duration(const Context& context, std::vector<Finding>& findings) {
  const auto& aws = context.verdict.aws;
  if (!aws || !aws->session_duration) return Outcome::NotApplicable;
  if (*aws->session_duration <= kDefaultMaxSessionDuration) return Outcome::Checked;
  const Attribute* attribute = context.verdict.assertion->find_attribute(aws_attr::session_duration);
  findings.push_back(make_finding(
      "AWS015", "SessionDuration " + std::to_string(*aws->session_duration) +
                    " s is over 3600 s, a role's default MaxSessionDuration",
      attribute ? attribute->where : Location{}));
  return Outcome::Checked;
}

Outcome check_identity_center_roles(const Context& context, std::vector<Finding>& findings) {
  const auto& assertion = context.verdict.assertion;
  if (!assertion) return Outcome::NotApplicable;
  for (std::string_view name :
       {aws_attr::role, aws_attr::role_session_name, aws_attr::session_duration}) {
    const Attribute* attribute = assertion->find_attribute(name);
    if (attribute == nullptr) continue;
    findings.push_back(make_finding(
        "AWS026", "attribute " + std::string(name) + " is ignored by IAM Identity Center",
        attribute->where));
  }
  return Outcome::Checked;
}

}  // namespace saml::lint
