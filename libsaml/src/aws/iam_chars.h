// The characters IAM allows in the names a sign-in carries: role names, RoleSessionName and
// SourceIdentity all follow IAM's pattern [\w+=,.@-] (ASCII letters, digits and _+=,.@-).
#pragma once

#include <string_view>

#include "util/char_set.h"

namespace saml::detail {

inline constexpr util::CharSet kIamNameChars = util::CharSet::alnum_and("_+=,.@-");
// The same set as messages write it.
inline constexpr std::string_view kIamNamePattern = "[A-Za-z0-9_+=,.@-]";

}  // namespace saml::detail
