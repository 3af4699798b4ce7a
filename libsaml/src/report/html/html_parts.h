// Internal to the HTML reports: the pieces every page is built from. Every piece returns
// HTML; every text from the message goes through html_escape (saml/html_report.h).
#pragma once

#include <chrono>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "saml/decode.h"
#include "saml/finding.h"
#include "saml/html_report.h"

namespace saml::html {

// Rule IDs the findings of a page name; the page ends with their explanations.
using RuleIds = std::set<std::string>;

// The document up to the start of <main>: head with the Content-Security-Policy and the one
// style block (allowed by its hash), skip link, header with the title. `intro` is HTML.
std::string page_begin(std::string_view title, std::string_view intro);
// The rules section for `rules`, then the end of the document.
std::string page_end(const RuleIds& rules);

// "error" / "warning" / "info" with a text mark, never colour only.
std::string severity_badge(Severity severity);
// A verdict line: a mark, the word and what it means; `kind` is one of pass, fail, unknown.
std::string verdict_badge(std::string_view kind, std::string_view word);
// The findings as a list: severity, rule ID linked to its explanation, title, message,
// location and the rule's fix. Records the rules named in `rules`.
std::string findings_list(const std::vector<Finding>& findings, Profile profile, RuleIds& rules);

// The instants of the message on a line (SVG), with `now` and the accepted window shaded,
// then the same events as a table.
std::string timeline_section(const DecodeView& view, TimePoint now, std::chrono::seconds skew,
                             std::string_view id_prefix);
// The XML tree folded to its elements, each marked signed (by which signature and key),
// signed but not verified, or unsigned / outside the verified part; then each signature.
std::string signature_section(const DecodeView& view, std::string_view id_prefix);
// NameID, session name and duration, roles, tags, SourceIdentity, other attributes, and the
// IAM outcome when given.
std::string identity_section(const DecodeView& view, const std::vector<HtmlIamOutcome>& iam,
                             std::string_view id_prefix);
// The decoded XML, pretty-printed and escaped, folded shut.
std::string xml_section(const DecodeView& view, std::string_view id_prefix);
// What a message's section shows after its findings: identity, time line, signature map, XML.
std::string message_details(const DecodeView& view, const std::vector<HtmlIamOutcome>& iam, TimePoint now,
                            std::chrono::seconds skew, std::string_view id_prefix);

}  // namespace saml::html
