// Okta's AWS app "Use Group Mapping": every group of the user that the Group Filter matches
// becomes one Role value, the Role Value Pattern with ${accountid} and ${role} replaced by the
// filter's named groups. Okta's filters are Java regular expressions; PCRE2 is far closer to
// java.util.regex than std::regex (possessive quantifiers, \h, inline flags, named groups).
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "saml/iam.h"

namespace saml::iam {
namespace {

constexpr std::string_view kAccountId = "accountid";
constexpr std::string_view kRole = "role";

struct CodeFree {
  void operator()(pcre2_code* code) const { pcre2_code_free(code); }
};
struct MatchFree {
  void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};
using Code = std::unique_ptr<pcre2_code, CodeFree>;
using MatchData = std::unique_ptr<pcre2_match_data, MatchFree>;

// Okta writes a named group as (?{{name}}...); Java and PCRE2 as (?<name>...).
std::string translate_filter(std::string_view okta) {
  std::string out;
  std::size_t i = 0;
  while (i < okta.size()) {
    const std::size_t open = okta.find("(?{{", i);
    if (open == std::string_view::npos) break;
    const std::size_t close = okta.find("}}", open + 4);
    if (close == std::string_view::npos) break;
    out.append(okta.substr(i, open - i));
    out += "(?<";
    out.append(okta.substr(open + 4, close - open - 4));
    out += ">";
    i = close + 2;
  }
  out.append(okta.substr(std::min(i, okta.size())));
  return out;
}

Expected<Code> compile(const std::string& pattern, std::string_view as_written) {
  int error = 0;
  PCRE2_SIZE offset = 0;
  Code code(pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), PCRE2_UTF,
                          &error, &offset, nullptr));
  if (!code) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error, message, sizeof message);
    return Error{ErrorKind::Config, ErrorCode::OktaFilter,
                 "--okta-group-filter " + std::string(as_written) + ": " +
                     reinterpret_cast<const char*>(message) + " (at character " +
                     std::to_string(offset + 1) + " of the translated pattern)",
                 {}};
  }
  return code;
}

bool has_group(const pcre2_code* code, std::string_view name) {
  const std::string n(name);
  return pcre2_substring_number_from_name(code, reinterpret_cast<PCRE2_SPTR>(n.c_str())) > 0;
}

std::optional<std::string> captured(pcre2_match_data* data, std::string_view name) {
  const std::string n(name);
  PCRE2_UCHAR* text = nullptr;
  PCRE2_SIZE length = 0;
  if (pcre2_substring_get_byname(data, reinterpret_cast<PCRE2_SPTR>(n.c_str()), &text, &length) != 0) {
    return std::nullopt;
  }
  std::string out(reinterpret_cast<const char*>(text), length);
  pcre2_substring_free(text);
  return out;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::string pair_key(const RolePair& pair) {
  return pair.role.to_string() + "," + pair.provider.to_string();
}

}  // namespace

std::string okta_default_group_filter() {
  return R"(^aws\#\S+\#(?{{role}}[\w\-]+)\#(?{{accountid}}\d+)$)";
}

std::string okta_default_role_pattern(std::string_view provider_name) {
  return "arn:aws:iam::${accountid}:saml-provider/" + std::string(provider_name) +
         ",arn:aws:iam::${accountid}:role/${role}";
}

std::vector<std::string> read_group_list(std::string_view text) {
  std::vector<std::string> groups;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) groups.emplace_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return groups;
}

Expected<OktaResult> resolve_okta(const OktaConfig& config, const AwsView* aws) {
  auto code = compile(translate_filter(config.group_filter), config.group_filter);
  if (!code) return code.error();
  OktaResult result;
  for (std::string_view name : {kRole, kAccountId}) {
    if (!has_group(code->get(), name)) {
      result.config_problems.push_back(
          {"filter-captures", "the Group Filter has no (?{{" + std::string(name) + "}}...) group"});
    }
  }
  for (std::string_view variable : {"${accountid}", "${role}"}) {
    if (config.role_pattern.find(variable) == std::string::npos) {
      result.config_problems.push_back(
          {"pattern-variables", "the Role Value Pattern does not use " + std::string(variable)});
    }
  }
  MatchData data(pcre2_match_data_create_from_pattern(code->get(), nullptr));
  std::set<std::string> providers;
  std::set<std::string> expected_pairs;
  for (const std::string& group : config.groups) {
    const int matched = pcre2_match(code->get(), reinterpret_cast<PCRE2_SPTR>(group.data()), group.size(),
                                    0, 0, data.get(), nullptr);
    if (matched < 0) {
      result.dropped_groups.push_back({group, "no-match"});
      continue;
    }
    const auto account = captured(data.get(), kAccountId);
    const auto role = captured(data.get(), kRole);
    if (!account || !role) {
      result.dropped_groups.push_back({group, "capture-missing"});
      continue;
    }
    const std::string value =
        replace_all(replace_all(config.role_pattern, "${accountid}", *account), "${role}", *role);
    auto pair = parse_role_value(value);
    if (!pair) {
      result.dropped_groups.push_back({group, "invalid-role-value"});
      result.config_problems.push_back({"invalid-role-value", "group " + group + " gives " + value +
                                                                  ", not a Role pair: " +
                                                                  pair.error().message});
      continue;
    }
    providers.insert(pair->provider.name);
    if (expected_pairs.insert(pair_key(*pair)).second) result.expected_roles.push_back(value);
  }
  if (providers.size() > 1) {
    std::string names;
    for (const std::string& name : providers) names += (names.empty() ? "" : ", ") + name;
    result.config_problems.push_back(
        {"provider-names", "the Role values name " + std::to_string(providers.size()) +
                               " SAML provider names (" + names +
                               "): every account needs the same provider name for one Okta app"});
  }
  return aws ? compare_okta(std::move(result), *aws) : result;
}

OktaResult compare_okta(OktaResult mapping, const AwsView& aws) {
  // Each expected value parsed once: its pair's key, in the order of expected_roles.
  std::vector<std::pair<std::string, const std::string*>> expected;
  std::set<std::string> expected_keys;
  for (const std::string& value : mapping.expected_roles) {
    if (auto pair = parse_role_value(value)) {
      expected.emplace_back(pair_key(*pair), &value);
      expected_keys.insert(expected.back().first);
    }
  }
  std::set<std::string> sent;
  for (const RolePair& pair : aws.roles) {
    const std::string key = pair_key(pair);
    if (!expected_keys.count(key)) mapping.unexpected.push_back(pair.raw);
    sent.insert(key);
  }
  for (const auto& [key, value] : expected) {
    if (!sent.count(key)) mapping.missing.push_back(*value);
  }
  return mapping;
}

}  // namespace saml::iam
