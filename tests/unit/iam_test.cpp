// IAM stage: the AWS CLI exports, IAM's condition operators, trust policy decisions, the STS
// session, Okta's group mapping and Identity Center's user match.
#define BOOST_TEST_MODULE iam
#include <boost/test/unit_test.hpp>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fixtures.h"
#include "saml/aws.h"
#include "saml/capture.h"
#include "saml/iam.h"
#include "saml/lint.h"
#include "saml/model.h"
#include "saml/rules.h"
#include "saml/trust.h"

namespace {

using saml::iam::Tri;

const std::string kProvider = "arn:aws:iam::123456789012:saml-provider/Okta";
const std::string kRole = "arn:aws:iam::123456789012:role/Admin";
const std::string kAud = "https://signin.aws.amazon.com/saml";

saml::TimePoint at(const char* text) { return *saml::parse_xs_datetime(text); }

// The request context the operator table runs against.
saml::iam::RequestContext operator_context() {
  saml::iam::RequestContext context;
  context.set("saml:aud", {"https://us-east-1.signin.aws.amazon.com/saml"});
  context.set("saml:sub", {"alice@example.com"});
  context.set("saml:edupersonaffiliation", {"staff", "member"}, true);
  context.set("aws:TagKeys", {"Project", "CostCenter"}, true);
  context.set("aws:RequestTag/Project", {"Blue"});
  context.set("sts:RoleSessionName", {"alice"});
  context.set("aws:EpochTime", {"1714564800"});
  context.set("aws:CurrentTime", {"2024-05-01T12:00:00Z"});
  context.set("saml:uid", {"42"});
  context.set("saml:mfa", {"true"});
  context.set("saml:binary", {"QmluYXJ5"});
  context.set("saml:arn", {"arn:aws:iam::123456789012:role/path/Admin"});
  return context;
}

struct OperatorCase {
  const char* op;
  const char* key;
  std::vector<std::string> values;
  Tri expected;
};

// Each row is one IAM rule (IAM User Guide, condition operators and multivalued keys).
const std::vector<OperatorCase> kOperatorCases = {
    {"StringEquals", "saml:sub", {"alice@example.com"}, Tri::True},
    {"StringEquals", "SAML:SUB", {"alice@example.com"}, Tri::True},          // keys ignore case
    {"StringEquals", "saml:sub", {"Alice@example.com"}, Tri::False},         // values do not
    {"StringEquals", "saml:sub", {"bob", "alice@example.com"}, Tri::True},   // values: OR
    {"StringNotEquals", "saml:sub", {"bob", "carol"}, Tri::True},
    {"StringNotEquals", "saml:sub", {"bob", "alice@example.com"}, Tri::False},
    {"StringEqualsIgnoreCase", "saml:sub", {"ALICE@EXAMPLE.COM"}, Tri::True},
    {"StringNotEqualsIgnoreCase", "saml:sub", {"ALICE@EXAMPLE.COM"}, Tri::False},
    {"StringLike", "saml:aud", {"https://*.signin.aws.amazon.com/saml"}, Tri::True},
    {"StringLike", "saml:sub", {"alic?@*"}, Tri::True},
    {"StringLike", "saml:sub", {"al?@*"}, Tri::False},
    {"StringNotLike", "saml:sub", {"*@example.com"}, Tri::False},
    {"StringEquals", "saml:aud", {kAud}, Tri::False},
    // Absent keys: false, except negated operators, ...IfExists, ForAllValues and Null.
    {"StringEquals", "saml:edupersonorgdn", {"x"}, Tri::False},
    {"StringNotEquals", "saml:edupersonorgdn", {"x"}, Tri::True},
    {"StringNotLike", "saml:edupersonorgdn", {"x"}, Tri::True},
    {"StringEqualsIfExists", "saml:edupersonorgdn", {"x"}, Tri::True},
    {"StringEqualsIfExists", "saml:sub", {"x"}, Tri::False},
    {"ForAllValues:StringEquals", "saml:edupersonorgdn", {"x"}, Tri::True},
    {"ForAnyValue:StringEquals", "saml:edupersonorgdn", {"x"}, Tri::False},
    {"ForAnyValue:StringNotEquals", "saml:edupersonorgdn", {"x"}, Tri::False},
    {"Null", "saml:edupersonorgdn", {"true"}, Tri::True},
    {"Null", "saml:sub", {"true"}, Tri::False},
    {"Null", "saml:sub", {"false"}, Tri::True},
    // Multivalued keys.
    {"ForAnyValue:StringEquals", "aws:TagKeys", {"Project"}, Tri::True},
    {"ForAllValues:StringEquals", "aws:TagKeys", {"Project"}, Tri::False},
    {"ForAllValues:StringEquals", "aws:TagKeys", {"Project", "CostCenter", "Team"}, Tri::True},
    {"ForAllValues:StringLike", "saml:edupersonaffiliation", {"staff", "member"}, Tri::True},
    {"ForAllValues:StringLike", "saml:edupersonaffiliation", {"staff"}, Tri::False},
    {"ForAnyValue:StringNotEquals", "aws:TagKeys", {"Project"}, Tri::True},
    {"ForAllValues:StringNotEquals", "aws:TagKeys", {"Team"}, Tri::True},
    {"ForAllValues:StringNotEquals", "aws:TagKeys", {"Project"}, Tri::False},
    {"StringEquals", "aws:TagKeys", {"CostCenter"}, Tri::False},   // multivalued: set operators only
    // Numbers, dates, booleans, binary, ARNs, addresses.
    {"NumericEquals", "saml:uid", {"42"}, Tri::True},
    {"NumericNotEquals", "saml:uid", {"42"}, Tri::False},
    {"NumericLessThan", "saml:uid", {"43"}, Tri::True},
    {"NumericLessThanEquals", "saml:uid", {"42"}, Tri::True},
    {"NumericGreaterThan", "saml:uid", {"42"}, Tri::False},
    {"NumericGreaterThanEquals", "saml:uid", {"42.0"}, Tri::True},
    {"NumericEquals", "saml:sub", {"42"}, Tri::False},
    {"DateLessThan", "aws:CurrentTime", {"2024-06-01T00:00:00Z"}, Tri::True},
    {"DateGreaterThan", "aws:CurrentTime", {"2024-06-01"}, Tri::False},
    {"DateEquals", "aws:CurrentTime", {"1714564800"}, Tri::True},
    {"DateNotEquals", "aws:CurrentTime", {"2024-05-01T12:00:00+00:00"}, Tri::False},
    {"DateLessThanEquals", "aws:EpochTime", {"2024-05-01T12:00:00Z"}, Tri::True},
    {"DateGreaterThanEquals", "aws:EpochTime", {"1714564801"}, Tri::False},
    {"Bool", "saml:mfa", {"TRUE"}, Tri::True},
    {"Bool", "saml:mfa", {"false"}, Tri::False},
    {"BoolIfExists", "aws:MultiFactorAuthPresent", {"true"}, Tri::True},
    {"BinaryEquals", "saml:binary", {"QmluYXJ5"}, Tri::True},
    {"ArnLike", "saml:arn", {"arn:aws:iam::*:role/*"}, Tri::True},
    {"ArnEquals", "saml:arn", {"arn:aws:iam::123456789012:role/path/Admin"}, Tri::True},
    {"ArnLike", "saml:arn", {"arn:aws:s3:::*"}, Tri::False},
    {"ArnNotLike", "saml:arn", {"arn:aws:iam::999999999999:*"}, Tri::True},
    {"ArnNotEquals", "saml:arn", {"arn:aws:iam::123456789012:role/path/Admin"}, Tri::False},
    // Policy variables in string values (Version 2012-10-17).
    {"StringEquals", "sts:RoleSessionName", {"${saml:sub}"}, Tri::False},
    {"StringLike", "saml:sub", {"${sts:RoleSessionName}@*"}, Tri::True},
    {"StringEquals", "saml:sub", {"${saml:edupersonorgdn, 'alice@example.com'}"}, Tri::True},
    {"StringEquals", "saml:sub", {"${saml:edupersonorgdn}"}, Tri::False},
    {"StringLike", "saml:sub", {"alice${?}example.com"}, Tri::False},
    // Keys only the live request carries are unknown, never guessed.
    {"IpAddress", "aws:SourceIp", {"203.0.113.0/24"}, Tri::Unknown},
    {"NotIpAddress", "aws:SourceIp", {"203.0.113.0/24"}, Tri::Unknown},
    {"Null", "aws:SourceIp", {"true"}, Tri::Unknown},
    {"StringEqualsIfExists", "aws:UserAgent", {"x"}, Tri::Unknown},
    {"StringEquals", "saml:sub", {"${aws:SourceIp}"}, Tri::Unknown},
};

const char* tri_name(Tri value) {
  return value == Tri::True ? "true" : value == Tri::False ? "false" : "unknown";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(conditions)

BOOST_AUTO_TEST_CASE(operator_table) {
  const saml::iam::RequestContext context = operator_context();
  for (const OperatorCase& row : kOperatorCases) {
    const saml::iam::ClauseResult result =
        saml::iam::evaluate_clause({row.op, row.key, row.values}, context, true);
    BOOST_TEST(result.problem.empty(), row.op << " " << row.key << ": " << result.problem);
    BOOST_TEST(tri_name(result.result) == tri_name(row.expected),
               row.op << " " << row.key << " " << (row.values.empty() ? "" : row.values.front()));
  }
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_named) {
  const auto result = saml::iam::evaluate_clause({"IpAddress", "aws:SourceIp", {"10.0.0.0/8"}},
                                                 operator_context(), true);
  BOOST_TEST(result.unknown_keys == std::vector<std::string>{"aws:SourceIp"});
}

BOOST_AUTO_TEST_CASE(addresses_match_by_prefix) {
  saml::iam::RequestContext context;
  context.set("saml:ip", {"203.0.113.9"});
  context.set("saml:ip6", {"2001:db8::1"});
  auto eval = [&](const char* op, const char* key, const char* value) {
    return tri_name(saml::iam::evaluate_clause({op, key, {value}}, context, true).result);
  };
  BOOST_TEST(eval("IpAddress", "saml:ip", "203.0.113.0/24") == "true");
  BOOST_TEST(eval("IpAddress", "saml:ip", "203.0.112.0/24") == "false");
  BOOST_TEST(eval("NotIpAddress", "saml:ip", "10.0.0.0/8") == "true");
  BOOST_TEST(eval("IpAddress", "saml:ip6", "2001:db8::/32") == "true");
  BOOST_TEST(eval("IpAddress", "saml:ip6", "2001:db9::/32") == "false");
}

BOOST_AUTO_TEST_CASE(policy_variables_only_in_version_2012) {
  saml::iam::RequestContext context;
  context.set("saml:sub", {"${saml:sub}"});
  const auto literal = saml::iam::evaluate_clause({"StringEquals", "saml:sub", {"${saml:sub}"}}, context, false);
  BOOST_TEST(tri_name(literal.result) == "true");
}

BOOST_AUTO_TEST_CASE(unknown_operators_are_problems) {
  for (const char* op : {"StringLikeIgnoreCase", "NullIfExists", "ForAnyValue:Null", "Equals"}) {
    const auto result = saml::iam::evaluate_clause({op, "saml:sub", {"x"}}, operator_context(), true);
    BOOST_TEST(!result.problem.empty(), op);
  }
}

BOOST_AUTO_TEST_CASE(actions_ignore_case_and_take_wildcards) {
  BOOST_TEST(saml::iam::action_matches("sts:AssumeRoleWithSAML", "sts:AssumeRoleWithSAML"));
  BOOST_TEST(saml::iam::action_matches("STS:assumerolewithsaml", "sts:AssumeRoleWithSAML"));
  BOOST_TEST(saml::iam::action_matches("sts:Assume*", "sts:AssumeRoleWithSAML"));
  BOOST_TEST(saml::iam::action_matches("sts:?agSession", "sts:TagSession"));
  BOOST_TEST(saml::iam::action_matches("*", "sts:TagSession"));
  BOOST_TEST(!saml::iam::action_matches("sts:AssumeRole", "sts:AssumeRoleWithSAML"));
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// A verified assertion as the Verdict would carry it.
saml::Assertion assertion_for(const std::string& recipient) {
  saml::Assertion assertion;
  assertion.issuer = "http://www.okta.com/exk1";
  assertion.has_issuer = true;
  assertion.has_name_id = true;
  assertion.name_id = "alice@example.com";
  assertion.name_id_format = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
  saml::SubjectConfirmation confirmation;
  confirmation.recipient = recipient;
  confirmation.has_recipient = true;
  assertion.confirmations.push_back(confirmation);
  return assertion;
}

saml::AwsView aws_for(const std::vector<std::string>& role_values) {
  saml::AwsView aws;
  for (const std::string& value : role_values) aws.roles.push_back(*saml::parse_role_value(value));
  aws.role_session_name = "alice@example.com";
  return aws;
}

saml::iam::Inputs inputs_with(const std::string& role_json) {
  saml::iam::Inputs inputs;
  auto read = saml::iam::read_iam_export(role_json, "get-role.json", std::nullopt, inputs);
  BOOST_REQUIRE_MESSAGE(read, (read ? "" : read.error().message));
  return inputs;
}

std::string get_role(const std::string& arn, const std::string& trust, int max_session = 3600) {
  return R"({"Role": {"Path": "/", "RoleName": "x", "Arn": ")" + arn +
         R"(", "MaxSessionDuration": )" + std::to_string(max_session) +
         R"(, "AssumeRolePolicyDocument": )" + trust + "}}";
}

std::string okta_trust(const std::string& actions, const std::string& condition) {
  return R"({"Version": "2012-10-17", "Statement": [{"Sid": "Okta", "Effect": "Allow",
    "Principal": {"Federated": ")" + kProvider + R"("}, "Action": )" + actions +
         (condition.empty() ? "" : R"(, "Condition": )" + condition) + "}]}";
}

