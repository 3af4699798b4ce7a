// Versions: samlkit's own (the CMake project version) and those of the libraries it runs on.
#pragma once

#include <string>

namespace saml {

// The samlkit version this library was built as, e.g. "0.1.0".
const char* version();

// `git describe` of the sources this library was built from (configure time), e.g.
// "v0.1.0-3-g1a2b3c4" or "1a2b3c4-dirty"; "" when they were not a git checkout.
const char* git_description();

// One line naming the linked libxml2, xmlsec and OpenSSL, e.g.
// "libxml2 2.9.14, xmlsec1 1.2.37 (openssl), OpenSSL 3.0.11 19 Sep 2023".
// libxml2 and OpenSSL are asked at run time (the shared objects actually loaded); xmlsec
// has no run-time version query, so its version is the one compiled against (xmlsec checks
// at initialisation that the loaded library is ABI-compatible with it).
// Thread-safe; needs no initialisation.
std::string library_versions();

}  // namespace saml
