// HYG005: the NameID format is one AWS lists.
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

}  // namespace

Outcome check_name_id_format(const CheckContext& context, RuleReport& report) {
  const auto& assertion = context.assertion;
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
  report.add("NameID Format " + detail::quote_value(format) + " is not one AWS documents (" +
                 documented + ")",
             assertion->name_id_where);
  return Outcome::Checked;
}

}  // namespace saml::lint
