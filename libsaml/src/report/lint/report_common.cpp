#include "report/lint/report_common.h"

namespace saml::lint {

void Totals::add(const LintEntry& entry, const LintConfig& config) {
  if (!entry.result) {
    ++unreadable;
    return;
  }
  ++messages;
  for (const Finding& finding : entry.result->findings) {
    switch (finding.severity) {
      case Severity::Error: ++errors; break;
      case Severity::Warning: ++warnings; break;
      case Severity::Info: ++infos; break;
    }
  }
  if (lint_fails(config, *entry.result)) ++failing;
}

std::string source_label(const LintEntry& entry) {
  std::string label = entry.source_line > 0 ? entry.source + ":" + std::to_string(entry.source_line)
                                            : entry.source;
  if (entry.messages > 1) {
    label += ", message " + std::to_string(entry.message) + " of " + std::to_string(entry.messages);
  }
  return label;
}

std::string profiles_text(const Rule& rule) {
  std::string text;
  for (Profile profile : kAllProfiles) {
    if (!rule_in_profile(rule, profile)) continue;
    text += (text.empty() ? "" : ", ") + std::string(profile_name(profile));
  }
  return text;
}

std::vector<const Rule*> enabled_rules(const LintConfig& config) {
  std::vector<const Rule*> rules;
  for (const Rule& rule : all_rules()) {
    if (config.is_enabled(rule.id)) rules.push_back(&rule);
  }
  return rules;
}

}  // namespace saml::lint
