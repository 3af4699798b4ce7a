// The three tools as built, for the tests samlkit_tool_test() (tests/e2e/CMakeLists.txt)
// registers: it defines their paths. Include after <boost/test/unit_test.hpp>.
#pragma once

#include <string>
#include <vector>

#include "run_tool.h"

namespace samltest {

inline Run run_verify(const std::vector<std::string>& args) { return run_tool(SAML_VERIFY_PATH, args); }
inline Run run_decode(const std::vector<std::string>& args) { return run_tool(SAML_DECODE_PATH, args); }
inline Run run_lint(const std::vector<std::string>& args) { return run_tool(SAML_LINT_PATH, args); }

}  // namespace samltest