const std::string kAudCondition = R"({"StringEquals": {"SAML:aud": ")" + kAud + R"("}})";
const std::string kPair = kRole + "," + kProvider;

saml::iam::RoleDecision decide(const saml::Assertion& assertion, const saml::AwsView& aws,
                               const saml::iam::Inputs& inputs,
                               const char* now = "2024-05-01T12:00:00Z") {
  const saml::iam::Report report = saml::iam::resolve_roles(assertion, aws, inputs, at(now));
  BOOST_REQUIRE_EQUAL(report.roles.size(), 1u);
  return report.roles.front();
}

std::string reasons(const saml::iam::RoleDecision& decision) {
  std::string out;
  for (const std::string& r : decision.reasons) out += (out.empty() ? "" : ",") + r;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(decisions)

BOOST_AUTO_TEST_CASE(name_qualifier_follows_the_sts_reference) {
  // The STS API reference's own pseudocode example.
  BOOST_TEST(saml::iam::name_qualifier("https://example.com/saml", "123456789012", "MySAMLIdP") ==
             "1uAJanUnBc2XeUkHURMht+xam2c=");
}

BOOST_AUTO_TEST_CASE(assumable_role_gets_the_sts_session) {
  saml::Assertion assertion = assertion_for(kAud);
  saml::AuthnStatement authn;
  authn.session_not_on_or_after.present = true;
  authn.session_not_on_or_after.value = at("2024-05-01T12:30:00Z");
  assertion.authn_statements.push_back(authn);
  saml::AwsView aws = aws_for({kPair});
  aws.session_duration = 7200;
  aws.source_identity = "alice";
  std::string trust = okta_trust(R"("sts:AssumeRoleWithSAML")", kAudCondition);
  trust.insert(trust.rfind(']'), R"(, {"Effect": "Allow", "Principal": {"Federated": ")" + kProvider +
                                     R"("}, "Action": "sts:SetSourceIdentity"})");
  const auto inputs = inputs_with(get_role("arn:aws:iam::123456789012:role/team/Admin", trust));
  aws.roles = {*saml::parse_role_value("arn:aws:iam::123456789012:role/team/Admin," + kProvider)};
  const auto decision = decide(assertion, aws, inputs);
  BOOST_TEST(decision.assumable, reasons(decision));
  BOOST_REQUIRE(decision.sts.has_value());
  BOOST_TEST(decision.sts->assumed_role_arn ==
             "arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com");   // no path
  BOOST_TEST(decision.sts->subject_type == "persistent");
  BOOST_TEST(decision.sts->audience == kAud);
  BOOST_TEST(decision.sts->issuer == "http://www.okta.com/exk1");
  BOOST_TEST(decision.sts->source_identity.value_or("") == "alice");
  BOOST_TEST(decision.sts->name_qualifier ==
             saml::iam::name_qualifier("http://www.okta.com/exk1", "123456789012", "Okta"));
  BOOST_TEST(decision.session_seconds.value_or(0) == 1800);   // SessionNotOnOrAfter cuts 7200
  BOOST_TEST(decision.warnings.size() == 1u);                   // 7200 > MaxSessionDuration 3600
  BOOST_TEST(decision.warnings.front() == "duration-over-max");
}

