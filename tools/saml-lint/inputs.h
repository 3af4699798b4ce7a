// What to lint: files, directories (recursively, filtered by --include globs), stdin, and
// with --lines one message per line.
#pragma once

#include <string>
#include <vector>

#include "cli.h"
#include "saml/error.h"

namespace samlkit::lint_tool {

struct WorkItem {
  std::string source;   // path or "-"
  int line = 0;         // --lines: 1-based line number; the message is in `text`
  std::string text;     // --lines: the message itself
};

// Expands inputs into work items in the order given (directory entries sorted by path).
// A missing input is a Decode error (exit 3) naming it. --lines files are read within the
// selection's size limit.
saml::Expected<std::vector<WorkItem>> expand_inputs(const std::vector<std::string>& inputs,
                                                    const std::vector<std::string>& includes,
                                                    bool lines,
                                                    const cli::InputSelection& selection);

}  // namespace samlkit::lint_tool
