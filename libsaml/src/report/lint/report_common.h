// Shared by the lint reports: names, counts and the text of a source.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "saml/lint.h"

namespace saml::lint {

struct Totals {
  std::size_t messages = 0;
  std::size_t unreadable = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t failing = 0;  // messages with a finding at or above fail_on

  // Counts one more entry (reports count as the entries pass, never holding them).
  void add(const LintEntry& entry, const LintConfig& config);
};

// "file.xml" or "file.txt:12" (--lines).
std::string source_label(const LintEntry& entry);

// The profiles a rule belongs to, comma-separated ("aws, generic").
std::string profiles_text(const Rule& rule);

// The rules that are on (all of the table minus --disable), in table order.
std::vector<const Rule*> enabled_rules(const LintConfig& config);

}  // namespace saml::lint
