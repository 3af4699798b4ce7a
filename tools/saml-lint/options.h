// saml-lint's command line and .saml-lint.ini: one Boost.ProgramOptions description.
#pragma once

#include <boost/program_options.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cli.h"
#include "saml/error.h"
#include "saml/lint.h"

namespace samlkit::lint_tool {

// The report formats saml-lint writes (--list-rules also takes markdown).
inline constexpr cli::Format kFormats[] = {cli::Format::Text, cli::Format::Json, cli::Format::JsonLines,
                                           cli::Format::Sarif, cli::Format::Junit, cli::Format::Html};

// The configuration file read, if any.
struct ConfigFile {
  std::string path;
  bool implicit = false;  // ./.saml-lint.ini, found rather than given with --config
};

struct Settings {
  std::vector<std::string> inputs;        // files, directories, "-"
  std::vector<std::string> includes;      // globs for files found in directories
  bool lines = false;                     // one message per line (NDJSON or base64)
  bool allow_empty = false;               // no message to lint is not an error
  unsigned jobs = 1;
  cli::Format format = cli::Format::Text;
  saml::LintConfig config;
  saml::LintOptions lint;                 // with lint.baseline read from --baseline
  std::vector<std::string> metadata;      // --metadata files (linted, then trusted)
  std::string write_baseline;             // --write-baseline FILE, or empty
  samlkit::cli::InputSelection selection; // --index N, --max-input-size BYTES
};

// The options shown by --help (everything but the positional INPUT).
boost::program_options::options_description visible_options();

// Stores the config file's variables (--config FILE, else ./.saml-lint.ini if present) under
// those of the command line, which win. Paths in the file are relative to the file. Errors
// (po::error) name the file and the line. Sets `found`.
void store_config_file(boost::program_options::variables_map& vm, ConfigFile& found);

// Turns the variables into settings; unknown rule IDs, levels, profiles and formats are
// Config errors (exit 2). An error that comes from the config file names its file and line.
saml::Expected<Settings> to_settings(const boost::program_options::variables_map& vm,
                                     const ConfigFile& config_file);

}  // namespace samlkit::lint_tool
