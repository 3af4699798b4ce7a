// HYG005 (NameID format AWS lists) and AWS025 (Identity Center NameID is an e-mail address).
#include <algorithm>
#include <array>
#include <string>

#include "aws/quote.h"
#include "lint/lint_rules.h"

namespace saml::lint {
namespace {

constexpr std::array<std::string_view, 4> kAwsNameIdFormats = {
    "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
    "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
    "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
};

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
  // The same short name under another URI ("...:SAML:2.0:nameid-format:unspecified") gets
  // the URI AWS documents for it; any other format the whole list.
  const std::string_view short_name = std::string_view(format).substr(format.rfind(':') + 1);
  std::string documented;
  for (const std::string_view uri : kAwsNameIdFormats) {
    if (uri.substr(uri.rfind(':') + 1) == short_name) {
      documented = "AWS documents " + std::string(short_name) + " as " + std::string(uri);
    }
  }
  if (documented.empty()) {
    for (const std::string_view uri : kAwsNameIdFormats) {
      documented += (documented.empty() ? "AWS documents " : ", ") + std::string(uri);
    }
  }
  findings.push_back(make_finding(
      "HYG005", "NameID Format " + detail::quote_value(format) + " is not one AWS documents (" +
                    documented + ")",
      assertion->name_id_where));
  return Outcome::Checked;
}

Outcome check_identity_center_name_id(const Context& context, std::vector<Finding>& findings) {
  const auto& assertion = context.verdict.assertion;
  if (!assertion || !assertion->has_name_id) return Outcome::NotApplicable;
  if (looks_like_email(assertion->name_id)) return Outcome::Checked;
  findings.push_back(make_finding("AWS025",
                                  "NameID " + detail::quote_value(assertion->name_id) +
                                      " is not an e-mail address",
                                  assertion->name_id_where));
  return Outcome::Checked;
}

}  // namespace saml::lint