BOOST_AUTO_TEST_CASE(default_session_is_an_hour_and_other_formats_keep_their_prefix) {
  saml::Assertion assertion = assertion_for(kAud);
  assertion.name_id_format = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
  const auto decision =
      decide(assertion, aws_for({kPair}), inputs_with(get_role(kRole, okta_trust(R"("sts:AssumeRoleWithSAML")", ""))));
  BOOST_TEST(decision.session_seconds.value_or(0) == 3600);
  BOOST_TEST(decision.sts->subject_type == "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
}

BOOST_AUTO_TEST_CASE(regional_endpoint_against_the_global_audience) {
  const auto decision =
      decide(assertion_for("https://eu-west-1.signin.aws.amazon.com/saml"), aws_for({kPair}),
             inputs_with(get_role(kRole, okta_trust(R"("sts:AssumeRoleWithSAML")", kAudCondition))));
  BOOST_TEST(!decision.assumable);
  BOOST_TEST(reasons(decision) == "aud-mismatch");
  BOOST_TEST(!decision.sts.has_value());
}

BOOST_AUTO_TEST_CASE(provider_acs_form_is_the_audience) {
  const std::string acs = "https://signin.aws.amazon.com/saml/acs/SAMLSPABCDEFGHIJ0123";
  const std::string condition = R"({"StringEquals": {"saml:aud": ")" + acs + R"("}})";
  const auto decision = decide(assertion_for(acs), aws_for({kPair}),
                               inputs_with(get_role(kRole, okta_trust(R"("sts:AssumeRoleWithSAML")", condition))));
  BOOST_TEST(decision.assumable, reasons(decision));
  BOOST_TEST(decision.sts->audience == acs);
}

BOOST_AUTO_TEST_CASE(session_tags_need_tagsession) {
  saml::AwsView aws = aws_for({kPair});
  aws.tags.push_back({"Project", {"Blue"}});
  const auto decision = decide(assertion_for(kAud), aws,
                               inputs_with(get_role(kRole, okta_trust(R"("sts:AssumeRoleWithSAML")", kAudCondition))));
  BOOST_TEST(reasons(decision) == "missing-tagsession");
  BOOST_TEST(decision.actions.size() == 2u);
}

BOOST_AUTO_TEST_CASE(source_identity_needs_setsourceidentity) {
  saml::AwsView aws = aws_for({kPair});
  aws.source_identity = "alice";
  const auto decision = decide(assertion_for(kAud), aws,
                               inputs_with(get_role(kRole, okta_trust(R"("sts:AssumeRoleWithSAML")", ""))));
  BOOST_TEST(reasons(decision) == "missing-setsourceidentity");
}

// One statement for both actions under SAML:aud: SetSourceIdentity never sees saml:aud.
BOOST_AUTO_TEST_CASE(setsourceidentity_does_not_see_the_audience) {
  saml::AwsView aws = aws_for({kPair});
  aws.source_identity = "alice";
  const auto decision = decide(
      assertion_for(kAud), aws,
      inputs_with(get_role(kRole, okta_trust(R"(["sts:AssumeRoleWithSAML", "sts:SetSourceIdentity"])",
                                             kAudCondition))));
  BOOST_TEST(reasons(decision) == "missing-setsourceidentity");
  BOOST_TEST((decision.actions.front().outcome == saml::iam::Outcome::Allowed));
}

BOOST_AUTO_TEST_CASE(another_provider_in_the_principal) {
  const std::string other = "arn:aws:iam::123456789012:saml-provider/OldOkta";
  std::string trust = okta_trust(R"("sts:AssumeRoleWithSAML")", "");
  trust.replace(trust.find(kProvider), kProvider.size(), other);
  const auto decision = decide(assertion_for(kAud), aws_for({kPair}), inputs_with(get_role(kRole, trust)));
  BOOST_TEST(reasons(decision) == "principal-other-provider");
}

BOOST_AUTO_TEST_CASE(action_not_allowed_and_condition_mismatch) {
  const auto wrong_action = decide(assertion_for(kAud), aws_for({kPair}),
                                   inputs_with(get_role(kRole, okta_trust(R"("sts:AssumeRole")", ""))));
  BOOST_TEST(reasons(wrong_action) == "action-not-allowed");
  const auto condition = decide(
      assertion_for(kAud), aws_for({kPair}),
      inputs_with(get_role(kRole, okta_trust(R"("sts:AssumeRoleWithSAML")",
                                             R"({"StringEquals": {"saml:sub": "bob@example.com"}})"))));
  BOOST_TEST(reasons(condition) == "condition-mismatch");
  BOOST_TEST(condition.notes.front().text.find("saml:sub") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(explicit_deny_wins) {
  const std::string trust = R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Federated": ")" + kProvider + R"("}, "Action": "sts:AssumeRoleWithSAML"},
    {"Sid": "NoAlice", "Effect": "Deny", "Principal": "*", "Action": "sts:*",
     "Condition": {"StringLike": {"saml:sub": "alice@*"}}}]})";
  const auto decision = decide(assertion_for(kAud), aws_for({kPair}), inputs_with(get_role(kRole, trust)));
  BOOST_TEST(reasons(decision) == "deny-statement");
  BOOST_TEST(decision.actions.front().decisive.find("NoAlice") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(identity_center_roles_are_reserved) {
  const std::string sso = "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef";
  const auto decision = decide(assertion_for(kAud), aws_for({sso + "," + kProvider}), saml::iam::Inputs{});
  BOOST_TEST(!decision.assumable);
  BOOST_TEST(decision.reasons.front() == "reserved-sso-role");
}

BOOST_AUTO_TEST_CASE(not_principal_is_an_invalid_trust_policy) {
  const std::string trust = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRoleWithSAML"}]})";
  const auto decision = decide(assertion_for(kAud), aws_for({kPair}), inputs_with(get_role(kRole, trust)));
  BOOST_TEST(reasons(decision) == "invalid-policy");
  BOOST_TEST(decision.notes.front().text.find("NotPrincipal") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_keys_make_the_decision_unknown) {
  const auto decision = decide(
      assertion_for(kAud), aws_for({kPair}),
      inputs_with(get_role(kRole, okta_trust(R"("sts:AssumeRoleWithSAML")",
                                             R"({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}})"))));
  BOOST_TEST(!decision.assumable);
  BOOST_TEST(reasons(decision) == "condition-unknown");
  BOOST_TEST(decision.unknown_keys == std::vector<std::string>{"aws:SourceIp"});
}

BOOST_AUTO_TEST_CASE(role_names_ignore_case) {
  const auto decision = decide(assertion_for(kAud), aws_for({"arn:aws:iam::123456789012:role/ADMIN," + kProvider}),
                               inputs_with(get_role(kRole, okta_trust(R"("sts:AssumeRoleWithSAML")", ""))));
  BOOST_TEST(decision.assumable, reasons(decision));
}

BOOST_AUTO_TEST_CASE(role_missing_from_the_exports) {
  const auto decision = decide(assertion_for(kAud), aws_for({kPair}), saml::iam::Inputs{});
  BOOST_TEST(reasons(decision) == "role-not-in-input");
}

// AWS's ABAC tutorial for SAML session tags: one statement allows AssumeRoleWithSAML and
// TagSession, requiring the tags and the audience.
BOOST_AUTO_TEST_CASE(aws_abac_tutorial_trust_policy) {
  const std::string trust = R"({"Version": "2012-10-17", "Statement": [{
    "Sid": "AllowSamlIdentityAssumeRole", "Effect": "Allow",
    "Action": ["sts:AssumeRoleWithSAML", "sts:TagSession"],
    "Principal": {"Federated": ")" + kProvider + R"("},
    "Condition": {"StringLike": {"aws:RequestTag/cost-center": "*", "aws:RequestTag/project": "*"},
                  "StringEquals": {"SAML:aud": ")" + kAud + R"("}}}]})";
  saml::AwsView aws = aws_for({kPair});
  aws.tags = {{"cost-center", {"987654"}}, {"project", {"unicorn"}}};
  BOOST_TEST(decide(assertion_for(kAud), aws, inputs_with(get_role(kRole, trust))).assumable);
  aws.tags = {{"project", {"unicorn"}}};
  BOOST_TEST(reasons(decide(assertion_for(kAud), aws, inputs_with(get_role(kRole, trust)))) ==
             "condition-mismatch");
}

