// --write-baseline: the baseline of the one response linted, from its verified values.
#pragma once

#include <string>
#include <vector>

#include "saml/lint.h"

namespace samlkit::lint_tool {

// Writes the baseline of the single response in `responses` to `path` and returns
// kExitPass; otherwise says why on stderr and returns kExitUsage (not exactly one response,
// the file cannot be written) or kExitFailed (no trusted signature covers the assertion).
int write_baseline(const std::string& path, const std::vector<saml::LintEntry>& responses);

}  // namespace samlkit::lint_tool
