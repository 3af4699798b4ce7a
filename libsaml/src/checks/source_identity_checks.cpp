// AWS023 (SourceIdentity: one value, 2-64 of [A-Za-z0-9_+=,.@-]) and AWS024 (aws: prefix).
#include <algorithm>
#include <string>

#include "aws/attribute_values.h"
#include "aws/iam_chars.h"
#include "aws/quote.h"
#include "checks/rule_checks.h"
#include "saml/aws.h"

namespace saml {
namespace {

constexpr std::size_t kMinLength = 2;
constexpr std::size_t kMaxLength = 64;

detail::AttributeValues source_identity_of(const CheckContext& context) {
  if (context.assertion == nullptr) return {};
  return detail::collect_attribute_values(*context.assertion, aws_attr::source_identity);
}

}  // namespace

Outcome check_source_identity(const CheckContext& context, RuleReport& report) {
  const detail::AttributeValues source = source_identity_of(context);
  if (!source.present) return Outcome::NotApplicable;
  if (source.values.size() != 1) {
    report.add("SourceIdentity has " + std::to_string(source.values.size()) +
                   " values (over every SourceIdentity attribute); exactly one expected",
               *source.where);
    return Outcome::Checked;
  }
  const std::string_view value = source.values.front().text;
  const Location& where = *source.values.front().where;
  if (value.size() < kMinLength || value.size() > kMaxLength) {
    report.add("SourceIdentity " + detail::quote_value(value) + " has length " +
                   std::to_string(value.size()) + "; expected 2 to 64",
               where);
  } else if (!std::all_of(value.begin(), value.end(), [](char c) { return detail::kIamNameChars.contains(c); })) {
    report.add("SourceIdentity " + detail::quote_value(value) +
                   " has a character outside " + std::string(detail::kIamNamePattern),
               where);
  }
  return Outcome::Checked;
}

Outcome check_source_identity_prefix(const CheckContext& context, RuleReport& report) {
  const detail::AttributeValues source = source_identity_of(context);
  if (source.values.empty()) return Outcome::NotApplicable;
  for (const detail::AttributeValue& value : source.values) {
    std::string prefix(value.text.substr(0, 4));
    for (char& c : prefix) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (prefix != "aws:") continue;
    report.add("SourceIdentity " + detail::quote_value(value.text) + " starts with the reserved prefix aws:",
               *value.where);
  }
  return Outcome::Checked;
}

}  // namespace saml
