// The characters IAM allows in the names a sign-in carries: role names, RoleSessionName and
// SourceIdentity all follow IAM's pattern [\w+=,.@-] (ASCII letters, digits and _+=,.@-).
#pragma once

#include <string_view>

#include "util/char_set.h"

namespace saml::detail {

inline constexpr std::string_view kIamNamePunctuation = "_+=,.@-";
inline constexpr util::CharSet kIamNameChars = util::CharSet::alnum_and(kIamNamePunctuation);
// The same set as messages write it; held to the punctuation above.
inline constexpr std::string_view kIamNamePattern = "[A-Za-z0-9_+=,.@-]";
static_assert(kIamNamePattern.substr(10, kIamNamePunctuation.size()) == kIamNamePunctuation);

}  // namespace saml::detail
