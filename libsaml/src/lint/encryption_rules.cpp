// SIG017, SIG018, SUB007, AWS027: the encrypted-assertion rules (saml::check_encryption),
// one registered rule each. They do not apply to a plaintext assertion.
#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "lint/lint_rules.h"
#include "saml/checks.h"
#include "saml/xmlenc.h"

namespace saml::lint {
namespace {

// Runs check_encryption and keeps the findings of one rule. The decrypted Assertion is
// passed only when a trusted signature covers it (verdict.assertion).
Outcome encryption_rule(std::string_view rule_id, const Context& context, std::vector<Finding>& findings) {
  const Verdict& verdict = context.verdict;
  if (!verdict.encryption || !verdict.response) return Outcome::NotApplicable;
  std::vector<Finding> all;
  check_encryption(*verdict.encryption, *verdict.response,
                   verdict.assertion ? &*verdict.assertion : nullptr, all);
  std::copy_if(all.begin(), all.end(), std::back_inserter(findings),
               [rule_id](const Finding& finding) { return finding.rule_id == rule_id; });
  return Outcome::Checked;
}

}  // namespace

Outcome check_rsa15_transport(const Context& context, std::vector<Finding>& findings) {
  return encryption_rule("SIG017", context, findings);
}

Outcome check_cbc_encryption(const Context& context, std::vector<Finding>& findings) {
  return encryption_rule("SIG018", context, findings);
}

Outcome check_provider_acs_url(const Context& context, std::vector<Finding>& findings) {
  return encryption_rule("SUB007", context, findings);
}

Outcome check_identity_center_encryption(const Context& context, std::vector<Finding>& findings) {
  return encryption_rule("AWS027", context, findings);
}

}  // namespace saml::lint
