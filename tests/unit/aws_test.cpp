// AWS stage: the IAM ARN grammar, Role values, the AWS view's findings, sign-in endpoints.
#define BOOST_TEST_MODULE aws
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "saml/aws.h"
#include "saml/aws_endpoints.h"
#include "saml/model.h"
#include "saml/policy.h"
#include "saml/profile.h"
#include "saml/xml.h"
#include "model_nodes.h"
#include "saml_support.h"

namespace {

using samltest::contains;

const std::string kAccount = "123456789012";
const std::string kRole = "arn:aws:iam::123456789012:role/Okta-Admin";
const std::string kProvider = "arn:aws:iam::123456789012:saml-provider/Okta";

std::string role_arn(const std::string& resource_tail) {
  return "arn:aws:iam::123456789012:role/" + resource_tail;
}
std::string provider_arn(const std::string& name) {
  return "arn:aws:iam::123456789012:saml-provider/" + name;
}

// Parses `text`, which must fail; returns the error message (empty if it parsed).
std::string arn_error(const std::string& text) {
  const saml::Expected<saml::Arn> arn = saml::parse_iam_arn(text);
  BOOST_CHECK_MESSAGE(!arn, "expected '" << text << "' to be rejected");
  return arn ? std::string() : arn.error().message;
}


}  // namespace

BOOST_AUTO_TEST_SUITE(arn_grammar)

BOOST_AUTO_TEST_CASE(role_without_path) {
  const auto arn = saml::parse_iam_arn(kRole);
  BOOST_REQUIRE_MESSAGE(arn, "plain role ARN should parse");
  BOOST_TEST(arn->partition == "aws");
  BOOST_TEST(arn->account == kAccount);
  BOOST_TEST((arn->kind == saml::ArnKind::Role));
  BOOST_TEST(arn->path == "/");
  BOOST_TEST(arn->name == "Okta-Admin");
}

BOOST_AUTO_TEST_CASE(role_with_paths) {
  const auto one = saml::parse_iam_arn(role_arn("engineering/Okta-ReadOnly"));
  BOOST_REQUIRE_MESSAGE(one, "role with a one-level path should parse");
  BOOST_TEST(one->path == "/engineering/");
  BOOST_TEST(one->name == "Okta-ReadOnly");

  const auto deep = saml::parse_iam_arn(role_arn("a/b:c/d!~/Name"));
  BOOST_REQUIRE_MESSAGE(deep, "path with any of U+0021-U+007E should parse");
  BOOST_TEST(deep->path == "/a/b:c/d!~/");
  BOOST_TEST(deep->name == "Name");
}

BOOST_AUTO_TEST_CASE(partitions) {
  for (const std::string partition : {"aws", "aws-us-gov", "aws-cn"}) {
    const auto arn = saml::parse_iam_arn("arn:" + partition + ":iam::123456789012:role/R");
    BOOST_REQUIRE_MESSAGE(arn, "partition " << partition << " should be accepted");
    BOOST_TEST(arn->partition == partition);
  }
  for (const std::string partition : {"aws-iso", "AWS", "", "aws ", "aws-cn-north"}) {
    const std::string message = arn_error("arn:" + partition + ":iam::123456789012:role/R");
    BOOST_TEST(contains(message, "partition '" + partition + "' at position 5"),
               "partition '" << partition << "': " << message);
  }
}

BOOST_AUTO_TEST_CASE(saml_provider) {
  const auto arn = saml::parse_iam_arn(kProvider);
  BOOST_REQUIRE_MESSAGE(arn, "provider ARN should parse");
  BOOST_TEST((arn->kind == saml::ArnKind::SamlProvider));
  BOOST_TEST(arn->name == "Okta");
  BOOST_TEST(arn->path == "/");
}

BOOST_AUTO_TEST_CASE(role_name_length_boundaries) {
  BOOST_TEST(saml::parse_iam_arn(role_arn("R")).has_value(), "1-char role name");
  BOOST_TEST(saml::parse_iam_arn(role_arn(std::string(64, 'a'))).has_value(), "64-char role name");
  const std::string message = arn_error(role_arn(std::string(65, 'a')));
  BOOST_TEST(contains(message, "role name is 65 characters long"), "65 chars: " << message);
  BOOST_TEST(contains(arn_error(role_arn("")), "role name is empty"), "empty role name");
  BOOST_TEST(contains(arn_error(role_arn("engineering/")), "role name is empty"),
             "path without a name");
}

BOOST_AUTO_TEST_CASE(role_name_characters) {
  BOOST_TEST(saml::parse_iam_arn(role_arn("aZ09_+=,.@-")).has_value(), "every allowed class");
  const std::string space = arn_error(role_arn("Okta Admin"));
  // "arn:aws:iam::123456789012:role/" is 31 bytes; the space is the 36th.
  BOOST_TEST(contains(space, "role name has invalid character ' ' at position 36"), space);
  BOOST_TEST(contains(arn_error(role_arn("a:b")), "invalid character ':'"), "colon in name");
  BOOST_TEST(contains(arn_error(role_arn("a*b")), "invalid character '*'"), "star in name");
}

