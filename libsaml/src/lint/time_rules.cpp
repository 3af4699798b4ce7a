// HYG002..HYG004: IssueInstant in the future, the assertion's lifetime, and the IdP session
// end against SessionDuration. Read from the verified assertion only.
#include <chrono>
#include <string>

#include "checks/duration_text.h"
#include "lint/lint_rules.h"

namespace saml::lint {
namespace {

constexpr std::chrono::seconds kMaxLifetime{300};
// IdPs derive both ends from slightly different clocks; only a real gap is worth a finding.
constexpr std::chrono::seconds kSessionTolerance{300};

}  // namespace

Outcome check_issue_instant_future(const CheckContext& context, RuleReport& report) {
  const auto& assertion = context.assertion;
  if (!assertion || !assertion->issue_instant.value) return Outcome::NotApplicable;
  const Instant& issued = assertion->issue_instant;
  const TimePoint latest = context.policy.now + context.policy.skew;
  if (*issued.value <= latest) return Outcome::Checked;
  report.add("IssueInstant " + issued.text + " is " + format_exact_duration(*issued.value - latest) +
          " after now " + format_xs_datetime(context.policy.now) + " (skew " +
          std::to_string(context.policy.skew.count()) + " s)",
      issued.where);
  return Outcome::Checked;
}

Outcome check_assertion_lifetime(const CheckContext& context, RuleReport& report) {
  const auto& assertion = context.assertion;
  if (!assertion || !assertion->issue_instant.value ||
      !assertion->conditions.not_on_or_after.value) {
    return Outcome::NotApplicable;
  }
  const Instant& end = assertion->conditions.not_on_or_after;
  const auto lifetime = *end.value - *assertion->issue_instant.value;
  if (lifetime <= kMaxLifetime) return Outcome::Checked;
  report.add("the assertion is valid for " + format_exact_duration(lifetime) +
                                      " after IssueInstant " + assertion->issue_instant.text +
                                      " (NotOnOrAfter " + end.text + "); at most 5 min expected",
                                  end.where);
  return Outcome::Checked;
}

Outcome check_session_not_on_or_after(const CheckContext& context, RuleReport& report) {
  const auto& assertion = context.assertion;
  const auto& aws = context.aws;
  if (!assertion || !aws || !aws->session_duration || !assertion->issue_instant.value) {
    return Outcome::NotApplicable;
  }
  const TimePoint aws_end =
      *assertion->issue_instant.value + std::chrono::seconds(*aws->session_duration);
  bool any = false;
  for (const AuthnStatement& statement : assertion->authn_statements) {
    const Instant& session_end = statement.session_not_on_or_after;
    if (!session_end.value) continue;
    any = true;
    if (*session_end.value + kSessionTolerance >= aws_end) continue;
    report.add("SessionNotOnOrAfter " + session_end.text + " is " +
            format_exact_duration(aws_end - *session_end.value) +
            " before the AWS session ends (IssueInstant " + assertion->issue_instant.text +
            " + SessionDuration " + std::to_string(*aws->session_duration) + " s)",
        session_end.where);
  }
  return any ? Outcome::Checked : Outcome::NotApplicable;
}

}  // namespace saml::lint
