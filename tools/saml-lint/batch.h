// Lints work items on N threads; results come back in input order.
#pragma once

#include <vector>

#include "inputs.h"
#include "saml/lint.h"
#include "saml/trust.h"

namespace samlkit::lint_tool {

// One entry per message (a HAR file may hold several) or per unreadable input, in the
// order of `items`. Shows a progress bar on stderr when it is a terminal.
std::vector<saml::LintEntry> lint_all(const std::vector<WorkItem>& items, const saml::TrustStore& trust,
                                      const saml::LintOptions& options, const saml::LintConfig& config,
                                      unsigned jobs);

}  // namespace samlkit::lint_tool
