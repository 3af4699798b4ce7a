#include "saml/version.h"

#include <libxml/parser.h>
#include <openssl/crypto.h>
#include <xmlsec/version.h>

#include <cstdlib>

#include "samlkit_build_info.h"

namespace saml {
namespace {

// libxml2 reports its run-time version as digits, e.g. "20914" for 2.9.14.
std::string dotted_libxml_version(const char* digits) {
  if (digits == nullptr) return "unknown";
  char* end = nullptr;
  const long number = std::strtol(digits, &end, 10);
  if (end == digits || *end != '\0' || number <= 0) return digits;
  return std::to_string(number / 10000) + "." + std::to_string(number / 100 % 100) + "." +
         std::to_string(number % 100);
}

}  // namespace

const char* version() { return SAMLKIT_VERSION; }

const char* git_description() { return SAMLKIT_GIT_DESCRIBE; }

std::string library_versions() {
  return "libxml2 " + dotted_libxml_version(xmlParserVersion) + ", xmlsec1 " XMLSEC_VERSION +
         std::string(" (openssl), ") + OpenSSL_version(OPENSSL_VERSION);
}

}  // namespace saml
