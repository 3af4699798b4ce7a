// DRF001..DRF011: a message's baseline (signed values only) against --baseline. Each
// difference is a finding naming the baseline's value and the new one.
#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <string>

#include "lint/lint_rules.h"

namespace saml::lint {
namespace {

struct Pair {
  const Baseline& expected;
  const Baseline& observed;
};

// Both baselines, or nullopt when there is no --baseline or nothing verified to compare.
std::optional<Pair> baselines(const CheckContext& context) {
  if (context.lint == nullptr || !context.lint->baseline || context.observed == nullptr) {
    return std::nullopt;
  }
  return Pair{*context.lint->baseline, *context.observed};
}

Location where_of(const CheckContext& context) {
  return context.assertion ? context.assertion->where : Location{};
}

std::string joined(const std::vector<std::string>& values) {
  if (values.empty()) return "(none)";
  std::string text;
  for (const std::string& value : values) text += (text.empty() ? "" : ", ") + value;
  return text;
}

std::string text_or(const std::optional<std::string>& value, const char* absent) {
  if (!value) return absent;
  return value->empty() ? "(empty)" : *value;
}

// What was added and removed between two sorted sets: "added X; removed Y".
std::string set_difference_text(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::back_inserter(added));
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(removed));
  std::string text;
  if (!added.empty()) text += "added " + joined(added);
  if (!removed.empty()) text += (text.empty() ? "removed " : "; removed ") + joined(removed);
  return text;
}

// One text per signature of the baseline, sorted, each once.
template <class Describe>
std::vector<std::string> per_signature(const Baseline& baseline, Describe describe) {
  std::vector<std::string> texts;
  for (const BaselineSignature& s : baseline.signatures) texts.push_back(describe(s));
  std::sort(texts.begin(), texts.end());
  texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
  return texts;
}

std::vector<std::string> certificates(const Baseline& baseline) {
  return per_signature(baseline, [](const BaselineSignature& s) {
    return s.certificate_sha256 + (s.certificate_subject.empty() ? "" : " (" + s.certificate_subject + ")");
  });
}

std::vector<std::string> signed_elements(const Baseline& baseline) {
  return per_signature(baseline, [](const BaselineSignature& s) { return s.element; });
}

// "<what> changed: baseline <before>, now <after>" when the two texts differ.
void report_change(const CheckContext& context, const std::string& what,
                   const std::string& before, const std::string& after, RuleReport& report) {
  if (before == after) return;
  report.add(what + " changed: baseline " + before + ", now " + after, where_of(context));
}

// The hash strength an algorithm URI names (sha1 < sha224 < sha256 < sha384 < sha512); 0 unknown.
int hash_strength(std::string_view uri) {
  constexpr std::array<std::pair<std::string_view, int>, 5> kHashes = {
      {{"sha512", 512}, {"sha384", 384}, {"sha256", 256}, {"sha224", 224}, {"sha1", 160}}};
  for (const auto& [name, strength] : kHashes) {
    if (uri.find(name) != std::string_view::npos) return strength;
  }
  return 0;
}

// Calls visit(kind, element, before, after) for each algorithm that differs on an element
// signed in both baselines.
template <class Visitor>
void for_each_algorithm_change(const Pair& pair, Visitor&& visit) {
  for (const BaselineSignature& before : pair.expected.signatures) {
    for (const BaselineSignature& after : pair.observed.signatures) {
      if (before.element != after.element) continue;
      if (before.signature_method != after.signature_method) {
        visit("signature method", before.element, before.signature_method, after.signature_method);
      }
      if (before.digest_method != after.digest_method) {
        visit("digest method", before.element, before.digest_method, after.digest_method);
      }
    }
  }
}

void check_algorithms(const CheckContext& context, const Pair& pair, bool weaker, RuleReport& report) {
  for_each_algorithm_change(pair, [&](const char* kind, const std::string& element,
                                      const std::string& before, const std::string& after) {
    if ((hash_strength(after) < hash_strength(before)) != weaker) return;
    report.add(std::string(kind) + " on the " + element + (weaker ? " weakened" : " changed") +
                                        ": baseline " + before + ", now " + after,
                                    where_of(context));
  });
}

void compare_lifetime(const CheckContext& context, const char* what, const std::optional<long long>& before,
                      const std::optional<long long>& after, const char* unit, RuleReport& report) {
  const auto text = [unit](const std::optional<long long>& value) {
    return value ? std::to_string(*value) + unit : std::string("(absent)");
  };
  report_change(context, what, text(before), text(after), report);
}

// "<what> changed: added X; removed Y" when two sorted sets differ.
void report_set_change(const CheckContext& context, const std::string& what,
                       const std::vector<std::string>& before, const std::vector<std::string>& after,
                       RuleReport& report) {
  if (before == after) return;
  report.add(what + " changed: " + set_difference_text(before, after),
                                  where_of(context));
}

