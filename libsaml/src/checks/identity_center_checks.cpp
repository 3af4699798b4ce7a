// AWS025 (the NameID is an e-mail address) and AWS028 (which Identity Center instance the
// response is for, when nothing pins one).
#include <algorithm>
#include <optional>
#include <string>

#include "aws/quote.h"
#include "checks/rule_checks.h"
#include "saml/aws_endpoints.h"

namespace saml {
namespace {

// local@domain.tld: one '@', non-empty local part, a dot inside the domain, no spaces or
// control characters. A shape check, not RFC 5322.
bool looks_like_email(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
  });
}
// The first Identity Center endpoint of this kind among the values, if any.
std::optional<AwsEndpoint> first_of_kind(const std::vector<std::string_view>& values, AwsEndpointKind kind) {
  for (std::string_view value : values) {
    auto endpoint = classify_aws_endpoint(value);
    if (endpoint && endpoint->kind == kind) return endpoint;
  }
  return std::nullopt;
}

}  // namespace

Outcome check_identity_center_name_id(const CheckContext& context, RuleReport& report) {
  const Assertion* assertion = context.assertion;
  if (assertion == nullptr || !assertion->has_name_id) return Outcome::NotApplicable;
  if (!looks_like_email(assertion->name_id)) {
    report.add("NameID " + detail::quote_value(assertion->name_id) + " is not an e-mail address",
               assertion->name_id_where);
  }
  return Outcome::Checked;
}

Outcome check_identity_center_pinned(const CheckContext& context, RuleReport& report) {
  const Assertion* assertion = context.assertion;
  if (assertion == nullptr || (!context.policy.audiences.empty() && !context.policy.recipients.empty())) {
    return Outcome::NotApplicable;
  }
  std::vector<std::string_view> audiences;
  for (const AudienceRestriction& restriction : assertion->conditions.audience_restrictions) {
    audiences.insert(audiences.end(), restriction.audiences.begin(), restriction.audiences.end());
  }
  std::vector<std::string_view> recipients;
  for (const SubjectConfirmation& confirmation : assertion->confirmations) recipients.push_back(confirmation.recipient);
  std::string instance;
  if (const auto issuer = first_of_kind(audiences, AwsEndpointKind::IdentityCenterIssuer)) {
    instance = "directory " + issuer->instance + " in " + issuer->region;
  }
  if (const auto acs = first_of_kind(recipients, AwsEndpointKind::IdentityCenterAcs)) {
    instance += (instance.empty() ? "" : ", ") + std::string("ACS tenant ") + acs->instance + " in " + acs->region;
  }
  if (instance.empty()) return Outcome::NotApplicable;
  std::string missing = context.policy.audiences.empty() ? "--audience" : "";
  if (context.policy.recipients.empty()) missing += (missing.empty() ? "" : " and ") + std::string("--recipient");
  report.add("the response is for the IAM Identity Center instance of " + instance +
                 "; any instance's URLs are accepted without " + missing,
             assertion->where);
  return Outcome::Checked;
}

}  // namespace saml
