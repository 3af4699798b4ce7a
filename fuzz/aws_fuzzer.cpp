// aws: the IAM ARN grammar, Role values and the AWS view of an assertion's attributes.
// The whole input is tried as an ARN and as a Role value; then each line becomes an
// attribute (first byte picks the AWS attribute name, values separated by tabs) of an
// assertion passed to read_aws_view.
// Invariants:
//   - a parsed ARN prints back exactly as the input, has a known partition and a 12-digit
//     account, and parsing the printed form gives the same fields;
//   - a parsed Role value is one role and one saml-provider whose texts, joined by a comma
//     in the order written, are the value (after trimming when trimmed is set);
//   - read_aws_view reports only AWS rules; its roles are exactly the Role values that
//     parse; a RoleSessionName or SessionDuration it reports is the single value sent;
//   - read_aws_view is deterministic.
#include <array>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "saml/aws.h"

namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string_view without_leading_zeros(std::string_view digits) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  return digits;
}

bool same_arn(const saml::Arn& a, const saml::Arn& b) {
  return a.partition == b.partition && a.account == b.account && a.kind == b.kind && a.path == b.path &&
         a.name == b.name;
}

void check_arn(std::string_view text) {
  auto arn = saml::parse_iam_arn(text);
  if (!arn) {
    FUZZ_CHECK(!arn.error().message.empty(), "an ARN error without a message");
    return;
  }
  const std::string printed = arn->to_string();
  FUZZ_CHECK(printed == text, "ARN printed back as " + printed);
  FUZZ_CHECK(arn->partition == "aws" || arn->partition == "aws-us-gov" || arn->partition == "aws-cn",
             "unknown partition " + arn->partition);
  FUZZ_CHECK(arn->account.size() == 12 &&
                 arn->account.find_first_not_of("0123456789") == std::string::npos,
             "account " + arn->account + " is not 12 digits");
  FUZZ_CHECK(!arn->name.empty(), "an ARN without a name");
  FUZZ_CHECK(arn->kind == saml::ArnKind::Role || arn->path == "/", "a saml-provider with a path");
  auto again = saml::parse_iam_arn(printed);
  FUZZ_CHECK(again && same_arn(*arn, *again), "the printed ARN does not parse to the same fields");
}

void check_role_value(std::string_view value) {
  auto pair = saml::parse_role_value(value);
  if (!pair) return;
  FUZZ_CHECK(pair->role.kind == saml::ArnKind::Role && pair->provider.kind == saml::ArnKind::SamlProvider,
             "a Role value is not one role and one saml-provider");
  FUZZ_CHECK(pair->raw == value, "the Role value's raw text is not the value");
  const std::string role = pair->role.to_string();
  const std::string provider = pair->provider.to_string();
  const std::string joined = pair->provider_first ? provider + "," + role : role + "," + provider;
  if (pair->trimmed) {
    const std::string_view first = pair->provider_first ? provider : role;
    const std::string_view second = pair->provider_first ? role : provider;
    const std::size_t comma = value.find(',');
    FUZZ_CHECK(comma != std::string_view::npos && trim(value.substr(0, comma)) == first &&
                   trim(value.substr(comma + 1)) == second && value != joined,
               "a trimmed Role value is not its ARNs with whitespace around them");
  } else {
    FUZZ_CHECK(value == joined, "the Role value is not \"" + joined + "\"");
  }
}

constexpr std::array<std::string_view, 6> kNames = {
    saml::aws_attr::role, saml::aws_attr::role_session_name, saml::aws_attr::session_duration,
    saml::aws_attr::principal_tag_prefix, saml::aws_attr::transitive_tag_keys, saml::aws_attr::source_identity,
};

saml::Assertion assertion_from_lines(std::string_view text) {
  saml::Assertion assertion;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    if (line.empty()) continue;
    saml::Attribute attribute;
    attribute.name = std::string(kNames[static_cast<unsigned char>(line.front()) % kNames.size()]);
    line.remove_prefix(1);
    std::size_t tab = line.find('\t');
    if (attribute.name == saml::aws_attr::principal_tag_prefix) {  // the tag key comes first
      attribute.name += std::string(line.substr(0, tab));
      line = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
      tab = line.find('\t');
    }
    while (!line.empty() || tab != std::string_view::npos) {
      attribute.values.emplace_back(line.substr(0, tab));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
      tab = line.find('\t');
    }
    assertion.attributes.push_back(std::move(attribute));
  }
  return assertion;
}

std::vector<std::string> values_of(const saml::Assertion& assertion, std::string_view name) {
  std::vector<std::string> values;
  for (const saml::Attribute& attribute : assertion.attributes) {
    if (attribute.name == name) values.insert(values.end(), attribute.values.begin(), attribute.values.end());
  }
  return values;
}

void check_aws_view(const saml::Assertion& assertion) {
  std::vector<saml::Finding> findings;
  const saml::AwsView view = saml::read_aws_view(assertion, findings);
  for (const saml::Finding& finding : findings) {
    FUZZ_CHECK(finding.rule_id.size() == 6 && finding.rule_id.compare(0, 3, "AWS") == 0,
               "read_aws_view reported " + finding.rule_id);
  }
  std::vector<std::string> parsed_roles;
  for (const std::string& value : values_of(assertion, saml::aws_attr::role)) {
    if (saml::parse_role_value(value)) parsed_roles.push_back(value);
  }
  FUZZ_CHECK(view.roles.size() == parsed_roles.size(), "the view's roles are not the Role values that parse");
  for (std::size_t i = 0; i < view.roles.size(); ++i) {
    FUZZ_CHECK(view.roles[i].raw == parsed_roles[i], "role " + std::to_string(i) + " is not the value sent");
  }
  const std::vector<std::string> names = values_of(assertion, saml::aws_attr::role_session_name);
  if (view.role_session_name) {
    FUZZ_CHECK(names.size() == 1 && names.front() == *view.role_session_name,
               "RoleSessionName is not the single value sent");
  }
  const std::vector<std::string> durations = values_of(assertion, saml::aws_attr::session_duration);
  if (view.session_duration) {
    FUZZ_CHECK(durations.size() == 1 && std::to_string(*view.session_duration) == without_leading_zeros(durations.front()),
               "SessionDuration is not the single number sent");
  }
  std::vector<saml::Finding> again;
  const saml::AwsView second = saml::read_aws_view(assertion, again);
  FUZZ_CHECK(again.size() == findings.size() && second.roles.size() == view.roles.size(),
             "read_aws_view is not deterministic");
  for (std::size_t i = 0; i < again.size(); ++i) {
    FUZZ_CHECK(again[i].rule_id == findings[i].rule_id && again[i].message == findings[i].message,
               "read_aws_view is not deterministic");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!fuzz::input_fits(size)) return -1;
  const std::string_view text = fuzz::as_text(data, size);
  check_arn(text);
  check_role_value(text);
  check_aws_view(assertion_from_lines(text));
  return 0;
}