// Every byte against the sets IAM documents, written out here independently of the tables
// the parser uses: [\w+=,.@-] for role names, [\w.-] for saml-provider names.
BOOST_AUTO_TEST_CASE(name_characters_byte_by_byte) {
  const std::string alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const std::string role_allowed = alnum + "_+=,.@-";
  const std::string provider_allowed = alnum + "_.-";
  int checked = 0;
  for (int byte = 0; byte < 256; ++byte) {
    const char c = static_cast<char>(byte);
    if (c == '/') continue;  // the path separator: never part of a name
    const std::string name = std::string("a") + c + "z";
    const bool role_ok = saml::parse_iam_arn(role_arn(name)).has_value();
    const bool provider_ok = saml::parse_iam_arn("arn:aws:iam::123456789012:saml-provider/" + name).has_value();
    BOOST_TEST(role_ok == (role_allowed.find(c) != std::string::npos), "role name byte " << byte);
    BOOST_TEST(provider_ok == (provider_allowed.find(c) != std::string::npos), "provider name byte " << byte);
    ++checked;
  }
  BOOST_TEST(checked == 255);
}

BOOST_AUTO_TEST_CASE(non_ascii_is_rejected) {
  const std::string name_message = arn_error(role_arn("Okta-\xC3\x84" "dmin"));
  BOOST_TEST(contains(name_message, "byte 0xC3 at position 37"), "UTF-8 name: " << name_message);
  const std::string path_message = arn_error(role_arn("\xE2\x80\x8B/Admin"));
  BOOST_TEST(contains(path_message, "role path has invalid character byte 0xE2"),
             "UTF-8 path: " << path_message);
  const std::string account_message = arn_error("arn:aws:iam::12345678901\xD9\xA1:role/R");
  BOOST_TEST(contains(account_message, "account"), "non-ASCII digit: " << account_message);
  BOOST_TEST(contains(arn_error(role_arn("Admin\n")), "byte 0x0A"), "newline in name");
}

BOOST_AUTO_TEST_CASE(path_rules) {
  // IAM's path pattern is "/" or "/" + one or more of U+0021-U+007E + "/".
  BOOST_TEST(contains(arn_error(role_arn("/Admin")), "role path '//' has an empty segment"),
             "empty path segment");
  BOOST_TEST(saml::parse_iam_arn(role_arn("a//b/Admin")).has_value(),
             "inner '/' is within U+0021-U+007E");
  BOOST_TEST(contains(arn_error(role_arn("eng ineering/Admin")),
                      "role path has invalid character ' '"),
             "space in path");
  const std::string max_path(510, 'p');  // + two slashes = 512
  BOOST_TEST(saml::parse_iam_arn(role_arn(max_path + "/Admin")).has_value(), "512-char path");
  const std::string message = arn_error(role_arn(max_path + "p/Admin"));
  BOOST_TEST(contains(message, "role path is 513 characters long"), "513-char path: " << message);
}

BOOST_AUTO_TEST_CASE(account_rules) {
  const std::string eleven = arn_error("arn:aws:iam::12345678901:role/R");
  BOOST_TEST(contains(eleven, "account '12345678901' at position 14 has 11 characters"), eleven);
  const std::string thirteen = arn_error("arn:aws:iam::1234567890123:role/R");
  BOOST_TEST(contains(thirteen, "has 13 characters"), thirteen);
  const std::string letter = arn_error("arn:aws:iam::12345678901x:role/R");
  BOOST_TEST(contains(letter, "account has invalid character 'x' at position 25"), letter);
  BOOST_TEST(contains(arn_error("arn:aws:iam:::role/R"), "has 0 characters"), "empty account");
}

BOOST_AUTO_TEST_CASE(overall_shape) {
  BOOST_TEST(contains(arn_error(""), "empty"), "empty text");
  BOOST_TEST(contains(arn_error("ARN:aws:iam::123456789012:role/R"), "does not start with 'arn:'"),
             "upper-case prefix");
  BOOST_TEST(contains(arn_error("arn:aws:iam"), "too few"), "truncated ARN");
  BOOST_TEST(contains(arn_error("arn:aws:sts::123456789012:role/R"), "service 'sts' at position 9"),
             "wrong service");
  BOOST_TEST(contains(arn_error("arn:aws:iam:us-east-1:123456789012:role/R"), "region 'us-east-1'"),
             "non-empty region");
  BOOST_TEST(contains(arn_error("arn:aws:iam::123456789012:user/bob"), "resource 'user/bob'"),
             "user resource");
  BOOST_TEST(contains(arn_error("arn:aws:iam::123456789012:role"), "resource 'role'"),
             "role without slash");
  BOOST_TEST(contains(arn_error(" " + kRole), "does not start with 'arn:'"), "leading space");
}

