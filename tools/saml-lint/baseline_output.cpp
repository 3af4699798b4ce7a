#include "baseline_output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

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
  // stdio rather than a stream: its failures leave the reason in errno, and the reason is
  // what the user needs (a missing folder, no permission, a full disk).
  const std::string json = saml::baseline_to_json(*entry.result->observed);
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "wb");
  bool written = file != nullptr && std::fwrite(json.data(), 1, json.size(), file) == json.size();
  int error = errno;
  if (file != nullptr && std::fclose(file) != 0 && written) {
    written = false;
    error = errno;
  }
  if (!written) {
    std::cerr << "saml-lint: --write-baseline " << path << ": cannot write the file: "
              << (error != 0 ? std::strerror(error) : "unknown error") << "\n";
    return cli::kExitUsage;
  }
  return cli::kExitPass;
}

}  // namespace samlkit::lint_tool
