// The request context: condition keys by case-insensitive name, and which keys an offline
// evaluation can know.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>

#include "iam/text.h"
#include "saml/iam.h"

namespace saml::iam {

void RequestContext::set(std::string name, std::vector<std::string> values, bool multi) {
  std::string key = lower(name);
  keys_[std::move(key)] = ContextValue{std::move(name), std::move(values), multi};
}

const ContextValue* RequestContext::find(std::string_view name) const {
  const auto it = keys_.find(lower(name));
  return it == keys_.end() ? nullptr : &it->second;
}

bool knowable_offline(std::string_view key) {
  const std::string name = lower(key);
  // Everything an AssumeRoleWithSAML request carries comes from the assertion, the Role pair
  // and --now; these families are therefore known, present or absent. Session tags exist in
  // this request only as aws:RequestTag/*; aws:PrincipalTag/* belongs to the session's later
  // requests (absent here); a federated SAML caller has no MFA keys.
  constexpr std::array<std::string_view, 5> kKnownPrefixes = {
      "saml:", "sts:", "aws:requesttag/", "aws:principaltag/", "aws:tagkeys"};
  constexpr std::array<std::string_view, 4> kKnownKeys = {
      "aws:currenttime", "aws:epochtime", "aws:multifactorauthpresent", "aws:multifactorauthage"};
  if (name.rfind("aws:", 0) != 0) return true;   // service keys (s3:...) never occur here
  for (std::string_view prefix : kKnownPrefixes) {
    if (name.rfind(prefix, 0) == 0) return true;
  }
  return std::find(kKnownKeys.begin(), kKnownKeys.end(), name) != kKnownKeys.end();
}

}  // namespace saml::iam