// AWS's source identity example: SetSourceIdentity allowed unless the value names an admin.
BOOST_AUTO_TEST_CASE(aws_source_identity_example) {
  const std::string trust = R"({"Version": "2012-10-17", "Statement": [
    {"Sid": "SAMLProviderAssumeRoleWithSAML", "Effect": "Allow",
     "Principal": {"Federated": ")" + kProvider + R"("}, "Action": "sts:AssumeRoleWithSAML",
     "Condition": {"StringEquals": {"SAML:aud": ")" + kAud + R"("}}},
    {"Sid": "SetSourceIdentitySrcIdNotAdmin", "Effect": "Allow",
     "Principal": {"Federated": ")" + kProvider + R"("}, "Action": "sts:SetSourceIdentity",
     "Condition": {"StringNotLike": {"sts:SourceIdentity": "*admin*"}}}]})";
  saml::AwsView aws = aws_for({kPair});
  aws.source_identity = "alice";
  BOOST_TEST(decide(assertion_for(kAud), aws, inputs_with(get_role(kRole, trust))).assumable);
  aws.source_identity = "siteadmin";
  BOOST_TEST(reasons(decide(assertion_for(kAud), aws, inputs_with(get_role(kRole, trust)))) ==
             "condition-mismatch");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(exports)

