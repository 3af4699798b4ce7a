// IAM stage: what AWS does with a verified assertion. Reads the AWS CLI's exports (roles,
// trust policies, SAML providers, Identity Center users), evaluates each Role pair's trust
// policy the way IAM does, and predicts the session STS would return.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saml/aws.h"
#include "saml/error.h"
#include "saml/finding.h"
#include "saml/model.h"
#include "saml/time.h"

namespace saml::iam {

// ---- Policy documents -------------------------------------------------------------------

struct ConditionClause {
  std::string op;                    // as written, e.g. "ForAnyValue:StringLikeIfExists"
  std::string key;                   // as written (matched case-insensitively)
  std::vector<std::string> values;   // JSON strings, numbers and booleans as text
};

struct Principal {
  std::string type;   // "AWS", "Federated", "Service", "CanonicalUser", or "*" for "Principal": "*"
  std::string value;
};

struct Statement {
  std::string label;                 // "Statement[1] (Sid \"AllowOkta\")" for reports
  std::string sid;
  bool allow = true;
  std::vector<Principal> principals;
  std::vector<std::string> actions;
  bool not_action = false;
  std::vector<ConditionClause> conditions;
};

struct PolicyDocument {
  bool variables = false;            // Version 2012-10-17: ${...} policy variables apply
  std::vector<Statement> statements;
  // Why IAM would refuse this document as a trust policy (NotPrincipal, Resource, no
  // Principal, an unknown condition operator, ...). Empty when it is valid.
  std::vector<std::string> invalid;
};

// Parses a trust policy (a JSON object, or its URL-encoded text as get-role prints it in
// older CLI versions). `where` names the file and JSON path in error messages.
Expected<PolicyDocument> parse_trust_policy(std::string_view text, std::string_view where);

// ---- Inputs: what the AWS CLI prints ----------------------------------------------------

struct Role {
  std::string arn;
  Arn parsed;
  std::optional<long> max_session_duration;   // only get-role and authorization details
  PolicyDocument trust;
  std::string source;                          // file it came from
};

struct SamlProvider {
  std::string arn;
  std::string metadata;                        // SAMLMetadataDocument
  std::optional<TimePoint> valid_until;
  std::optional<TimePoint> create_date;
  std::string source;
};

struct IdentityStoreUser {
  std::string user_id;
  std::string user_name;
};

struct Inputs {
  std::vector<Role> roles;
  std::vector<SamlProvider> providers;
  std::vector<std::string> notes;   // e.g. a truncated authorization-details export
  bool any_iam = false;             // --iam given: decide the roles
};

// Reads `aws iam get-role`, `aws iam get-account-authorization-details`, or a bare trust
// policy (then `role_arn` names its role; without it a bare policy is an error). Appends to
// inputs. Errors (kind Config) name the file and the JSON path.
Expected<Ok> read_iam_export(std::string_view json_text, std::string_view source,
                             const std::optional<std::string>& role_arn, Inputs& inputs);

// Reads `aws iam get-saml-provider` output (which does not print the ARN).
Expected<SamlProvider> read_saml_provider(std::string_view json_text, std::string_view source,
                                          std::string_view arn);

// Reads `aws identitystore list-users` output.
Expected<std::vector<IdentityStoreUser>> read_identity_store(std::string_view json_text,
                                                             std::string_view source);

// ---- The request context and the evaluator ----------------------------------------------

struct ContextValue {
  std::string name;                  // as AWS spells it
  std::vector<std::string> values;
  bool multi = false;                // a multivalued key (ForAnyValue/ForAllValues apply)
};

// The condition keys of one request. Lookups are case-insensitive, as IAM's.
class RequestContext {
 public:
  void set(std::string name, std::vector<std::string> values, bool multi = false);
  const ContextValue* find(std::string_view name) const;
  const std::map<std::string, ContextValue>& keys() const { return keys_; }

