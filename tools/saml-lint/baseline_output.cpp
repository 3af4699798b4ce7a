#include "baseline_output.h"

#include <fstream>
#include <iostream>

#include "cli.h"

namespace samlkit::lint_tool {

void BaselineSource::add(const saml::LintEntry& entry) {
  if (responses++ == 0) first = entry;
}

int write_baseline(const std::string& path, const BaselineSource& source) {
  if (source.responses != 1) {
    std::cerr << "saml-lint: --write-baseline " << path << ": needs exactly one response, got "
              << source.responses << "\n";
    return cli::kExitUsage;
  }
  const saml::LintEntry& entry = *source.first;
  if (!entry.result) return cli::kExitUnreadable;  // already reported as unreadable
  if (!entry.result->observed) {
    std::cerr << "saml-lint: --write-baseline " << path << ": not written: no trusted signature covers "
              << "the assertion of " << entry.source << " (only verified values go into a baseline)\n";
    return cli::kExitFailed;
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << saml::baseline_to_json(*entry.result->observed);
  if (!file.flush()) {
    std::cerr << "saml-lint: --write-baseline " << path << ": cannot write the file\n";
    return cli::kExitUsage;
  }
  return cli::kExitPass;
}

}  // namespace samlkit::lint_tool
