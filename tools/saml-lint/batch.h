// Lints work items on N threads and hands the entries on in input order as they are ready.
#pragma once

#include <functional>
#include <vector>

#include "cli.h"
#include "inputs.h"
#include "saml/lint.h"
#include "saml/trust.h"

namespace samlkit::lint_tool {

// Receives the entries one call at a time, on whichever worker emits them.
using EntrySink = std::function<void(const saml::LintEntry&)>;
// Receives, in the same order, what is only listed: a flow's SAML requests.
using NoteSink = std::function<void(const std::string&)>;

// Calls `sink` with one entry per message (a HAR file may hold several) or per unreadable
// input, in the order of `items`, as soon as every entry before it is out. Each worker lints
// its items' messages a batch at a time (MessageBatch), and runs at most a fixed window of
// items ahead of the output, so memory does not grow with the number of items. Shows a progress bar on stderr when it is a terminal. Every thread but the
// calling one works in an OpenSSL context of its own (saml::ThreadCrypto).
// `selection` picks --index's message of each input and limits the input size.
void lint_all(const std::vector<WorkItem>& items, const cli::InputSelection& selection,
              const saml::TrustStore& trust, const saml::LintOptions& options,
              const saml::LintConfig& config, unsigned jobs, const EntrySink& sink,
              const NoteSink& notes);

}  // namespace samlkit::lint_tool
