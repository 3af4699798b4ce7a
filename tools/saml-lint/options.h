// saml-lint's command line and .saml-lint.ini: one Boost.ProgramOptions description.
#pragma once

#include <boost/program_options.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "saml/error.h"
#include "saml/lint.h"

namespace samlkit::lint_tool {

enum class OutputFormat { Text, Json, Sarif, Junit, Html };

struct Settings {
  std::vector<std::string> inputs;        // files, directories, "-"
  std::vector<std::string> includes;      // globs for files found in directories
  bool lines = false;                     // one message per line (NDJSON or base64)
  unsigned jobs = 1;
  OutputFormat format = OutputFormat::Text;
  saml::LintConfig config;
  saml::LintOptions lint;                 // with lint.baseline read from --baseline
  std::vector<std::string> metadata;      // --metadata files (linted, then trusted)
  std::string write_baseline;             // --write-baseline FILE, or empty
};

// The options shown by --help (everything but the positional INPUT).
boost::program_options::options_description visible_options();

// Parses argv, then the config file (--config FILE, else ./.saml-lint.ini if present);
// the command line wins over the file. Throws boost::program_options::error.
boost::program_options::variables_map parse_command_line(int argc, char** argv);

// Turns the variables into settings; unknown rule IDs, levels, profiles and formats are
// Config errors (exit 2).
saml::Expected<Settings> to_settings(const boost::program_options::variables_map& vm);

}  // namespace samlkit::lint_tool
