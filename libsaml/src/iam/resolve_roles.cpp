// Each Role pair of a verified assertion: would AssumeRoleWithSAML succeed, why not, and the
// session STS would return.
#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "iam/saml_context.h"
#include "iam/text.h"
#include "saml/iam.h"

namespace saml::iam {
namespace {

constexpr long kDefaultSessionSeconds = 3600;
constexpr std::string_view kReservedSsoPrefix = "AWSReservedSSO_";

// IAM role names are unique regardless of case ("not distinguished by case"), so a Role
// value differing only in case names the same role.
const Role* find_role(const Inputs& inputs, const Arn& wanted) {
  for (const Role& role : inputs.roles) {
    if (role.parsed.partition == wanted.partition && role.parsed.account == wanted.account &&
        iequals(role.parsed.name, wanted.name)) {
      return &role;
    }
  }
  return nullptr;
}

const SamlProvider* find_provider(const Inputs& inputs, const std::string& arn) {
  for (const SamlProvider& provider : inputs.providers) {
    if (provider.arn == arn) return &provider;
  }
  return nullptr;
}

void add_reason(RoleDecision& decision, const std::string& code, const std::string& detail) {
  if (std::find(decision.reasons.begin(), decision.reasons.end(), code) == decision.reasons.end()) {
    decision.reasons.push_back(code);
  }
  decision.notes.push_back({code, detail});
}

void add_warning(RoleDecision& decision, const std::string& code, const std::string& detail) {
  decision.warnings.push_back(code);
  decision.notes.push_back({code, detail});
}

// The console session: SessionDuration (an hour without it), cut short by
// SessionNotOnOrAfter.
long session_seconds(const Assertion& assertion, const AwsView& aws, TimePoint now) {
  long seconds = aws.session_duration.value_or(kDefaultSessionSeconds);
  for (const AuthnStatement& statement : assertion.authn_statements) {
    if (!statement.session_not_on_or_after.value) continue;
    const auto left = std::chrono::floor<std::chrono::seconds>(*statement.session_not_on_or_after.value - now);
    seconds = std::min(seconds, std::max(0L, static_cast<long>(left.count())));
  }
  return seconds;
}

StsSession sts_session(const Assertion& assertion, const AwsView& aws, const RolePair& pair) {
  StsSession sts;
  sts.assumed_role_arn = "arn:" + pair.role.partition + ":sts::" + pair.role.account +
                         ":assumed-role/" + pair.role.name + "/" + aws.role_session_name.value_or("");
  sts.subject = assertion.name_id;
  sts.subject_type = subject_type(assertion.name_id_format);
  sts.issuer = assertion.issuer;
  sts.audience = saml_audience(assertion);
  sts.name_qualifier = name_qualifier(assertion.issuer, pair.provider.account, pair.provider.name);
  sts.source_identity = aws.source_identity;
  sts.tags = aws.tags;
  sts.transitive_tag_keys = aws.transitive_tag_keys;
  return sts;
}

void decide_trust(const Assertion& assertion, const AwsView& aws, const RolePair& pair,
                  const Role& role, TimePoint now, RoleDecision& decision) {
  if (!role.trust.invalid.empty()) {
    for (const std::string& problem : role.trust.invalid) add_reason(decision, "invalid-policy", problem);
    return;
  }
  const RequestContext context = saml_request_context(assertion, aws, pair, now);
  for (const StsAction& sts_action : sts_actions()) {
    if (!sts_action.needed(aws)) continue;
    const std::string action(sts_action.name);
    const RequestContext seen = context_for_action(context, sts_action);
    ActionDecision action_decision = evaluate_action(role.trust, decision.provider_arn, action, seen);
    // IAM gives TagSession and SetSourceIdentity only their own keys: a statement granting
    // them on a condition about another key (SAML:aud, say) never grants them.
    if (!action_decision.failed_key.empty() && !seen.find(action_decision.failed_key) &&
        context.find(action_decision.failed_key)) {
      action_decision.code = std::string(sts_action.missing_code);
      action_decision.decisive += " (" + action + " does not see " + action_decision.failed_key +
                                  ": grant it in a statement without that condition)";
    }
    if (action_decision.outcome != Outcome::Allowed) {
      add_reason(decision, action_decision.code, action_decision.decisive);
      for (const std::string& key : action_decision.unknown_keys) {
        if (std::find(decision.unknown_keys.begin(), decision.unknown_keys.end(), key) ==
            decision.unknown_keys.end()) {
          decision.unknown_keys.push_back(key);
        }
      }
    }
    decision.actions.push_back(std::move(action_decision));
  }
}

}  // namespace

Report resolve_roles(const Assertion& assertion, const AwsView& aws, const Inputs& inputs,
                     TimePoint now) {
  Report report;
  report.notes = inputs.notes;
  for (const RolePair& pair : aws.roles) {
    RoleDecision decision;
    decision.role_arn = pair.role.to_string();
    decision.provider_arn = pair.provider.to_string();
    // Identity Center's permission-set roles trust only its own provider and are assumed
    // through the AWS access portal, never with AssumeRoleWithSAML from another IdP.
    if (pair.role.name.rfind(kReservedSsoPrefix, 0) == 0) {
      add_reason(decision, "reserved-sso-role",
                 pair.role.name + " is an IAM Identity Center role (" + std::string(kReservedSsoPrefix) +
                     "*): assign the permission set in Identity Center instead");
    }
    if (!inputs.providers.empty()) {
      const SamlProvider* provider = find_provider(inputs, decision.provider_arn);
      if (!provider) {
        add_warning(decision, "provider-not-given",
                    "no --iam-saml-provider names " + decision.provider_arn +
                        ": the assertion was checked against another provider's metadata");
      } else if (provider->valid_until && *provider->valid_until <= now) {
        add_reason(decision, "provider-expired",
                   decision.provider_arn + " is valid until " + format_xs_datetime(*provider->valid_until) +
                       ": STS refuses assertions for it after that");
      }
    }
    const Role* role = find_role(inputs, pair.role);
    if (!role) {
      add_reason(decision, "role-not-in-input",
                 "no --iam export lists " + decision.role_arn + " (its trust policy is unknown)");
    } else {
      decision.source = role->source;
      decide_trust(assertion, aws, pair, *role, now, decision);
    }
    if (aws.session_duration && role && role->max_session_duration &&
        *aws.session_duration > *role->max_session_duration) {
      add_warning(decision, "duration-over-max",
                  "SessionDuration " + std::to_string(*aws.session_duration) +
                      " exceeds the role's MaxSessionDuration " +
                      std::to_string(*role->max_session_duration) +
                      ": the console accepts it, but CLI tools that pass it as DurationSeconds "
                      "(saml2aws and the like) get STS's ValidationError");
    }
    decision.assumable = decision.reasons.empty();
    if (decision.assumable) {
      decision.session_seconds = session_seconds(assertion, aws, now);
      decision.sts = sts_session(assertion, aws, pair);
    }
    report.roles.push_back(std::move(decision));
  }
  return report;
}

}  // namespace saml::iam
