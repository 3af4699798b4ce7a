// AWS016..AWS022: session tags (PrincipalTag:<key>) and TransitiveTagKeys, read from the
// verified assertion's attributes so each finding points at its attribute.
#include <algorithm>
#include <cstddef>
#include <map>
#include <string>

#include "aws/quote.h"
#include "lint/lint_rules.h"
#include "saml/aws.h"

namespace saml::lint {
namespace {

constexpr std::size_t kMaxTags = 50;
constexpr std::size_t kMaxKeyLength = 128;
constexpr std::size_t kMaxValueLength = 256;
constexpr std::string_view kReservedPrefix = "aws:";

struct Tag {
  std::string key;
  const Attribute* attribute;
};

std::vector<Tag> tags_of(const Assertion& assertion) {
  std::vector<Tag> tags;
  for (const Attribute& attribute : assertion.attributes) {
    const std::string_view name = attribute.name;
    if (name.substr(0, aws_attr::principal_tag_prefix.size()) != aws_attr::principal_tag_prefix) {
      continue;
    }
    tags.push_back(Tag{std::string(name.substr(aws_attr::principal_tag_prefix.size())), &attribute});
  }
  return tags;
}

// Calls `check` with the tags; NotApplicable without a verified assertion or without tags.
template <class Check>
Outcome with_tags(const Context& context, Check&& check) {
  if (!context.verdict.assertion) return Outcome::NotApplicable;
  const std::vector<Tag> tags = tags_of(*context.verdict.assertion);
  if (tags.empty()) return Outcome::NotApplicable;
  check(tags);
  return Outcome::Checked;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Letters, digits, spaces and _ . : / = + - @. Bytes of UTF-8 sequences are accepted
// unclassified (AWS allows Unicode letters; classifying them needs Unicode tables).
bool is_tag_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || std::string_view(" _.:/=+-@").find(c) != std::string_view::npos;
}

// Length in characters: UTF-8 continuation bytes are not counted.
std::size_t char_count(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Empty when valid; otherwise what is wrong.
std::string tag_text_problem(std::string_view text, std::size_t min, std::size_t max) {
  const std::size_t length = char_count(text);
  if (length < min || length > max) {
    return "has length " + std::to_string(length) + "; expected " + std::to_string(min) + " to " +
           std::to_string(max) + " characters";
  }
  const auto bad = std::find_if_not(text.begin(), text.end(), is_tag_char);
  if (bad == text.end()) return {};
  return "has a character outside letters, digits, spaces and _ . : / = + - @ at byte " +
         std::to_string(bad - text.begin() + 1);
}

bool has_reserved_prefix(std::string_view text) {
  return ascii_lower(text.substr(0, kReservedPrefix.size())) == kReservedPrefix;
}

}  // namespace

Outcome check_tag_values_count(const Context& context, std::vector<Finding>& findings) {
  return with_tags(context, [&](const std::vector<Tag>& tags) {
    for (const Tag& tag : tags) {
      if (tag.attribute->values.size() == 1) continue;
      findings.push_back(make_finding("AWS016",
                                      "PrincipalTag:" + tag.key + " has " +
                                          std::to_string(tag.attribute->values.size()) +
                                          " values; a session tag takes exactly one",
                                      tag.attribute->where));
    }
  });
}

Outcome check_tag_count(const Context& context, std::vector<Finding>& findings) {
  return with_tags(context, [&](const std::vector<Tag>& tags) {
    if (tags.size() <= kMaxTags) return;
    findings.push_back(make_finding("AWS017",
                                    std::to_string(tags.size()) +
                                        " PrincipalTag attributes; AssumeRoleWithSAML accepts 50",
                                    tags[kMaxTags].attribute->where));
  });
}

Outcome check_tag_keys(const Context& context, std::vector<Finding>& findings) {
  return with_tags(context, [&](const std::vector<Tag>& tags) {
    for (const Tag& tag : tags) {
      const std::string problem = tag_text_problem(tag.key, 1, kMaxKeyLength);
      if (problem.empty()) continue;
      findings.push_back(make_finding(
          "AWS018", "tag key " + detail::quote_value(tag.key) + " " + problem, tag.attribute->where));
    }
  });
}

Outcome check_tag_values(const Context& context, std::vector<Finding>& findings) {
  return with_tags(context, [&](const std::vector<Tag>& tags) {
    for (const Tag& tag : tags) {
      const Attribute& attribute = *tag.attribute;
      for (std::size_t i = 0; i < attribute.values.size(); ++i) {
        const std::string problem = tag_text_problem(attribute.values[i], 0, kMaxValueLength);
        if (problem.empty()) continue;
        findings.push_back(make_finding(
            "AWS019",
            "PrincipalTag:" + tag.key + " value " + detail::quote_value(attribute.values[i]) + " " +
                problem,
            i < attribute.value_locations.size() ? attribute.value_locations[i] : attribute.where));
      }
    }
  });
}

Outcome check_tag_aws_prefix(const Context& context, std::vector<Finding>& findings) {
  return with_tags(context, [&](const std::vector<Tag>& tags) {
    for (const Tag& tag : tags) {
      if (!has_reserved_prefix(tag.key)) continue;
      findings.push_back(make_finding("AWS020",
                                      "tag key " + detail::quote_value(tag.key) +
                                          " starts with the reserved prefix aws:",
                                      tag.attribute->where));
    }
  });
}

Outcome check_tag_duplicate_keys(const Context& context, std::vector<Finding>& findings) {
  return with_tags(context, [&](const std::vector<Tag>& tags) {
    std::map<std::string, std::string> first_spelling;
    for (const Tag& tag : tags) {
      const auto [it, inserted] = first_spelling.emplace(ascii_lower(tag.key), tag.key);
      if (inserted) continue;
      findings.push_back(make_finding("AWS021",
                                      "tag key " + detail::quote_value(tag.key) + " repeats " +
                                          detail::quote_value(it->second) +
                                          " (tag keys are case-insensitive)",
                                      tag.attribute->where));
    }
  });
}

Outcome check_transitive_tag_keys(const Context& context, std::vector<Finding>& findings) {
  const auto& assertion = context.verdict.assertion;
  if (!assertion) return Outcome::NotApplicable;
  const Attribute* transitive = assertion->find_attribute(aws_attr::transitive_tag_keys);
  if (transitive == nullptr) return Outcome::NotApplicable;
  std::vector<std::string> keys;
  for (const Tag& tag : tags_of(*assertion)) keys.push_back(ascii_lower(tag.key));
  for (const std::string& key : transitive->values) {
    if (std::find(keys.begin(), keys.end(), ascii_lower(key)) != keys.end()) continue;
    findings.push_back(make_finding("AWS022",
                                    "TransitiveTagKeys names " + detail::quote_value(key) +
                                        ", which no PrincipalTag attribute sets",
                                    transitive->where));
  }
  return Outcome::Checked;
}

}  // namespace saml::lint
