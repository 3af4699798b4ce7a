// --write-baseline: the baseline of the one response linted, from its verified values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "saml/lint.h"

namespace samlkit::lint_tool {

// What --write-baseline needs of the streamed responses: the first one and how many there were.
struct BaselineSource {
  std::optional<saml::LintEntry> first;
  std::size_t responses = 0;

  void add(const saml::LintEntry& entry);
};

// Writes the baseline of the single response seen to `path` and returns kExitPass;
// otherwise says why on stderr and returns kExitUsage (not exactly one response, the file
// cannot be written) or kExitFailed (no trusted signature covers the assertion).
int write_baseline(const std::string& path, const BaselineSource& source);

}  // namespace samlkit::lint_tool
