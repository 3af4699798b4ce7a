// Identity Center with SCIM: the NameID must equal a provisioned user's UserName.
#include <string_view>
#include <vector>

#include "saml/iam.h"

namespace saml::iam {

IdentityStoreMatch match_identity_store(const std::vector<IdentityStoreUser>& users,
                                        std::string_view name_id) {
  IdentityStoreMatch match;
  for (const IdentityStoreUser& user : users) {
    if (user.user_name == name_id) {
      match.matched = true;
      match.user = user;
      return match;
    }
  }
  return match;
}

}  // namespace saml::iam
