#include "pipeline/encrypted_id.h"

#include <string>

#include "pipeline/stage_policies.h"
#include "saml/rules.h"
#include "saml/xmlenc.h"

namespace saml {

void open_encrypted_id(Assertion& assertion, const Policy& policy, std::vector<Finding>& findings) {
  const xmlNode* encrypted_id = assertion.encrypted_id;
  if (encrypted_id == nullptr) return;
  const NodeRef where{encrypted_id, {}};
  if (assertion.has_name_id) {
    // One identifier per Subject (BaseID, NameID or EncryptedID): two are a parser differential.
    findings.push_back(make_finding(RuleId::encrypted_id_unusable, "the Subject has both a NameID and an EncryptedID; it may have one "
                                              "identifier", where));
    return;
  }
  auto info = inspect_encrypted_assertion(encrypted_id);
  if (!info) {
    findings.push_back(make_finding(RuleId::encrypted_id_unusable, "the Subject's EncryptedID: " + info.error().message, info.error().where));
    return;
  }
  if (!policy.decryption_keys || policy.decryption_keys->empty()) {
    findings.push_back(make_finding(RuleId::encrypted_id_unusable,
                                    "the Subject's NameID is encrypted (saml:EncryptedID) and no decryption key was "
                                    "given (--decrypt-key); it needs " + describe_needed_key(*info),
                                    where));
    return;
  }
  DecryptionPolicy decryption = decryption_policy_of(policy);
  decryption.failure_rule = RuleId::encrypted_id_unusable;
  auto decrypted = decrypt_assertion(encrypted_id, *info, *policy.decryption_keys, decryption, findings);
  if (!decrypted) return;
  const xmlNode* name_id = decrypted->document->root()->children;
  if (!is_element(name_id, ns::assertion, "NameID")) {
    const std::string name = name_id != nullptr ? reinterpret_cast<const char*>(name_id->name) : "nothing";
    findings.push_back(make_finding(RuleId::encrypted_id_unusable, "the EncryptedID decrypts to <" + name + ">, not saml:NameID", where));
    return;
  }
  assertion.has_name_id = true;
  assertion.name_id = text_content(name_id);
  assertion.name_id_format = attribute(name_id, "Format");
  assertion.name_id_where = where;  // the NameID itself lives in the decrypted plaintext
}

}  // namespace saml
