// HYG005 (NameID format AWS lists) and AWS025 (Identity Center NameID is an e-mail address).
#include <algorithm>
#include <array>
#include <string>

#include "aws/quote.h"
#include "lint/lint_rules.h"
#include "util/email_address.h"

namespace saml::lint {
namespace {

constexpr std::array<std::string_view, 4> kAwsNameIdFormats = {
    "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
    "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
    "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
};

}  // namespace

Outcome check_name_id_format(const Context& context, std::vector<Finding>& findings) {
  const auto& assertion = context.verdict.assertion;
  if (!assertion || !assertion->has_name_id) return Outcome::NotApplicable;
  const std::string& format = assertion->name_id_format;
  if (format.empty() ||
      std::find(kAwsNameIdFormats.begin(), kAwsNameIdFormats.end(), format) !=
          kAwsNameIdFormats.end()) {
    return Outcome::Checked;
  }
  findings.push_back(make_finding(
      "HYG005", "NameID Format " + detail::quote_value(format) +
                    " is not one AWS lists (persistent, transient, emailAddress, unspecified)",
      assertion->name_id_where));
  return Outcome::Checked;
}

Outcome check_identity_center_name_id(const Context& context, std::vector<Finding>& findings) {
  const auto& assertion = context.verdict.assertion;
  if (!assertion || !assertion->has_name_id) return Outcome::NotApplicable;
  if (util::looks_like_email(assertion->name_id)) return Outcome::Checked;
  findings.push_back(make_finding("AWS025",
                                  "NameID " + detail::quote_value(assertion->name_id) +
                                      " is not an e-mail address",
                                  assertion->name_id_where));
  return Outcome::Checked;
}

}  // namespace saml::lint
