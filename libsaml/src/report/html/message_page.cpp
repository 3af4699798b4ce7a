// messages_to_html: the page of saml-decode and saml-verify, one section per message.
#include <string>
#include <vector>

#include "report/html/html_parts.h"
#include "saml/report.h"

namespace saml {
namespace {

struct Outcome {
  const char* kind;  // pass, fail, unknown
  std::string word;
};

Outcome verdict_of(const HtmlMessage& message) {
  if (message.view == nullptr) return {"fail", "UNREADABLE"};
  const DecodeView& view = *message.view;
  if (view.accepted && *view.accepted && message.refused_by_aws) {
    return {"fail", "REFUSED BY AWS: the SAML checks pass, but no role in the response is assumable"};
  }
  if (view.accepted) return *view.accepted ? Outcome{"pass", "ACCEPTED"} : Outcome{"fail", "REJECTED"};
  if (view.trust_given) return {"unknown", "NOT JUDGED: not a Response, nothing to verify"};
  return {"unknown", "NOT VERIFIED: no trusted key given (--cert, --fingerprint or --metadata)"};
}

std::string source_of(const HtmlMessage& message) {
  return message.view != nullptr ? describe_origin(message.view->capture) : message.source;
}

std::string what_it_is(const DecodeView& view) {
  std::string out = (view.message_type.empty() ? std::string("<p>Not parsed") : "<p>SAML <code>" + html_escape(view.message_type) + "</code>") +
                    ", read as " + html_escape(capture_format_name(view.capture.format)) + ".";
  if (view.assertion_count > 1) out += " It holds " + std::to_string(view.assertion_count) + " Assertions; the one shown is the first.";
  if (view.redacted) out += " Personal values are redacted (--redact).";
  out += "</p>\n";
  if (view.encryption) {
    const EncryptionReport& e = *view.encryption;
    out += "<p>EncryptedAssertion: " +
           html_escape(e.decrypted ? "decrypted with " + decryption_key_text(e)
                                   : "not decrypted" + (e.failure.empty() ? std::string() : ": " + e.failure)) +
           "</p>\n";
  }
  return out;
}

std::string findings_section(const std::vector<Finding>& findings, Profile profile, const std::string& id,
                             html::RuleIds& rules) {
  return "<section class=\"findings\" aria-labelledby=\"" + id + "-f-h\">\n<h3 id=\"" + id + "-f-h\">Findings (<span class=\"count\">" +
         std::to_string(findings.size()) + "</span>)</h3>\n" + html::findings_list(findings, profile, rules) + "</section>\n";
}

std::string message_section(const HtmlMessage& message, std::size_t number, const HtmlPageOptions& options,
                            html::RuleIds& rules) {
  const std::string id = "msg-" + std::to_string(number);
  const Outcome verdict = verdict_of(message);
  std::string out = "<section class=\"message\" id=\"" + id + "\" aria-labelledby=\"" + id + "-h\">\n<h2 id=\"" + id +
                    "-h\">Message " + std::to_string(number) + ": " + html_escape(source_of(message)) + "</h2>\n" +
                    html::verdict_badge(verdict.kind, verdict.word);
  if (message.view == nullptr) {
    const Error error = message.error.value_or(Error{});
    const std::string where = html_escape(location_text(error.where));
    return out + "<p class=\"error\"><code>" + html_escape(error_code_name(error.code)) + "</code>: " + html_escape(error.message) +
           (where.empty() ? "" : " <span class=\"where\">(at " + where + ")</span>") + "</p>\n</section>\n";
  }
  const DecodeView& view = *message.view;
  out += what_it_is(view);
  out += findings_section(view.trust_given ? view.verify_findings : view.aws_findings, view.profile, id, rules);
  return out + html::message_details(view, message.iam, options.now, options.skew, id) + "</section>\n";
}

std::string contents(const std::vector<HtmlMessage>& messages) {
  std::string out = "<nav aria-label=\"Messages\">\n<ol>\n";
  for (std::size_t i = 0; i < messages.size(); ++i) {
    out += "<li><a href=\"#msg-" + std::to_string(i + 1) + "\">" + html_escape(source_of(messages[i])) + "</a>: " +
           html_escape(verdict_of(messages[i]).word) + "</li>\n";
  }
  return out + "</ol>\n</nav>\n";
}

}  // namespace

std::string messages_to_html(const std::vector<HtmlMessage>& messages, const HtmlPageOptions& options) {
  std::string intro = "<p>" + std::to_string(messages.size()) + (messages.size() == 1 ? " message" : " messages") +
                      ", checked at " + html_escape(format_xs_datetime(options.now)) + ".</p>\n";
  if (messages.size() > 1) intro += contents(messages);
  html::RuleIds rules;
  std::string body;
  for (std::size_t i = 0; i < messages.size(); ++i) body += message_section(messages[i], i + 1, options, rules);
  if (messages.empty()) body = "<p>No message could be read.</p>\n";
  return html::page_begin(options.title, intro) + body + html::page_end(rules);
}

}  // namespace saml
