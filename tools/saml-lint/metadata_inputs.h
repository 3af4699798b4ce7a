// --metadata for saml-lint: each document is linted (MET001..MET007) as an input of its
// own, feeds the response cross-checks (MET008, MET009) and, when it loads, the trust store.
#pragma once

#include <string>
#include <vector>

#include "saml/lint.h"
#include "saml/trust.h"

namespace samlkit::lint_tool {

// One entry per document, in the order given. A file that cannot be opened is a Config
// error (exit 2), as for every trust option; metadata whose keys cannot be trusted is one
// too unless its findings already include an error saying why.
saml::Expected<std::vector<saml::LintEntry>> lint_metadata_files(const std::vector<std::string>& paths,
                                                                 saml::TrustStore& trust,
                                                                 saml::LintOptions& options,
                                                                 const saml::LintConfig& config);

}  // namespace samlkit::lint_tool
