// saml-decode's work once the command line is parsed: decode inputs, print views or a diff.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "saml/policy.h"
#include "saml/trust.h"

namespace samlkit::decode_tool {

enum class Output { Summary, Json, Xml, Html };

struct Request {
  std::vector<std::string> inputs;     // file names, "-" for stdin
  std::optional<std::size_t> index;    // 1-based capture number over all inputs
  Output output = Output::Summary;
  bool redact = false;
  bool diff = false;                   // compare inputs[0] with inputs[1]
  bool color = false;
  saml::Policy policy;
};

// Prints to stdout/stderr and returns the exit code.
int run(const Request& request, const saml::TrustStore& trust);

}  // namespace samlkit::decode_tool
