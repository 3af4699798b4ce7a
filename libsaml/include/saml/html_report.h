// HTML report: one self-contained page (no network access, a strict Content-Security-Policy,
// no script, readable without CSS) showing decoded or verified messages for people: the
// verdict and findings, a time line, a signature map, the identity and AWS view and the XML.
// saml-lint's page is LintReportFormat::Html (saml/lint.h).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saml/decode.h"
#include "saml/error.h"
#include "saml/iam.h"
#include "saml/time.h"

namespace saml {

// The one escaper of the HTML reports, for text content (never inside a tag): & < > " ' as
// entities; control characters (but newline and tab), bidirectional controls, invisible
// format characters and bytes that are not UTF-8 as a visible "[U+202E]" / "[0xFF]" mark.
std::string html_escape(std::string_view text);

// What IAM would decide for one role of the assertion, when role trust data is given. The
// page shows a table of these under the AWS view (filled by the caller; empty: not shown).
struct HtmlIamOutcome {
  std::string role_arn;
  bool allowed = false;
  std::string reason;  // why, for people
};

// One message of a page: a decoded (or verified, see view_of_verdict) message, or an input
// that could not be read (`view` null, `error` set).
struct HtmlMessage {
  const DecodeView* view = nullptr;
  std::string source;  // for an unreadable input; a view's own origin is used otherwise
  std::optional<Error> error;
  std::vector<HtmlIamOutcome> iam;
  bool refused_by_aws = false;  // accepted, but no role assumable (iam::no_role_assumable)
};

// The IAM table of a message from its AWS-side evaluation (empty when no --iam was given).
std::vector<HtmlIamOutcome> iam_outcomes(const iam::AwsSide& side);

struct HtmlPageOptions {
  std::string title;                 // "saml-verify report"
  TimePoint now{};                   // the time the checks used (drawn on the time line)
  std::chrono::seconds skew{0};      // widens the accepted window drawn on the time line
};

// The whole page for the messages, in order.
std::string messages_to_html(const std::vector<HtmlMessage>& messages, const HtmlPageOptions& options);

}  // namespace saml
