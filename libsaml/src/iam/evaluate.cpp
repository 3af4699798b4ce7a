// One action of an AssumeRoleWithSAML call against a trust policy, as IAM evaluates it:
// an explicit Deny wins, then any Allow whose Principal, Action and every condition match.
// A condition on a key that cannot be known offline makes the outcome Unknown, never a guess.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "iam/saml_context.h"
#include "iam/text.h"
#include "saml/iam.h"

namespace saml::iam {
namespace {

bool principal_matches(const Statement& statement, std::string_view provider_arn) {
  return std::any_of(statement.principals.begin(), statement.principals.end(),
                     [&](const Principal& p) {
                       if (p.type == "*") return true;
                       if (p.value == "*") return p.type == "AWS" || p.type == "Federated";
                       return p.type == "Federated" && p.value == provider_arn;
                     });
}

bool statement_covers(const Statement& statement, std::string_view action) {
  const bool listed = std::any_of(statement.actions.begin(), statement.actions.end(),
                                  [&](const std::string& a) { return action_matches(a, action); });
  return statement.not_action ? !listed : listed;
}

std::string quoted_values(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "\"" : ", \"") + v + "\"";
  return "[" + out + "]";
}

std::string context_text(const RequestContext& context, const std::string& key) {
  const ContextValue* value = context.find(key);
  if (!value || value->values.empty()) return "absent";
  return quoted_values(value->values);
}

struct StatementResult {
  Tri result = Tri::True;
  std::vector<std::string> unknown_keys;
  std::string failed;        // the first false condition, for people
  std::string failed_key;
};

StatementResult evaluate_conditions(const Statement& statement, const RequestContext& context,
                                    bool variables) {
  StatementResult out;
  for (const ConditionClause& clause : statement.conditions) {
    ClauseResult clause_result = evaluate_clause(clause, context, variables);
    if (clause_result.result == Tri::False) {
      out.result = Tri::False;
      out.failed = statement.label + ": " + clause.op + " " + clause.key + " " +
                   quoted_values(clause.values) + " does not match " + clause.key + " = " +
                   context_text(context, clause.key);
      out.failed_key = clause.key;
      return out;
    }
    if (clause_result.result == Tri::Unknown) {
      out.result = Tri::Unknown;
      for (std::string& key : clause_result.unknown_keys) out.unknown_keys.push_back(std::move(key));
    }
  }
  return out;
}

// The reason code an action's refusal gets, by action.
std::string missing_code(std::string_view action, bool principal_named) {
  std::string code = missing_permission_code(action);
  if (!code.empty()) return code;
  return principal_named ? "action-not-allowed" : "principal-other-provider";
}

}  // namespace

std::string missing_permission_code(std::string_view action) {
  const StsAction* known = find_sts_action(action);
  return known != nullptr ? std::string(known->missing_code) : std::string();
}

bool action_matches(std::string_view pattern, std::string_view action) {
  return wildcard_match(pattern, action, true);
}

ActionDecision evaluate_action(const PolicyDocument& policy, std::string_view provider_arn,
                               std::string_view action, const RequestContext& context) {
  ActionDecision decision;
  decision.action = std::string(action);
  bool principal_named = false;
  bool allow_candidate = false;   // an Allow matched principal and action
  std::string allowed_by, unknown_by, first_failure, first_failure_key;
  bool deny_unknown = false, allow_unknown = false;
  for (const Statement& statement : policy.statements) {
    if (!principal_matches(statement, provider_arn)) continue;
    if (statement.allow) principal_named = true;
    if (!statement_covers(statement, action)) continue;
    StatementResult result = evaluate_conditions(statement, context, policy.variables);
    if (!statement.allow) {
      if (result.result == Tri::True) {
        decision.outcome = Outcome::ExplicitDeny;
        decision.code = "deny-statement";
        decision.decisive = statement.label + " denies " + std::string(action);
        return decision;
      }
      if (result.result == Tri::Unknown) {
        deny_unknown = true;
        unknown_by = statement.label;
        decision.unknown_keys.insert(decision.unknown_keys.end(), result.unknown_keys.begin(),
                                     result.unknown_keys.end());
      }
      continue;
    }
    allow_candidate = true;
    if (result.result == Tri::True && allowed_by.empty()) allowed_by = statement.label;
    if (result.result == Tri::Unknown) {
      allow_unknown = true;
      if (unknown_by.empty()) unknown_by = statement.label;
      decision.unknown_keys.insert(decision.unknown_keys.end(), result.unknown_keys.begin(),
                                   result.unknown_keys.end());
    }
    if (result.result == Tri::False && first_failure.empty()) {
      first_failure = result.failed;
      first_failure_key = result.failed_key;
    }
  }
  if (deny_unknown || (allowed_by.empty() && allow_unknown)) {
    decision.outcome = Outcome::Unknown;
    decision.code = "condition-unknown";
    std::string keys;
    for (const std::string& key : decision.unknown_keys) keys += (keys.empty() ? "" : ", ") + key;
    decision.decisive = unknown_by + " depends on " + keys + ", which only the live request carries";
    return decision;
  }
  decision.unknown_keys.clear();
  if (!allowed_by.empty()) {
    decision.outcome = Outcome::Allowed;
    decision.decisive = allowed_by + " allows " + std::string(action);
    return decision;
  }
  decision.outcome = Outcome::NotAllowed;
  if (allow_candidate) {
    decision.code = iequals(first_failure_key, "saml:aud") ? "aud-mismatch" : "condition-mismatch";
    decision.decisive = first_failure;
    decision.failed_key = first_failure_key;
    return decision;
  }
  decision.code = missing_code(action, principal_named);
  decision.decisive = principal_named
                          ? "no statement allows " + std::string(action) + " for " +
                                std::string(provider_arn)
                          : "no Allow statement names " + std::string(provider_arn) +
                                " as Principal.Federated";
  return decision;
}

}  // namespace saml::iam
