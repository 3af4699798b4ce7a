// AWS023 (SourceIdentity: one value, 2-64 of [A-Za-z0-9_+=,.@-]) and AWS024 (aws: prefix).
#include <algorithm>
#include <string>

#include "aws/quote.h"
#include "lint/lint_rules.h"
#include "saml/aws.h"

namespace saml::lint {
namespace {

constexpr std::size_t kMinLength = 2;
constexpr std::size_t kMaxLength = 64;

bool is_source_identity_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         std::string_view("_+=,.@-").find(c) != std::string_view::npos;
}

const Attribute* source_identity_of(const Context& context) {
  const auto& assertion = context.verdict.assertion;
  return assertion ? assertion->find_attribute(aws_attr::source_identity) : nullptr;
}

}  // namespace

Outcome check_source_identity(const Context& context, std::vector<Finding>& findings) {
  const Attribute* attribute = source_identity_of(context);
  if (attribute == nullptr) return Outcome::NotApplicable;
  if (attribute->values.size() != 1) {
    findings.push_back(make_finding("AWS023",
                                    "SourceIdentity has " + std::to_string(attribute->values.size()) +
                                        " values; exactly one expected",
                                    attribute->where));
    return Outcome::Checked;
  }
  const std::string& value = attribute->values.front();
  const Location where =
      attribute->value_locations.empty() ? attribute->where : attribute->value_locations.front();
  if (value.size() < kMinLength || value.size() > kMaxLength) {
    findings.push_back(make_finding("AWS023",
                                    "SourceIdentity " + detail::quote_value(value) + " has length " +
                                        std::to_string(value.size()) + "; expected 2 to 64",
                                    where));
  } else if (!std::all_of(value.begin(), value.end(), is_source_identity_char)) {
    findings.push_back(make_finding("AWS023",
                                    "SourceIdentity " + detail::quote_value(value) +
                                        " has a character outside [A-Za-z0-9_+=,.@-]",
                                    where));
  }
  return Outcome::Checked;
}

Outcome check_source_identity_prefix(const Context& context, std::vector<Finding>& findings) {
  const Attribute* attribute = source_identity_of(context);
  if (attribute == nullptr || attribute->values.empty()) return Outcome::NotApplicable;
  for (const std::string& value : attribute->values) {
    std::string prefix = value.substr(0, 4);
    for (char& c : prefix) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (prefix != "aws:") continue;
    findings.push_back(make_finding("AWS024",
                                    "SourceIdentity " + detail::quote_value(value) +
                                        " starts with the reserved prefix aws:",
                                    attribute->where));
  }
  return Outcome::Checked;
}

}  // namespace saml::lint