BOOST_AUTO_TEST_CASE(url_encoded_trust_policy) {
  const std::string encoded =
      R"("%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Federated%22%3A%22)" +
      std::string("arn%3Aaws%3Aiam%3A%3A123456789012%3Asaml-provider%2FOkta") +
      R"(%22%7D%2C%22Action%22%3A%22sts%3AAssumeRoleWithSAML%22%7D%5D%7D")";
  const auto inputs = inputs_with(get_role(kRole, encoded));
  BOOST_REQUIRE_EQUAL(inputs.roles.size(), 1u);
  BOOST_TEST(inputs.roles.front().trust.statements.size() == 1u);
  BOOST_TEST(inputs.roles.front().max_session_duration.value_or(0) == 3600);
}

BOOST_AUTO_TEST_CASE(truncated_authorization_details_are_partial) {
  saml::iam::Inputs inputs;
  const std::string details = R"({"RoleDetailList": [{"Arn": ")" + kRole +
                              R"(", "AssumeRolePolicyDocument": )" + okta_trust(R"("sts:AssumeRoleWithSAML")", "") +
                              R"(}], "IsTruncated": true, "Marker": "abc"})";
  BOOST_REQUIRE(saml::iam::read_iam_export(details, "details.json", std::nullopt, inputs));
  BOOST_TEST(inputs.notes.size() == 1u);
  BOOST_TEST(!inputs.roles.front().max_session_duration.has_value());   // not in this export
}

