#define BOOST_TEST_MODULE version
#include <boost/test/unit_test.hpp>

#include <libxml/xmlversion.h>
#include <openssl/crypto.h>

#include <regex>
#include <string>

#include "saml/version.h"

BOOST_AUTO_TEST_CASE(version_is_major_minor_patch) {
  const std::string version = saml::version();
  BOOST_TEST(std::regex_match(version, std::regex("[0-9]+\\.[0-9]+\\.[0-9]+")),
             "saml::version() is not MAJOR.MINOR.PATCH: '" << version << "'");
}

BOOST_AUTO_TEST_CASE(library_versions_names_each_linked_library) {
  const std::string line = saml::library_versions();
  // libxml2's run-time version is digits ("20914"); it must come out dotted, and on a
  // consistent installation it equals the header's dotted version.
  const std::string libxml = std::string("libxml2 ") + LIBXML_DOTTED_VERSION + ",";
  BOOST_TEST(line.find(libxml) == 0u, "libxml2 part missing or not dotted in '" << line << "'");
  // xmlsec's headers are private to the library; its version must at least be dotted.
  const std::regex xmlsec(", xmlsec1 [0-9]+\\.[0-9]+\\.[0-9]+ \\(openssl\\), ");
  BOOST_TEST(std::regex_search(line, xmlsec), "xmlsec part missing in '" << line << "'");
  const std::string openssl = OpenSSL_version(OPENSSL_VERSION);
  BOOST_TEST(line.find(openssl) != std::string::npos, "OpenSSL part missing in '" << line << "'");
  BOOST_TEST(line.find('\n') == std::string::npos, "not one line: '" << line << "'");
}