std::optional<long long> widen(const std::optional<long>& value) {
  return value ? std::optional<long long>(*value) : std::nullopt;
}

}  // namespace

Outcome check_baseline_compared(const CheckContext& context, RuleReport& report) {
  if (context.lint == nullptr || !context.lint->baseline) return Outcome::NotApplicable;
  if (context.observed != nullptr) return Outcome::Checked;
  report.add("no trusted signature covers the assertion, so nothing was compared with the baseline "
                "(issuer \"" + context.lint->baseline->issuer + "\")");
  return Outcome::Checked;
}

Outcome check_baseline_issuer(const CheckContext& context, RuleReport& report) {
  const auto pair = baselines(context);
  if (!pair) return Outcome::NotApplicable;
  report_change(context, "Issuer", "\"" + pair->expected.issuer + "\"",
                "\"" + pair->observed.issuer + "\"", report);
  return Outcome::Checked;
}

Outcome check_baseline_certificates(const CheckContext& context, RuleReport& report) {
  const auto pair = baselines(context);
  if (!pair) return Outcome::NotApplicable;
  const auto before = certificates(pair->expected);
  const auto after = certificates(pair->observed);
  if (before != after) report_change(context, "signing certificate", joined(before), joined(after), report);
  return Outcome::Checked;
}

Outcome check_baseline_algorithm_weaker(const CheckContext& context, RuleReport& report) {
  const auto pair = baselines(context);
  if (!pair) return Outcome::NotApplicable;
  check_algorithms(context, *pair, true, report);
  return Outcome::Checked;
}

Outcome check_baseline_algorithm_changed(const CheckContext& context, RuleReport& report) {
  const auto pair = baselines(context);
  if (!pair) return Outcome::NotApplicable;
  check_algorithms(context, *pair, false, report);
  return Outcome::Checked;
}

Outcome check_baseline_signed_elements(const CheckContext& context, RuleReport& report) {
  const auto pair = baselines(context);
  if (!pair) return Outcome::NotApplicable;
  const auto before = signed_elements(pair->expected);
  const auto after = signed_elements(pair->observed);
  if (before != after) report_change(context, "signed elements", joined(before), joined(after), report);
  return Outcome::Checked;
}

Outcome check_baseline_roles(const CheckContext& context, RuleReport& report) {
  const auto pair = baselines(context);
  if (!pair) return Outcome::NotApplicable;
  report_set_change(context, "Role set", pair->expected.roles, pair->observed.roles, report);
  return Outcome::Checked;
}

Outcome check_baseline_attributes(const CheckContext& context, RuleReport& report) {
  const auto pair = baselines(context);
  if (!pair) return Outcome::NotApplicable;
  report_set_change(context, "attributes", pair->expected.attributes, pair->observed.attributes,
                    report);
  return Outcome::Checked;
}

Outcome check_baseline_name_id_format(const CheckContext& context, RuleReport& report) {
  const auto pair = baselines(context);
  if (!pair) return Outcome::NotApplicable;
  if (pair->expected.name_id_format != pair->observed.name_id_format) {
    report_change(context, "NameID format", text_or(pair->expected.name_id_format, "(no NameID)"),
                  text_or(pair->observed.name_id_format, "(no NameID)"), report);
  }
  return Outcome::Checked;
}

Outcome check_baseline_lifetimes(const CheckContext& context, RuleReport& report) {
  const auto pair = baselines(context);
  if (!pair) return Outcome::NotApplicable;
  const Baseline& before = pair->expected;
  const Baseline& after = pair->observed;
  compare_lifetime(context, "assertion lifetime (Conditions NotOnOrAfter after IssueInstant)",
                   before.assertion_lifetime_minutes, after.assertion_lifetime_minutes, " min", report);
  compare_lifetime(context, "bearer confirmation lifetime (NotOnOrAfter after IssueInstant)",
                   before.confirmation_lifetime_minutes, after.confirmation_lifetime_minutes, " min", report);
  compare_lifetime(context, "IdP session lifetime (SessionNotOnOrAfter after AuthnInstant)",
                   before.session_lifetime_minutes, after.session_lifetime_minutes, " min", report);
  compare_lifetime(context, "SessionDuration", widen(before.session_duration_seconds),
                   widen(after.session_duration_seconds), " s", report);
  return Outcome::Checked;
}

Outcome check_baseline_session_name(const CheckContext& context, RuleReport& report) {
  const auto pair = baselines(context);
  if (!pair) return Outcome::NotApplicable;
  if (pair->expected.session_name_source != pair->observed.session_name_source) {
    report_change(context, "RoleSessionName source",
                  text_or(pair->expected.session_name_source, "(no RoleSessionName)"),
                  text_or(pair->observed.session_name_source, "(no RoleSessionName)"), report);
  }
  return Outcome::Checked;
}

}  // namespace saml::lint
