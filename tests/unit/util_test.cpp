// util: the error codes (numbers banded by stage, one stable name each) and the e-mail
// address check shared by lint and redaction.
#define BOOST_TEST_MODULE util
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "saml/decode.h"
#include "saml/error.h"
#include "saml_support.h"

namespace {

// The name prefixes each band of numbers may use (docs/architecture.md, "Errors").
std::set<std::string> prefixes_of_band(int band) {
  switch (band) {
    case 1: return {"capture."};
    case 2: return {"xml."};
    case 3: return {"time."};
    case 4: return {"trust."};
    case 5: return {"xmlenc."};
    case 6: return {"aws."};
    case 7: return {"decode."};
    case 8: return {"baseline."};
    case 9: return {"input.", "cli.", "usage.", "output.", "iam.", "okta."};
    case 10: return {"iam.", "okta."};
    default: return {};
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_error_code_has_one_name_in_its_band) {
  std::set<std::string> names;
  int named = 0;
  for (int number = 0; number < 1100; ++number) {
    const std::string name = saml::error_code_name(static_cast<saml::ErrorCode>(number));
    if (name == "unknown") continue;
    ++named;
    BOOST_TEST(names.insert(name).second, "name " << name << " given twice");
    bool in_band = false;
    for (const std::string& prefix : prefixes_of_band(number / 100)) in_band |= name.rfind(prefix, 0) == 0;
    BOOST_TEST(in_band, number << " is named " << name << ", outside its band");
    BOOST_TEST(name.find(' ') == std::string::npos, name);
  }
  BOOST_TEST(named == 60);
}

BOOST_AUTO_TEST_CASE(error_code_names_are_the_strings_json_reports_show) {
  BOOST_TEST(std::string(saml::error_code_name(saml::ErrorCode::XmlDoctype)) == "xml.doctype");
  BOOST_TEST(std::string(saml::error_code_name(saml::ErrorCode::CaptureUnknownFormat)) == "capture.unknown-format");
  BOOST_TEST(std::string(saml::error_code_name(saml::ErrorCode::AwsRoleRoleArn)) == "aws.role.role_arn");
  BOOST_TEST(std::string(saml::error_code_name(saml::ErrorCode::InputOpen)) == "input.open");
}

// The one e-mail check (lint AWS025 and redaction). These were the cases where its two
// former copies disagreed: an apostrophe, a non-ASCII local part, a colon, an empty domain
// label, an underscore in the domain.
BOOST_AUTO_TEST_CASE(email_addresses_in_dot_atom_form) {
  for (const char* yes : {"jane.doe@example.com", "a+b@sub.example.co.uk", "x_y-z@ex-ample.org",
                          "o'brien@example.com", "jan\xc3\xa9@example.com", "j@x.io"}) {
    BOOST_TEST(saml::looks_like_email(yes), yes);
  }
  for (const char* no : {"", "@example.com", "jane@", "jane@example", "a@b@c.com", "jane doe@example.com",
                         "arn:aws:iam::123456789012:role/a@b.c", "jane@example.", "urn:amazon:webservices",
                         "a:b@example.com", "jane@example..com", "jane@ex_ample.com", ".jane@example.com",
                         "jane.@example.com", "ja..ne@example.com", "jane@-example.com", "jane@example-.com"}) {
    BOOST_TEST(!saml::looks_like_email(no), no);
  }
}
