// Internal text helpers of the IAM stage: ASCII case folding and IAM's wildcard match.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace saml::iam {

std::string lower(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
// `*` matches any run of characters (also '/' and ':'), `?` exactly one. Where `literal` (when
// given, one flag per pattern character) is set, '*' and '?' stand for themselves.
bool wildcard_match(std::string_view pattern, std::string_view text, bool ignore_case,
                    const std::vector<bool>* literal = nullptr);

}  // namespace saml::iam
