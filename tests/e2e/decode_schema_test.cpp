// saml-decode --json against the shipped JSON Schema, checked by Python's jsonschema
// (Debian python3-jsonschema, installed by scripts/bootstrap.sh test).
#define BOOST_TEST_MODULE decode_schema
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "run_tool.h"

namespace {

const std::string kFixtures = SAMLKIT_FIXTURES_DIR;
const std::string kSchema = SAMLKIT_DECODE_SCHEMA;

samltest::Run validate(const std::string& document) {
  const samltest::TempFile data(document, ".json");
  return samltest::run_tool(PYTHON3_PATH, {VALIDATE_JSON, kSchema, data.path()});
}

}  // namespace

BOOST_AUTO_TEST_CASE(json_output_matches_the_schema) {
  const std::vector<std::vector<std::string>> inputs = {
      {kFixtures + "/captures/okta-aws-signed-assertion.b64"},
      {kFixtures + "/captures/okta-idp-initiated.har"},
      {kFixtures + "/captures/saml-tracer-export.json"},
      {kFixtures + "/captures/authn-request.url"},
      {"--redact", kFixtures + "/responses/okta-aws-signed-both.xml"},
      {"--cert", kFixtures + "/keys/idp-rsa.crt", kFixtures + "/responses/tampered-role.xml"},
      {kFixtures + "/responses/role-two-roles.xml"},
      {kFixtures + "/responses/two-assertions.xml"},
  };
  for (std::vector<std::string> args : inputs) {
    const std::string what = args.back();
    args.insert(args.begin(), {"--json", "--now", "2024-05-01T12:01:00Z"});
    const samltest::Run decoded = samltest::run_tool(SAML_DECODE_PATH, args);
    BOOST_TEST(decoded.exit_code == 0, what << ": " << decoded.err);
    const samltest::Run checked = validate(decoded.out);
    BOOST_TEST(checked.exit_code == 0, what << ": " << checked.out << checked.err);
  }
}

BOOST_AUTO_TEST_CASE(the_schema_rejects_a_changed_document) {
  const samltest::Run decoded = samltest::run_tool(
      SAML_DECODE_PATH, {"--json", kFixtures + "/captures/okta-aws-signed-assertion.b64"});
  std::string changed = decoded.out;
  const std::string from = "\"trust_given\": false";
  const auto at = changed.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "trust_given in the output");
  changed.replace(at, from.size(), "\"trust_given\": \"no\"");
  BOOST_TEST(validate(changed).exit_code != 0, "a string where the schema says boolean must fail");
}
