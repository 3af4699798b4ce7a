// saml-decode's work once the command line is parsed: decode inputs, print views or a diff.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli.h"
#include "saml/policy.h"
#include "saml/trust.h"

namespace samlkit::decode_tool {

struct Request {
  std::vector<std::string> inputs;     // file names, "-" for stdin
  cli::InputSelection selection;       // --index (1-based, within each input), --max-input-size
  cli::Format format = cli::Format::Text;  // Text: the summary, or the XML with `xml`
  bool xml = false;
  bool redact = false;
  bool diff = false;                   // compare inputs[0] with inputs[1]
  bool color = false;
  saml::Policy policy;
};

// Prints to stdout/stderr and returns the exit code.
int run(const Request& request, const saml::TrustStore& trust);

}  // namespace samlkit::decode_tool