BOOST_AUTO_TEST_CASE(provider_name_rules) {
  BOOST_TEST(saml::parse_iam_arn(provider_arn(std::string(128, 'p'))).has_value(), "128 chars");
  BOOST_TEST(contains(arn_error(provider_arn(std::string(129, 'p'))), "is 129 characters long"),
             "129 chars");
  BOOST_TEST(saml::parse_iam_arn(provider_arn("Okta_Prod.v2-x")).has_value(), "allowed classes");
  for (const std::string bad : {"Okta/Prod", "okta@example", "Okta+", "Okta,x", "Ok ta"}) {
    const std::string message = arn_error(provider_arn(bad));
    BOOST_TEST(contains(message, "saml-provider name has invalid character"),
               "provider '" << bad << "': " << message);
  }
  BOOST_TEST(contains(arn_error(provider_arn("")), "saml-provider name is empty"), "empty name");
}

BOOST_AUTO_TEST_CASE(to_string_round_trip) {
  const std::vector<std::string> inputs = {
      kRole,
      kProvider,
      role_arn("engineering/Okta-ReadOnly"),
      role_arn("a/b/c/" + std::string(64, 'n')),
      "arn:aws-us-gov:iam::000000000000:role/Gov",
      "arn:aws-cn:iam::999999999999:saml-provider/a.b_c-d",
  };
  for (const std::string& input : inputs) {
    const auto arn = saml::parse_iam_arn(input);
    BOOST_REQUIRE_MESSAGE(arn, "should parse: " << input);
    BOOST_TEST(arn->to_string() == input, "round trip of " << input);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(role_value)

BOOST_AUTO_TEST_CASE(provider_first_okta_order) {
  const auto pair = saml::parse_role_value(kProvider + "," + kRole);
  BOOST_REQUIRE_MESSAGE(pair, "provider,role should parse");
  BOOST_TEST(pair->provider_first);
  BOOST_TEST(!pair->trimmed);
  BOOST_TEST(pair->role.name == "Okta-Admin");
  BOOST_TEST(pair->provider.name == "Okta");
  BOOST_TEST(pair->raw == kProvider + "," + kRole);
}

BOOST_AUTO_TEST_CASE(role_first_order) {
  const auto pair = saml::parse_role_value(kRole + "," + kProvider);
  BOOST_REQUIRE_MESSAGE(pair, "role,provider should parse");
  BOOST_TEST(!pair->provider_first);
  BOOST_TEST(pair->role.to_string() == kRole);
  BOOST_TEST(pair->provider.to_string() == kProvider);
}

BOOST_AUTO_TEST_CASE(whitespace_is_trimmed_and_flagged) {
  const std::string raw = "  " + kProvider + " ,\n\t" + kRole + "\r\n";
  const auto pair = saml::parse_role_value(raw);
  BOOST_REQUIRE_MESSAGE(pair, "whitespace around ARNs should be trimmed");
  BOOST_TEST(pair->trimmed);
  BOOST_TEST(pair->raw == raw);
  BOOST_TEST(pair->role.to_string() == kRole);
  BOOST_TEST(saml::parse_role_value(kProvider + "," + kRole + " ")->trimmed, "trailing space");
}

BOOST_AUTO_TEST_CASE(shape_errors) {
  struct Case {
    std::string value;
    saml::ErrorCode code;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      {kRole, saml::ErrorCode::AwsRoleShape, "found only a role ARN"},
      {kProvider, saml::ErrorCode::AwsRoleShape, "found only a saml-provider ARN"},
      {"nonsense", saml::ErrorCode::AwsRoleShape, "found no comma in 'nonsense'"},
      {"", saml::ErrorCode::AwsRoleShape, "empty"},
      {kRole + "," + role_arn("Other"), saml::ErrorCode::AwsRoleShape, "found two role ARNs"},
      {kProvider + "," + provider_arn("Other"), saml::ErrorCode::AwsRoleShape, "found two saml-provider ARNs"},
      {kProvider + "," + kRole + "," + kRole, saml::ErrorCode::AwsRoleShape, "found 3 comma-separated parts"},
      {kProvider + ",", saml::ErrorCode::AwsRoleShape, "empty ARN after the comma"},
      {" ," + kRole, saml::ErrorCode::AwsRoleShape, "empty ARN before the comma"},
      {"foo,bar", saml::ErrorCode::AwsRoleShape, "neither a role nor a saml-provider ARN"},
      {kProvider + ",arn:aws:iam::12345678901:role/R", saml::ErrorCode::AwsRoleRoleArn, "account"},
      {kProvider + ",garbage", saml::ErrorCode::AwsRoleRoleArn, "role ARN 'garbage' is invalid"},
      {kRole + "," + provider_arn("a@b"), saml::ErrorCode::AwsRoleProviderArn, "saml-provider ARN"},
      {provider_arn("a@b") + "," + role_arn("a b"), saml::ErrorCode::AwsRoleRoleArn, "is invalid too"},
  };
  for (const Case& c : cases) {
    const auto pair = saml::parse_role_value(c.value);
    BOOST_REQUIRE_MESSAGE(!pair, "should be rejected: '" << c.value << "'");
    BOOST_TEST(pair.error().code == c.code, "code for '" << c.value << "'");
    BOOST_TEST(contains(pair.error().message, c.message_part),
               "message for '" << c.value << "': " << pair.error().message);
  }
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

saml::NodeRef value_location(int line) {
  return samltest::node_at("/Response/Assertion/AttributeStatement/Attribute/AttributeValue", line);
}

saml::Attribute make_attribute(std::string_view name, const std::vector<std::string>& values,
                               int first_line = 10) {
  saml::Attribute attr;
  attr.name = std::string(name);
  attr.where = samltest::node_at("/Response/Assertion/AttributeStatement/Attribute", first_line - 1);
  for (std::size_t i = 0; i < values.size(); ++i) {
    attr.values.push_back(values[i]);
    attr.value_locations.push_back(value_location(first_line + static_cast<int>(i)));
  }
  return attr;
}

// An assertion with the attributes Okta sends for the AWS app.
saml::Assertion okta_assertion() {
  saml::Assertion assertion;
  assertion.where = samltest::node_at("/Response/Assertion", 1);
  assertion.attributes = {
      make_attribute(saml::aws_attr::role,
                     {kProvider + "," + kRole,
                      kProvider + "," + role_arn("engineering/Okta-ReadOnly")},
                     10),
      make_attribute(saml::aws_attr::role_session_name, {"jane.doe@example.com"}, 20),
      make_attribute(saml::aws_attr::session_duration, {"3600"}, 30),
  };
  return assertion;
}

saml::Attribute& attribute_named(saml::Assertion& assertion, std::string_view name) {
  for (saml::Attribute& attr : assertion.attributes) {
    if (attr.name == name) return attr;
  }
  BOOST_FAIL("test assertion lacks attribute " << name);
  throw std::logic_error("unreachable");
}

std::vector<std::string> rule_ids(const std::vector<saml::Finding>& findings) {
  std::vector<std::string> ids;
  for (const saml::Finding& f : findings) ids.push_back(f.rule_id);
  return ids;
}

std::vector<saml::Finding> findings_for(const saml::Assertion& assertion) {
  std::vector<saml::Finding> findings;
  saml::read_aws_view(assertion, findings);
  return findings;
}

void set_values(saml::Assertion& assertion, std::string_view name,
                const std::vector<std::string>& values) {
  saml::Attribute& attr = attribute_named(assertion, name);
  attr = make_attribute(name, values, attr.where.location().line + 1);
}

void check_rules(const saml::Assertion& assertion, const std::vector<std::string>& expected,
                 const std::string& what) {
  const std::vector<std::string> actual = rule_ids(findings_for(assertion));
  BOOST_TEST(actual == expected, what);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(aws_view)

BOOST_AUTO_TEST_CASE(okta_attributes_give_a_clean_view) {
  std::vector<saml::Finding> findings;
  const saml::AwsView view = saml::read_aws_view(okta_assertion(), findings);
  BOOST_TEST(findings.empty(), "Okta's attributes should give no findings");
  BOOST_REQUIRE_EQUAL(view.roles.size(), 2u);
  BOOST_TEST(view.roles[1].role.path == "/engineering/");
  BOOST_TEST(view.roles[0].provider_first);
  BOOST_TEST(view.role_session_name.value_or("") == "jane.doe@example.com");
  BOOST_TEST(view.session_duration.value_or(0) == 3600);
  BOOST_TEST(view.tags.empty());
  BOOST_TEST(!view.source_identity.has_value());
}

BOOST_AUTO_TEST_CASE(role_attribute_missing_or_empty) {
  saml::Assertion assertion = okta_assertion();
  set_values(assertion, saml::aws_attr::role, {});
  check_rules(assertion, {"AWS001"}, "Role with no values");
  assertion.attributes.erase(assertion.attributes.begin());
  const auto findings = findings_for(assertion);
  BOOST_REQUIRE_EQUAL(findings.size(), 1u);
  BOOST_TEST(findings[0].rule_id == "AWS001", "no Role attribute");
  BOOST_TEST(findings[0].where.element == "/Response/Assertion", "AWS001 points at the assertion");
}

BOOST_AUTO_TEST_CASE(role_value_findings_by_rule) {
  struct Case {
    std::string value;
    std::vector<std::string> rules;
  };
  const std::vector<Case> cases = {
      {kRole, {"AWS002"}},
      {kRole + "," + role_arn("Other"), {"AWS002"}},
      {kProvider + ",arn:aws:iam::12345678901:role/R", {"AWS003"}},
      {kProvider + "," + role_arn("Okta Admin"), {"AWS003"}},
      {provider_arn("Okta/Prod") + "," + kRole, {"AWS004"}},
      {kProvider + ",arn:aws-cn:iam::123456789012:role/R", {"AWS005"}},
      {kProvider + ",arn:aws:iam::210987654321:role/R", {"AWS006"}},
      {kProvider + ", " + kRole, {"AWS007"}},
      {kProvider + ",  arn:aws-cn:iam::210987654321:role/R ", {"AWS005", "AWS006", "AWS007"}},
  };
  for (const Case& c : cases) {
    saml::Assertion assertion = okta_assertion();
    set_values(assertion, saml::aws_attr::role, {kProvider + "," + kRole, c.value});
    const auto findings = findings_for(assertion);
    BOOST_TEST(rule_ids(findings) == c.rules, "rules for Role value '" << c.value << "'");
    for (const saml::Finding& f : findings) {
      BOOST_TEST(f.where.line == 11, "location of the second value for '" << c.value << "'");
      BOOST_TEST(contains(f.message, "'" + c.value + "'"), "message quotes '" << c.value << "'");
    }
  }
}

BOOST_AUTO_TEST_CASE(messages_stay_on_one_line) {
  saml::Assertion assertion = okta_assertion();
  set_values(assertion, saml::aws_attr::role, {kProvider + ",\n\t" + kRole + "\r\n"});
  const auto findings = findings_for(assertion);
  BOOST_REQUIRE_EQUAL(findings.size(), 1u);
  BOOST_TEST(findings[0].message.find_first_of("\r\n\t") == std::string::npos,
             "control characters are escaped: " << findings[0].message);
  BOOST_TEST(contains(findings[0].message, ",\\x0a\\x09"), "escaped as \\xNN");
  const std::string control = arn_error(role_arn("A\x01"));
  BOOST_TEST(contains(control, "invalid character byte 0x01 at position 33"), control);
  const std::string leading = arn_error("\n" + kRole);
  BOOST_TEST(contains(leading, "'\\x0aarn:aws:iam::"), "escaped newline: " << leading);
  BOOST_TEST(leading.find('\n') == std::string::npos, "no raw newline: " << leading);
}

BOOST_AUTO_TEST_CASE(warnings_keep_the_pair) {
  saml::Assertion assertion = okta_assertion();
  set_values(assertion, saml::aws_attr::role, {kProvider + ",arn:aws:iam::210987654321:role/R"});
  std::vector<saml::Finding> findings;
  const saml::AwsView view = saml::read_aws_view(assertion, findings);
  BOOST_REQUIRE_EQUAL(findings.size(), 1u);
  BOOST_TEST((findings[0].severity == saml::Severity::Warning), "AWS006 is a warning");
  BOOST_TEST(view.roles.size() == 1u, "a cross-account pair stays in the view");
}

BOOST_AUTO_TEST_CASE(role_session_name_rules) {
  struct Case {
    std::vector<std::string> values;
    std::vector<std::string> rules;
  };
  const std::vector<Case> cases = {
      {{}, {"AWS008"}},
      {{"jane", "john"}, {"AWS008"}},
      {{"Jane Doe"}, {"AWS009"}},
      {{"j"}, {"AWS009"}},
      {{"jd"}, {}},
      {{std::string(64, 'j')}, {}},
      {{std::string(65, 'j')}, {"AWS009"}},
      {{"a_+=,.@-Z9"}, {}},
      {{"jane/doe"}, {"AWS009"}},
      {{"j\xC3\xA4ne"}, {"AWS009"}},
  };
  for (const Case& c : cases) {
    saml::Assertion assertion = okta_assertion();
    set_values(assertion, saml::aws_attr::role_session_name, c.values);
    const std::string what = c.values.empty() ? std::string("no values") : c.values.front();
    check_rules(assertion, c.rules, "RoleSessionName " + what);
  }
}

BOOST_AUTO_TEST_CASE(role_session_name_missing_or_repeated_attribute) {
  saml::Assertion assertion = okta_assertion();
  assertion.attributes.push_back(make_attribute(saml::aws_attr::role_session_name, {"other"}, 40));
  check_rules(assertion, {"AWS008"}, "two RoleSessionName attributes");
  saml::Assertion missing = okta_assertion();
  missing.attributes.erase(missing.attributes.begin() + 1);
  check_rules(missing, {"AWS008"}, "no RoleSessionName attribute");
}

BOOST_AUTO_TEST_CASE(session_duration_rules) {
  struct Case {
    std::vector<std::string> values;
    bool valid;
  };
  const std::vector<Case> cases = {
      {{"900"}, true},   {{"43200"}, true},   {{"899"}, false},  {{"43201"}, false},
      {{"1h"}, false},   {{"+3600"}, false},  {{" 3600"}, false}, {{"3600 "}, false},
      {{"-900"}, false}, {{""}, false},       {{"0"}, false},     {{"3600.0"}, false},
      {{"99999999999999999999999999"}, false}, {{"3600", "3600"}, false}, {{}, false},
  };
  for (const Case& c : cases) {
    saml::Assertion assertion = okta_assertion();
    set_values(assertion, saml::aws_attr::session_duration, c.values);
    const std::string what = c.values.empty() ? std::string("no values") : c.values.front();
    const std::vector<std::string> expected =
        c.valid ? std::vector<std::string>{} : std::vector<std::string>{"AWS010"};
    check_rules(assertion, expected, "SessionDuration '" + what + "'");
  }
  saml::Assertion absent = okta_assertion();
  absent.attributes.pop_back();
  std::vector<saml::Finding> findings;
  BOOST_TEST(!saml::read_aws_view(absent, findings).session_duration.has_value());
  BOOST_TEST(findings.empty(), "SessionDuration is optional");
}

BOOST_AUTO_TEST_CASE(tags_and_source_identity) {
  saml::Assertion assertion = okta_assertion();
  assertion.attributes.push_back(make_attribute(
      std::string(saml::aws_attr::principal_tag_prefix) + "Department", {"Engineering"}, 50));
  assertion.attributes.push_back(make_attribute(
      std::string(saml::aws_attr::principal_tag_prefix) + "CostCenter", {"12", "34"}, 60));
  assertion.attributes.push_back(
      make_attribute(saml::aws_attr::transitive_tag_keys, {"Department", "CostCenter"}, 70));
  assertion.attributes.push_back(make_attribute(saml::aws_attr::source_identity, {"jane"}, 80));
  std::vector<saml::Finding> findings;
  const saml::AwsView view = saml::read_aws_view(assertion, findings);
  BOOST_TEST(findings.empty());
  BOOST_REQUIRE_EQUAL(view.tags.size(), 2u);
  BOOST_TEST(view.tags[0].key == "Department");
  BOOST_TEST(view.tags[0].values == std::vector<std::string>{"Engineering"});
  BOOST_TEST(view.tags[1].values.size() == 2u);
  BOOST_TEST(view.transitive_tag_keys == (std::vector<std::string>{"Department", "CostCenter"}));
  BOOST_TEST(view.source_identity.value_or("") == "jane");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(profile_detection)

// An Assertion naming `audiences` and one bearer Recipient, under a Response with `destination`.
struct Endpoints {
  saml::Assertion assertion;
  saml::Response response;
  Endpoints(std::vector<std::string> audiences, std::string recipient, std::string destination) {
    saml::AudienceRestriction restriction;
    restriction.audiences = std::move(audiences);
    assertion.conditions.audience_restrictions.push_back(restriction);
    saml::SubjectConfirmation confirmation;
    confirmation.has_recipient = true;
    confirmation.recipient = std::move(recipient);
    assertion.confirmations.push_back(confirmation);
    response.has_destination = true;
    response.destination = std::move(destination);
  }
};

BOOST_AUTO_TEST_CASE(identity_center_anywhere_decides_else_the_first_aws_endpoint) {
  const std::string acs = "https://us-east-1.signin.aws/platform/saml/acs/0123abcd";
  const Endpoints after_aws({"urn:amazon:webservices"}, "https://sp.example.com/acs", acs);
  const saml::DetectedProfile center = saml::detect_profile(&after_aws.assertion, &after_aws.response);
  BOOST_TEST((center.profile == saml::Profile::AwsIdentityCenter), center.reason);
  BOOST_TEST(center.reason == "detected: IAM Identity Center Destination " + acs);

  const Endpoints aws({"https://sp.example.com"}, "https://signin.aws.amazon.com/saml",
                      "https://us-east-1.signin.aws.amazon.com/saml");
  const saml::DetectedProfile first = saml::detect_profile(&aws.assertion, &aws.response);
  BOOST_TEST((first.profile == saml::Profile::Aws), first.reason);
  BOOST_TEST(first.reason == "detected: AWS Recipient https://signin.aws.amazon.com/saml");

  const Endpoints none({"https://sp.example.com"}, "https://sp.example.com/acs", "https://sp.example.com/acs");
  const saml::DetectedProfile neither = saml::detect_profile(&none.assertion, &none.response);
  BOOST_TEST((neither.profile == saml::Profile::Aws));
  BOOST_TEST(contains(neither.reason, "default: no AWS or Identity Center endpoint found"), neither.reason);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(policy_defaults)

BOOST_AUTO_TEST_CASE(default_audiences) {
  // One table: lint's partition list had cn-northwest-1 and the defaults did not (issue 18).
  const std::vector<std::string> expected = {
      "urn:amazon:webservices", "https://signin.aws.amazon.com/saml",
      "urn:amazon:webservices:govcloud", "urn:amazon:webservices:cn-north-1",
      "urn:amazon:webservices:cn-northwest-1"};
  BOOST_TEST(saml::default_aws_audiences() == expected);
}

BOOST_AUTO_TEST_CASE(signin_endpoints) {
  for (const std::string url : {"https://signin.aws.amazon.com/saml",
                                "https://us-east-1.signin.aws.amazon.com/saml",
                                "https://ap-southeast-2.signin.aws.amazon.com/saml",
                                "https://eu-central-1.signin.aws.amazon.com/saml",
                                "https://signin.amazonaws-us-gov.com/saml",
                                "https://us-gov-west-1.signin.amazonaws-us-gov.com/saml",
                                "https://signin.amazonaws.cn/saml",
                                "https://cn-northwest-1.signin.amazonaws.cn/saml"}) {
    BOOST_TEST(saml::is_aws_signin_endpoint(url), "should accept " << url);
  }
  for (const std::string url : {"https://signin.aws.amazon.com/saml/",
                                "http://signin.aws.amazon.com/saml",
                                "https://signin.aws.amazon.com/saml?x=1",
                                "https://signin.aws.amazon.com/SAML",
                                "https://SIGNIN.aws.amazon.com/saml",
                                "https://signin.aws.amazon.com",
                                "https://signin.aws.amazon.com/saml ",
                                " https://signin.aws.amazon.com/saml",
                                "https://signin.aws.amazon.com.evil.example/saml",
                                "https://evil.example/https://signin.aws.amazon.com/saml",
                                "https://evil.signin.aws.amazon.com/saml",
                                "https://US-EAST-1.signin.aws.amazon.com/saml",
                                "https://us-east-1.evil.signin.aws.amazon.com/saml",
                                "https://us-east.signin.aws.amazon.com/saml",
                                "https://east-1.signin.aws.amazon.com/saml",
                                "https://us--east-1.signin.aws.amazon.com/saml",
                                "https://-us-east-1.signin.aws.amazon.com/saml",
                                "https://us-east-1-.signin.aws.amazon.com/saml",
                                "https://.signin.aws.amazon.com/saml",
                                "https://us-east-1.signin.aws.amazon.com/saml/",
                                "https://signin.amazonaws.cn/saml/",
                                "https://sp.example.com/acs", "",
                                // made-up regions and regions of another partition
                                "https://xx-east-1.signin.aws.amazon.com/saml",
                                "https://moon-base-1.signin.aws.amazon.com/saml",
                                "https://us-gov-west-1.signin.aws.amazon.com/saml",
                                "https://cn-north-1.signin.aws.amazon.com/saml",
                                "https://us-east-1.signin.amazonaws.cn/saml",
                                "https://us-east-1.signin.amazonaws-us-gov.com/saml",
                                "https://signin.aws.amazon.com:443/saml"}) {
    BOOST_TEST(!saml::is_aws_signin_endpoint(url), "should refuse '" << url << "'");
  }
}

BOOST_AUTO_TEST_CASE(provider_specific_acs_urls) {
  for (const std::string url : {"https://us-east-1.signin.aws.amazon.com/saml/acs/SAMLSPABCDEFGHIJKLMNOP",
                                "https://signin.aws.amazon.com/saml/acs/SAMLSP0123456789ABCDEF",
                                "https://eu-west-2.signin.aws.amazon.com/saml/acs/SAMLSPX",
                                "https://signin.amazonaws-us-gov.com/saml/acs/SAMLSPABC123"}) {
    BOOST_TEST(saml::is_aws_provider_acs_url(url), "should accept " << url);
    BOOST_TEST(saml::is_aws_signin_endpoint(url), "a provider ACS URL is a sign-in endpoint: " << url);
  }
  for (const std::string& url : {std::string("https://us-east-1.signin.aws.amazon.com/saml/acs/"),
                                std::string("https://us-east-1.signin.aws.amazon.com/saml/acs/SAMLSP"),
                                std::string("https://us-east-1.signin.aws.amazon.com/saml/acs/samlspabc"),
                                std::string("https://us-east-1.signin.aws.amazon.com/saml/acs/SAMLSPabc"),
                                std::string("https://us-east-1.signin.aws.amazon.com/saml/acs/SAMLSPABC/"),
                                std::string("https://us-east-1.signin.aws.amazon.com/saml/acs/SAMLSPABC?x=1"),
                                std::string("https://us-east-1.signin.aws.amazon.com/saml/acs/SAMLSP-ABC"),
                                std::string("https://us-east-1.signin.aws.amazon.com/acs/SAMLSPABC"),
                                std::string("https://us-east-1.signin.aws.amazon.com/saml/ACS/SAMLSPABC"),
                                std::string("https://evil.example/saml/acs/SAMLSPABC"),
                                std::string("https://evil.signin.aws.amazon.com/saml/acs/SAMLSPABC"),
                                std::string("https://us-east-1.signin.aws.amazon.com/saml/acs/SAMLSPA/acs/SAMLSPB"),
                                std::string("https://us-east-1.signin.aws.amazon.com/saml/acs/ABCDEFGH"),
                                std::string("https://signin.aws.amazon.com/saml/acs/SAMLSP") + std::string(200, 'A')}) {
    BOOST_TEST(!saml::is_aws_provider_acs_url(url), "should refuse '" << url << "'");
    BOOST_TEST(!saml::is_aws_signin_endpoint(url), "should refuse as an endpoint '" << url << "'");
  }
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// The AWS rule IDs the view reports for a fixture's (first) assertion.
std::set<std::string> fixture_rules(const std::string& name, saml::AwsView& view) {
  std::ifstream in(std::string(SAMLKIT_FIXTURES_DIR) + "/responses/" + name, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "fixture " << name << " should exist");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  saml::Expected<saml::Document> doc = saml::parse_xml(bytes.str());
  BOOST_REQUIRE_MESSAGE(doc, "fixture " << name << " should parse");
  const xmlNode* node = saml::first_child(doc->root(), saml::ns::assertion, "Assertion");
  BOOST_REQUIRE_MESSAGE(node != nullptr, "fixture " << name << " should hold an Assertion");
  std::vector<saml::Finding> findings;
  view = saml::read_aws_view(saml::read_assertion(node), findings);
  std::set<std::string> ids;
  for (const saml::Finding& f : findings) ids.insert(f.rule_id);
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fixtures)

BOOST_AUTO_TEST_CASE(aws_rules_per_fixture) {
  struct Case {
    std::string file;
    std::set<std::string> rules;
  };
  const std::vector<Case> cases = {
      {"okta-aws-signed-assertion.xml", {}},
      {"okta-aws-role-reversed-order.xml", {}},
      {"okta-aws-govcloud.xml", {}},
      {"okta-aws-role-whitespace.xml", {"AWS007"}},
      {"okta-aws-cross-account-role.xml", {"AWS006"}},
      {"no-role-attribute.xml", {"AWS001"}},
      {"role-single-arn.xml", {"AWS002"}},
      {"role-two-roles.xml", {"AWS002"}},
      {"role-invalid-account.xml", {"AWS003"}},
      {"role-invalid-name.xml", {"AWS003"}},
      {"provider-invalid-name.xml", {"AWS004"}},
      {"role-partition-mismatch.xml", {"AWS005"}},
      {"no-role-session-name.xml", {"AWS008"}},
      {"two-role-session-names.xml", {"AWS008"}},
      {"role-session-name-invalid.xml", {"AWS009"}},
      {"role-session-name-short.xml", {"AWS009"}},
      {"session-duration-too-long.xml", {"AWS010"}},
      {"session-duration-too-short.xml", {"AWS010"}},
      {"session-duration-not-integer.xml", {"AWS010"}},
  };
  for (const Case& c : cases) {
    saml::AwsView view;
    BOOST_TEST(fixture_rules(c.file, view) == c.rules, "AWS rules for " << c.file);
  }
}

BOOST_AUTO_TEST_CASE(okta_fixture_view) {
  saml::AwsView view;
  BOOST_TEST(fixture_rules("okta-aws-signed-assertion.xml", view).empty());
  BOOST_REQUIRE_EQUAL(view.roles.size(), 2u);
  BOOST_TEST(view.roles[0].provider_first, "Okta sends the provider ARN first");
  BOOST_TEST(view.roles[1].role.to_string() ==
             "arn:aws:iam::123456789012:role/engineering/Okta-ReadOnly");
  BOOST_TEST(view.role_session_name.value_or("") == "jane.doe@example.com");
  BOOST_TEST(view.session_duration.value_or(0) == 3600);
}

BOOST_AUTO_TEST_CASE(comment_in_role_session_name_is_read_whole) {
  saml::AwsView view;
  fixture_rules("okta-aws-comment-in-nameid.xml", view);
  BOOST_TEST(view.role_session_name.value_or("") == "jane.doe@example.com.attacker.test",
             "a comment must not truncate RoleSessionName");
}

BOOST_AUTO_TEST_SUITE_END()
