// CND001, CND002, CND005, SUB006, SUB008 (validity windows) and CND006 (unparseable times).
// Every message says the window, now, the skew and by how much it missed.
#include <string>

#include "checks/instant_checks.h"
#include "checks/time_window.h"
#include "saml/checks.h"
#include "saml/rules.h"
#include "time/duration_text.h"

namespace saml {
namespace {

std::string now_and_skew(const Policy& policy) {
  return ", now " + format_xs_datetime(policy.now) + ", skew " +
         std::to_string(policy.skew.count()) + " s";
}

// Valid when not_before <= now + skew.
void check_not_before(const Instant& not_before, RuleId rule, const Policy& policy,
                      std::vector<Finding>& findings) {
  if (!not_before.value) return;
  const TimePoint latest_now = policy.now + policy.skew;
  if (*not_before.value <= latest_now) return;
  findings.push_back(make_finding(
      rule,
      "not valid yet, " + format_exact_duration(*not_before.value - latest_now) +
          " too early: NotBefore " + not_before.text + now_and_skew(policy),
      not_before.where));
}

// Valid when now < not_on_or_after + skew.
void check_not_on_or_after(const Instant& not_on_or_after, RuleId rule,
                           std::string_view what, const Policy& policy,
                           std::vector<Finding>& findings) {
  if (!not_on_or_after.value) return;
  const TimePoint deadline = *not_on_or_after.value + policy.skew;
  if (policy.now < deadline) return;
  findings.push_back(make_finding(
      rule,
      std::string(what) + " expired " + format_exact_duration(policy.now - deadline) +
          " ago: " + std::string(not_on_or_after.where.attribute.empty()
                                     ? "NotOnOrAfter"
                                     : not_on_or_after.where.attribute) +
          " " + not_on_or_after.text + now_and_skew(policy),
      not_on_or_after.where));
}

}  // namespace

void check_instant_value(const Instant& instant, std::string_view what,
                         std::vector<Finding>& findings) {
  if (!instant.present || instant.value) return;
  findings.push_back(make_finding(RuleId::invalid_time,
                                  std::string(what) + " \"" + instant.text +
                                      "\" is not a valid xs:dateTime: " + instant.error,
                                  instant.where));
}

void check_times(const Assertion& assertion, const Policy& policy, std::vector<Finding>& findings) {
  check_instant_value(assertion.issue_instant, "Assertion IssueInstant", findings);
  check_instant_value(assertion.conditions.not_before, "Conditions NotBefore", findings);
  check_instant_value(assertion.conditions.not_on_or_after, "Conditions NotOnOrAfter", findings);
  for (const SubjectConfirmation& confirmation : assertion.confirmations) {
    check_instant_value(confirmation.not_before, "SubjectConfirmationData NotBefore", findings);
    check_instant_value(confirmation.not_on_or_after, "SubjectConfirmationData NotOnOrAfter",
                        findings);
  }
  for (const AuthnStatement& statement : assertion.authn_statements) {
    check_instant_value(statement.authn_instant, "AuthnStatement AuthnInstant", findings);
    check_instant_value(statement.session_not_on_or_after, "AuthnStatement SessionNotOnOrAfter",
                        findings);
  }

  check_not_before(assertion.conditions.not_before, RuleId::not_yet_valid, policy, findings);
  for (const SubjectConfirmation& confirmation : assertion.confirmations) {
    check_not_before(confirmation.not_before, RuleId::confirmation_not_yet_valid, policy, findings);
  }
  check_not_on_or_after(assertion.conditions.not_on_or_after, RuleId::expired, "the assertion", policy,
                        findings);
  for (const SubjectConfirmation& confirmation : assertion.confirmations) {
    check_not_on_or_after(confirmation.not_on_or_after, RuleId::confirmation_expired, "the bearer confirmation",
                          policy, findings);
  }
  for (const AuthnStatement& statement : assertion.authn_statements) {
    check_not_on_or_after(statement.session_not_on_or_after, RuleId::session_expired, "the session", policy,
                          findings);
  }
}

TimeWindow time_window(const Assertion& assertion) {
  TimeWindow window;
  const auto opens_later = [&](const Instant& not_before) {
    if (not_before.value && (window.opens == nullptr || *not_before.value > *window.opens->value)) {
      window.opens = &not_before;
    }
  };
  const auto closes_earlier = [&](const Instant& not_on_or_after) {
    if (not_on_or_after.value && (window.closes == nullptr || *not_on_or_after.value < *window.closes->value)) {
      window.closes = &not_on_or_after;
    }
  };
  opens_later(assertion.conditions.not_before);
  closes_earlier(assertion.conditions.not_on_or_after);
  for (const SubjectConfirmation& confirmation : assertion.confirmations) {
    opens_later(confirmation.not_before);
    closes_earlier(confirmation.not_on_or_after);
  }
  for (const AuthnStatement& statement : assertion.authn_statements) closes_earlier(statement.session_not_on_or_after);
  return window;
}

}  // namespace saml