 private:
  std::map<std::string, ContextValue> keys_;   // by lower-case name
};

enum class Tri { False, True, Unknown };

// Whether IAM would know `key` in an AssumeRoleWithSAML request made offline: true when it
// is in the context or known to be absent (saml:, sts:, tag keys); false for keys only the
// live request carries (aws:SourceIp, aws:UserAgent, ...).
bool knowable_offline(std::string_view key);

// One condition block entry (operator, key, values) against the context. Keys that are not
// knowable offline make it Unknown unless the operator decides without them.
struct ClauseResult {
  Tri result = Tri::False;
  std::vector<std::string> unknown_keys;
  std::string problem;   // non-empty: the operator is not one IAM has (the policy is invalid)
};
ClauseResult evaluate_clause(const ConditionClause& clause, const RequestContext& context,
                             bool policy_variables);

// "sts:AssumeRoleWithSAML" against "sts:Assume*": case-insensitive, * and ?.
bool action_matches(std::string_view pattern, std::string_view action);

enum class Outcome { Allowed, ExplicitDeny, NotAllowed, Unknown };

struct ActionDecision {
  std::string action;
  Outcome outcome = Outcome::NotAllowed;
  std::string code;        // reason code when not Allowed (see RoleDecision::reasons)
  std::string decisive;    // the statement that allowed or denied, or what is missing
  std::string failed_key;  // the condition key that did not match (condition refusals)
  std::vector<std::string> unknown_keys;
};

// "missing-tagsession" / "missing-setsourceidentity" for those actions, "" for others.
std::string missing_permission_code(std::string_view action);

// Evaluates one action of an AssumeRoleWithSAML call by `provider_arn` against a trust
// policy: explicit Deny wins, then an Allow whose principal, action and conditions match.
ActionDecision evaluate_action(const PolicyDocument& policy, std::string_view provider_arn,
                               std::string_view action, const RequestContext& context);

// ---- Decisions and STS sessions ---------------------------------------------------------

struct StsSession {
  std::string assumed_role_arn;   // AssumedRoleUser.Arn
  std::string subject;
  std::string subject_type;
  std::string issuer;
  std::string audience;
  std::string name_qualifier;
  std::optional<std::string> source_identity;
  std::vector<PrincipalTag> tags;
  std::vector<std::string> transitive_tag_keys;
};

// One reason or warning of a role, with the line people read.
struct RoleNote {
  std::string code;   // a reason or warning code
  std::string text;   // the decisive statement, or what is missing
};

struct RoleDecision {
  std::string role_arn;
  std::string provider_arn;
  std::string source;                       // the IAM file the role came from ("" = none)
  bool assumable = false;
  std::vector<std::string> reasons;         // stable reason codes (docs/aws-side.md)
  std::vector<std::string> warnings;        // stable warning codes
  std::vector<std::string> unknown_keys;    // condition keys that cannot be known offline
  std::vector<RoleNote> notes;              // one per reason and warning, in order
  std::vector<ActionDecision> actions;      // each action the call needs, in order
  std::optional<long> session_seconds;      // console session length, when assumable
  std::optional<StsSession> sts;            // when assumable
};

struct Report {
  std::vector<RoleDecision> roles;
  std::vector<std::string> notes;
};

// Base64(SHA1(issuer + account + "/" + provider name)), as the STS API reference gives it.
std::string name_qualifier(std::string_view issuer, std::string_view account,
                           std::string_view provider_name);

// The context of an AssumeRoleWithSAML call for one Role pair (every key the call carries).
RequestContext saml_request_context(const Assertion& assertion, const AwsView& aws,
                                    const RolePair& pair, TimePoint now);

// Decides every Role pair of a verified assertion. Call it only with the Verdict's
// `assertion` and `aws`, which exist only when a trusted signature covers them.
Report resolve_roles(const Assertion& assertion, const AwsView& aws, const Inputs& inputs,
                     TimePoint now);

// ---- Okta's group mapping ---------------------------------------------------------------

struct OktaConfig {
  std::vector<std::string> groups;
  std::string group_filter;   // Okta syntax: (?{{accountid}}...) and (?{{role}}...)
  std::string role_pattern;   // ${accountid}, ${role}
};

// Okta's recommended Group Filter for aws#<alias>#<role>#<account> groups, and the Role
// Value Pattern of its multiple-accounts guide for a provider name.
std::string okta_default_group_filter();
std::string okta_default_role_pattern(std::string_view provider_name);

struct DroppedGroup {
  std::string group;
  std::string reason;
};

// A problem of the mapping configuration itself. Codes: "filter-captures" (a named group
// missing), "pattern-variables" (${accountid} or ${role} unused), "invalid-role-value",
// "provider-names" (more than one SAML provider name across accounts).
struct OktaProblem {
  std::string code;
  std::string message;
};

struct OktaResult {
  std::vector<std::string> expected_roles;
  std::vector<std::string> missing;      // expected but not in the assertion
  std::vector<std::string> unexpected;   // in the assertion but not expected
  std::vector<DroppedGroup> dropped_groups;
  std::vector<OktaProblem> config_problems;
};

// Reads a group list: one name per line, blank lines ignored, CR stripped.
std::vector<std::string> read_group_list(std::string_view text);

// Errors (kind Config) when the filter does not compile. Without `aws`, only what the
// configuration gives (expected roles, dropped groups, problems): done once per run.
Expected<OktaResult> resolve_okta(const OktaConfig& config, const AwsView* aws);

// The message half: `mapping` (resolve_okta without a message) with the expected roles the
// message lacks and the roles it sends that no group gives.
OktaResult compare_okta(OktaResult mapping, const AwsView& aws);

// ---- Identity Center ---------------------------------------------------------------------

struct IdentityStoreMatch {
  bool matched = false;
  std::optional<IdentityStoreUser> user;
};

// Identity Center matches the NameID against UserName (exactly: AWS documents no folding).
IdentityStoreMatch match_identity_store(const std::vector<IdentityStoreUser>& users,
                                        std::string_view name_id);

// ---- Everything asked for, per message ------------------------------------------------

// What the IAM, Okta and Identity Center options gave, read once per run.
struct Config {
  Inputs inputs;
  std::optional<OktaResult> okta;    // resolve_okta(config, nullptr): the groups' mapping, once
  std::optional<std::vector<IdentityStoreUser>> identity_store;

  bool active() const { return inputs.any_iam || okta || identity_store; }
};

// What AWS, Okta and Identity Center would make of one message. The parts are empty when
// not asked for, or when the message has no verified assertion.
struct AwsSide {
  bool verified = false;
  bool iam_asked = false, okta_asked = false, identity_store_asked = false;
  std::optional<Report> iam;
  std::optional<OktaResult> okta;
  std::optional<IdentityStoreMatch> identity_store;
};

// `assertion` and `aws`: the Verdict's (null when no trusted signature covers them).
AwsSide evaluate_aws_side(const Config& config, const Assertion* assertion, const AwsView* aws,
                          TimePoint now);

// True when --iam was given and no role of the message is assumable.
bool no_role_assumable(const AwsSide& side);

// One line for a role: the statements that allow it, or the first reason it is refused.
std::string decisive_reason(const RoleDecision& role);

// The findings (IAM0xx, OKT0xx rule IDs) of one message's AWS side.
std::vector<Finding> aws_side_findings(const AwsSide& side);

}  // namespace saml::iam
