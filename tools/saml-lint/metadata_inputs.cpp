#include "metadata_inputs.h"

#include <iostream>

#include "cli.h"

namespace samlkit::lint_tool {

saml::Expected<std::vector<saml::LintEntry>> lint_metadata_files(const std::vector<std::string>& paths,
                                                                 saml::TrustStore& trust,
                                                                 saml::LintOptions& options,
                                                                 const saml::LintConfig& config) {
  std::vector<saml::LintEntry> entries;
  for (const std::string& path : paths) {
    auto xml = cli::read_file(path, cli::kDefaultMaxInputBytes, saml::ErrorKind::Config);
    if (!xml) {
      saml::Error error = xml.error();
      error.message = "--metadata " + path + ": " + error.message;
      return error;
    }
    saml::LintEntry entry;
    entry.source = path;
    entry.format = saml::CaptureFormat::RawXml;
    auto linted = saml::lint_metadata(*xml, path, options);
    if (!linted) {
      entry.error = linted.error();
      entries.push_back(std::move(entry));
      continue;
    }
    options.metadata.push_back(linted->metadata);
    if (auto added = trust.add_metadata(*xml, path); !added) {
      if (linted->result.accepted) return added.error();
      std::cerr << cli::error_line("saml-lint", "", added.error()) << " (its keys are not trusted)\n";
    }
    saml::apply_lint_config(config, linted->result);
    entry.result = std::move(linted->result);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace samlkit::lint_tool
