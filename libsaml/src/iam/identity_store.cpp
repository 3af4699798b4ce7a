// Identity Center with SCIM: the NameID must equal a provisioned user's UserName.
#include <string_view>
#include <vector>

#include "iam/text.h"
#include "saml/iam.h"

namespace saml::iam {

IdentityStoreMatch match_identity_store(const std::vector<IdentityStoreUser>& users,
                                        std::string_view name_id) {
  IdentityStoreMatch match;
  // An exact match first; otherwise one differing only in letter case.
  for (const bool ignore_case : {false, true}) {
    for (const IdentityStoreUser& user : users) {
      if (ignore_case ? iequals(user.user_name, name_id) : user.user_name == name_id) {
        match.matched = true;
        match.user = user;
        return match;
      }
    }
  }
  return match;
}

}  // namespace saml::iam