BOOST_AUTO_TEST_CASE(errors_name_the_file_and_json_path) {
  saml::iam::Inputs inputs;
  auto missing = saml::iam::read_iam_export(R"({"RoleDetailList": [{"Arn": ")" + kRole + R"("}]})",
                                            "details.json", std::nullopt, inputs);
  BOOST_REQUIRE(!missing);
  BOOST_TEST(missing.error().message ==
             "details.json: $.RoleDetailList[0].AssumeRolePolicyDocument: missing");
  auto bare = saml::iam::read_iam_export(okta_trust(R"("sts:AssumeRoleWithSAML")", ""), "trust.json",
                                         std::nullopt, inputs);
  BOOST_REQUIRE(!bare);
  BOOST_TEST(bare.error().message.find("--iam-role-arn") != std::string::npos);
  BOOST_TEST(saml::iam::read_iam_export(okta_trust(R"("sts:AssumeRoleWithSAML")", ""), "trust.json",
                                        kRole, inputs).has_value());
}

BOOST_AUTO_TEST_CASE(saml_provider_and_identity_store) {
  auto provider = saml::iam::read_saml_provider(
      R"({"SAMLMetadataDocument": "<md/>", "CreateDate": "2024-01-01T00:00:00+00:00", "ValidUntil": "2124-01-01T00:00:00+00:00"})",
      "provider.json", kProvider);
  BOOST_REQUIRE(provider);
  BOOST_TEST(provider->metadata == "<md/>");
  BOOST_TEST(provider->valid_until.has_value());
  auto users = saml::iam::read_identity_store(
      R"({"Users": [{"UserId": "u-1", "UserName": "Alice@Example.com"}, {"UserId": "u-2", "UserName": "bob"}]})",
      "users.json");
  BOOST_REQUIRE(users);
  const auto match = saml::iam::match_identity_store(*users, "Alice@Example.com");
  BOOST_TEST(match.matched);
  BOOST_TEST(match.user->user_id == "u-1");
  BOOST_TEST(!saml::iam::match_identity_store(*users, "alice@example.com").matched);
  BOOST_TEST(!saml::iam::match_identity_store(*users, "carol").matched);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(okta)

BOOST_AUTO_TEST_CASE(default_mapping_of_the_multiple_accounts_guide) {
  saml::iam::OktaConfig config;
  config.groups = saml::iam::read_group_list(
      "aws#prod#Admin#123456789012\r\naws#dev#ReadOnly#210987654321\nEveryone\naws#bad#Ro le#1\n");
  config.group_filter = saml::iam::okta_default_group_filter();
  config.role_pattern = saml::iam::okta_default_role_pattern("Okta");
  const saml::AwsView aws = aws_for({kPair, "arn:aws:iam::123456789012:role/Other," + kProvider});
  auto result = saml::iam::resolve_okta(config, &aws);
  BOOST_REQUIRE(result);
  BOOST_TEST(result->expected_roles ==
             (std::vector<std::string>{
                 "arn:aws:iam::123456789012:saml-provider/Okta,arn:aws:iam::123456789012:role/Admin",
                 "arn:aws:iam::210987654321:saml-provider/Okta,arn:aws:iam::210987654321:role/ReadOnly"}));
  BOOST_TEST(result->missing.size() == 1u);
  BOOST_TEST(result->unexpected == std::vector<std::string>{"arn:aws:iam::123456789012:role/Other," + kProvider});
  BOOST_TEST(result->dropped_groups.size() == 2u);
  BOOST_TEST(result->dropped_groups[0].reason == "no-match");
  BOOST_TEST(result->config_problems.empty());
}

BOOST_AUTO_TEST_CASE(configuration_lint) {
  saml::iam::OktaConfig config;
  config.groups = {"aws#a#Admin#123456789012", "aws#b#Admin#12345"};
  config.group_filter = R"(^aws#\S+#(?{{role}}\w+)#(\d+)$)";
  config.role_pattern = "arn:aws:iam::${accountid}:saml-provider/Okta,arn:aws:iam::${accountid}:role/${role}";
  auto result = saml::iam::resolve_okta(config, nullptr);
  BOOST_REQUIRE(result);
  BOOST_TEST(!result->config_problems.empty());
  BOOST_TEST(result->dropped_groups.front().reason == "capture-missing");
  config.group_filter = "(?{{role}}[";
  BOOST_TEST(!saml::iam::resolve_okta(config, nullptr).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

// Every IAM and OKT rule of the table, through lint_capture: a fixture and AWS-side inputs
// that trigger it (lint_test.cpp leaves these areas to this test), and a clean control.
namespace {

using samltest::read_fixture;

const std::string kAdmin = "arn:aws:iam::123456789012:role/Okta-Admin";
const std::string kDevAdmin = "arn:aws:iam::210987654321:role/Okta-Admin";
const std::string kDevProvider = "arn:aws:iam::210987654321:saml-provider/Okta";

struct LintCase {
  const char* rule;
  const char* fixture;   // under fixtures/iam/ or fixtures/responses/
  saml::iam::Config config;
};

saml::iam::Config with_iam(const std::string& json, const std::optional<std::string>& role_arn = std::nullopt,
                           saml::iam::Config config = {}) {
  auto read = saml::iam::read_iam_export(json, "inline.json", role_arn, config.inputs);
  BOOST_REQUIRE_MESSAGE(read, (read ? "" : read.error().message));
  return config;
}

saml::iam::Config with_iam_file(const std::string& file, const std::optional<std::string>& role_arn = std::nullopt) {
  return with_iam(read_fixture("iam/" + file), role_arn);
}

saml::iam::Config with_okta(const std::vector<std::string>& groups, const std::string& filter,
                            const std::string& pattern) {
  saml::iam::Config config;
  config.okta = saml::iam::resolve_okta(saml::iam::OktaConfig{groups, filter, pattern}, nullptr).value();
  return config;
}

saml::iam::Config with_users(const std::vector<saml::iam::IdentityStoreUser>& users) {
  saml::iam::Config config;
  config.identity_store = users;
  return config;
}

saml::iam::Config with_provider(const std::string& arn, const char* valid_until) {
  saml::iam::Config config = with_iam_file("get-role-admin.json");
  config.inputs.providers.push_back({arn, "", at(valid_until), std::nullopt, "provider.json"});
  return config;
}

std::string okta_pattern() { return saml::iam::okta_default_role_pattern("Okta"); }

std::vector<LintCase> lint_cases() {
  const std::string assume_role = okta_trust(R"("sts:AssumeRole")", "");
  const std::string sub_condition =
      okta_trust(R"("sts:AssumeRoleWithSAML")", R"({"StringEquals": {"saml:sub": "someone@example.com"}})");
  const std::string deny = R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Federated": ")" + kProvider + R"("}, "Action": "sts:AssumeRoleWithSAML"},
    {"Effect": "Deny", "Principal": "*", "Action": "*", "Condition": {"StringLike": {"saml:sub": "jane.*"}}}]})";
  const std::vector<std::string> groups = saml::iam::read_group_list(read_fixture("iam/okta-groups.txt"));
  return {
      {"IAM001", "responses/okta-aws-signed-assertion.xml", with_iam_file("authorization-details.json")},
      {"IAM002", "responses/okta-aws-signed-assertion.xml", with_iam(assume_role, kAdmin)},
      {"IAM003", "iam/okta-regional.xml", with_iam_file("get-role-admin.json")},
      {"IAM004", "responses/okta-aws-signed-assertion.xml", with_iam(sub_condition, kAdmin)},
      {"IAM005", "responses/okta-aws-signed-assertion.xml", with_iam(deny, kAdmin)},
      {"IAM006", "iam/okta-tags-source-identity.xml", with_iam_file("trust-without-tagsession.json", kAdmin)},
      {"IAM007", "iam/okta-tags-source-identity.xml", with_iam_file("trust-without-tagsession.json", kAdmin)},
      {"IAM008", "iam/okta-reserved-sso.xml", with_iam_file("get-role-admin.json")},
      {"IAM009", "responses/okta-aws-signed-assertion.xml", with_iam_file("trust-notprincipal.json", kAdmin)},
      {"IAM010", "iam/okta-tags-source-identity.xml", with_iam_file("get-role-admin.json")},
      {"IAM011", "responses/okta-aws-signed-assertion.xml", with_iam_file("trust-source-ip.json", kAdmin)},
      {"IAM012", "responses/okta-aws-signed-assertion.xml", with_iam_file("get-role-admin.json")},
      {"IAM013", "responses/okta-aws-signed-assertion.xml", with_provider(kProvider, "2024-04-01T00:00:00Z")},
      {"IAM014", "responses/okta-aws-signed-assertion.xml", with_provider(kDevProvider, "2124-04-01T00:00:00Z")},
      {"IAM015", "responses/okta-aws-signed-assertion.xml", with_iam_file("authorization-details.json")},
      {"IAM016", "responses/okta-aws-signed-assertion.xml", with_users({{"u-2", "john.roe@example.com"}})},
      {"OKT001", "iam/okta-two-accounts.xml",
       with_okta(groups, R"(^aws\#\S+\#(?{{role}}[\w\-]+)\#\d+$)", okta_pattern())},
      {"OKT002", "iam/okta-two-accounts.xml", with_okta(groups, saml::iam::okta_default_group_filter(), okta_pattern())},
      {"OKT003", "iam/okta-two-accounts.xml",
       with_okta({"aws#prod#Admin#123456789012", "aws#prod#ReadOnly#123456789012"},
                 saml::iam::okta_default_group_filter(),
                 "arn:aws:iam::${accountid}:saml-provider/${role},arn:aws:iam::${accountid}:role/${role}")},
      {"OKT004", "responses/okta-aws-signed-assertion.xml",
       with_okta(groups, saml::iam::okta_default_group_filter(), okta_pattern())},
      {"OKT005", "responses/okta-aws-signed-assertion.xml",
       with_okta(groups, saml::iam::okta_default_group_filter(), okta_pattern())},
  };
}

// okta-two-accounts.xml with inputs under which AWS, Okta and Identity Center all agree.
saml::iam::Config clean_config() {
  const std::string trust = okta_trust(R"("sts:AssumeRoleWithSAML")", kAudCondition);
  saml::iam::Config config = with_iam(get_role(kAdmin, trust));
  std::string dev_trust = trust;
  dev_trust.replace(dev_trust.find(kProvider), kProvider.size(), kDevProvider);
  config = with_iam(get_role(kDevAdmin, dev_trust), std::nullopt, config);
  config.okta = saml::iam::resolve_okta(
                    saml::iam::OktaConfig{{"aws#prod#Okta-Admin#123456789012", "aws#dev#Okta-Admin#210987654321"},
                                          saml::iam::okta_default_group_filter(), okta_pattern()},
                    nullptr)
                    .value();
  config.identity_store = std::vector<saml::iam::IdentityStoreUser>{{"u-1", "jane.doe@example.com"}};
  return config;
}

std::vector<std::string> aws_side_rules(const char* fixture, const saml::iam::Config& config) {
  saml::TrustStore trust;
  BOOST_REQUIRE(trust.add_pem_certificates(read_fixture("keys/idp-rsa.crt"), "idp-rsa.crt"));
  saml::LintOptions options;
  options.policy.now = at("2024-05-01T12:00:00Z");
  options.aws_side = std::make_shared<const saml::iam::Config>(config);
  auto captures = saml::decode_capture(read_fixture(fixture), fixture, options.policy.capture_limits);
  BOOST_REQUIRE(captures);
  auto result = saml::lint_capture(captures->front(), trust, options);
  BOOST_REQUIRE(result);
  BOOST_REQUIRE(result->aws_side.has_value());
  std::vector<std::string> rules;
  for (const saml::Finding& finding : result->findings) {
    const std::string area = finding.rule_id.substr(0, 3);
    if (area == "IAM" || area == "OKT") rules.push_back(finding.rule_id);
  }
  return rules;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lint_rules)

BOOST_AUTO_TEST_CASE(every_iam_and_okt_rule_is_triggered) {
  std::set<std::string> covered;
  for (const LintCase& c : lint_cases()) {
    const std::vector<std::string> rules = aws_side_rules(c.fixture, c.config);
    BOOST_TEST(std::count(rules.begin(), rules.end(), c.rule) >= 1,
               c.rule << " not reported for " << c.fixture << " (found: " << joined(rules) << ")");
    covered.insert(c.rule);
  }
  for (const saml::Rule& rule : saml::all_rules()) {
    const std::string id(rule.id);
    if (id.rfind("IAM", 0) == 0 || id.rfind("OKT", 0) == 0) {
      BOOST_TEST(covered.count(id) == 1u, id << " has no case");
    }
  }
}

BOOST_AUTO_TEST_CASE(clean_control_reports_nothing) {
  const std::vector<std::string> rules = aws_side_rules("iam/okta-two-accounts.xml", clean_config());
  BOOST_TEST(rules.empty(), joined(rules));
}

BOOST_AUTO_TEST_SUITE_END()
