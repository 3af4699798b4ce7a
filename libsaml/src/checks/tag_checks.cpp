// AWS016..AWS022: session tags (PrincipalTag:<key>) and TransitiveTagKeys, read from every
// attribute of the verified assertion so each finding points at its attribute or value.
#include <algorithm>
#include <cstddef>
#include <map>
#include <string>

#include "aws/attribute_values.h"
#include "aws/quote.h"
#include "checks/rule_checks.h"
#include "saml/aws.h"
#include "util/char_set.h"

namespace saml {
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
Outcome with_tags(const CheckContext& context, Check&& check) {
  if (!context.assertion) return Outcome::NotApplicable;
  const std::vector<Tag> tags = tags_of(*context.assertion);
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
constexpr util::CharSet kTagChars = util::CharSet::alnum_and(" _.:/=+-@").with_non_ascii();

bool is_tag_char(char c) { return kTagChars.contains(c); }

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

Outcome check_tag_values_count(const CheckContext& context, RuleReport& report) {
  return with_tags(context, [&](const std::vector<Tag>& tags) {
    for (const Tag& tag : tags) {
      if (tag.attribute->values.size() == 1) continue;
      report.add("PrincipalTag:" + tag.key + " has " +
                                          std::to_string(tag.attribute->values.size()) +
                                          " values; a session tag takes exactly one",
                                      tag.attribute->where);
    }
  });
}

Outcome check_tag_count(const CheckContext& context, RuleReport& report) {
  return with_tags(context, [&](const std::vector<Tag>& tags) {
    if (tags.size() <= kMaxTags) return;
    report.add(std::to_string(tags.size()) +
                                        " PrincipalTag attributes; AssumeRoleWithSAML accepts 50",
                                    tags[kMaxTags].attribute->where);
  });
}

Outcome check_tag_keys(const CheckContext& context, RuleReport& report) {
  return with_tags(context, [&](const std::vector<Tag>& tags) {
    for (const Tag& tag : tags) {
      const std::string problem = tag_text_problem(tag.key, 1, kMaxKeyLength);
      if (problem.empty()) continue;
      report.add("tag key " + detail::quote_value(tag.key) + " " + problem, tag.attribute->where);
    }
  });
}

Outcome check_tag_values(const CheckContext& context, RuleReport& report) {
  return with_tags(context, [&](const std::vector<Tag>& tags) {
    for (const Tag& tag : tags) {
      const Attribute& attribute = *tag.attribute;
      for (std::size_t i = 0; i < attribute.values.size(); ++i) {
        const std::string problem = tag_text_problem(attribute.values[i], 0, kMaxValueLength);
        if (problem.empty()) continue;
        report.add("PrincipalTag:" + tag.key + " value " + detail::quote_value(attribute.values[i]) + " " +
                problem,
            i < attribute.value_locations.size() ? attribute.value_locations[i] : attribute.where);
      }
    }
  });
}

Outcome check_tag_aws_prefix(const CheckContext& context, RuleReport& report) {
  return with_tags(context, [&](const std::vector<Tag>& tags) {
    for (const Tag& tag : tags) {
      if (!has_reserved_prefix(tag.key)) continue;
      report.add("tag key " + detail::quote_value(tag.key) +
                                          " starts with the reserved prefix aws:",
                                      tag.attribute->where);
    }
  });
}

Outcome check_tag_duplicate_keys(const CheckContext& context, RuleReport& report) {
  return with_tags(context, [&](const std::vector<Tag>& tags) {
    std::map<std::string, std::string> first_spelling;
    for (const Tag& tag : tags) {
      const auto [it, inserted] = first_spelling.emplace(ascii_lower(tag.key), tag.key);
      if (inserted) continue;
      report.add("tag key " + detail::quote_value(tag.key) + " repeats " +
                                          detail::quote_value(it->second) +
                                          " (tag keys are case-insensitive)",
                                      tag.attribute->where);
    }
  });
}

Outcome check_transitive_tag_keys(const CheckContext& context, RuleReport& report) {
  if (context.assertion == nullptr) return Outcome::NotApplicable;
  const detail::AttributeValues transitive =
      detail::collect_attribute_values(*context.assertion, aws_attr::transitive_tag_keys);
  if (!transitive.present) return Outcome::NotApplicable;
  std::vector<std::string> keys;
  for (const Tag& tag : tags_of(*context.assertion)) keys.push_back(ascii_lower(tag.key));
  for (const detail::AttributeValue& key : transitive.values) {
    if (std::find(keys.begin(), keys.end(), ascii_lower(key.text)) != keys.end()) continue;
    report.add("TransitiveTagKeys names " + detail::quote_value(key.text) +
                   ", which no PrincipalTag attribute sets",
               *key.where);
  }
  return Outcome::Checked;
}

}  // namespace saml
