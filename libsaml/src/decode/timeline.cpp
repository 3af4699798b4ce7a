// decode_timeline: every valid instant of the message in time order.
#include <algorithm>

#include "saml/decode.h"

namespace saml {
namespace {

void add(std::vector<TimelineEvent>& events, const Instant& instant, std::string label, bool verified) {
  if (!instant.value) return;
  events.push_back(TimelineEvent{std::move(label), instant.text, *instant.value, verified});
}

}  // namespace

std::vector<TimelineEvent> decode_timeline(const DecodeView& view, bool include_capture_time) {
  std::vector<TimelineEvent> events;
  if (view.response) {
    add(events, view.response->issue_instant, "IssueInstant (Response)", view.verified(view.response->node));
  }
  if (view.authn_request) {
    add(events, view.authn_request->issue_instant, "IssueInstant (AuthnRequest)",
        view.verified(view.authn_request->node));
  }
  if (view.assertion) {
    const Assertion& a = *view.assertion;
    const bool verified = view.verified(a.node);
    add(events, a.issue_instant, "IssueInstant (Assertion)", verified);
    for (const AuthnStatement& s : a.authn_statements) {
      add(events, s.authn_instant, "AuthnInstant", verified);
      add(events, s.session_not_on_or_after, "SessionNotOnOrAfter", verified);
    }
    add(events, a.conditions.not_before, "NotBefore (Conditions)", verified);
    add(events, a.conditions.not_on_or_after, "NotOnOrAfter (Conditions)", verified);
    for (const SubjectConfirmation& c : a.confirmations) {
      add(events, c.not_before, "NotBefore (SubjectConfirmation)", verified);
      add(events, c.not_on_or_after, "NotOnOrAfter (SubjectConfirmation)", verified);
    }
  }
  if (include_capture_time && view.capture.captured_at) {
    events.push_back(TimelineEvent{"captured", format_xs_datetime(*view.capture.captured_at),
                                   *view.capture.captured_at, false});
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const TimelineEvent& x, const TimelineEvent& y) { return x.time < y.time; });
  return events;
}

}  // namespace saml
