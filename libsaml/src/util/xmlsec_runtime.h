// Process-wide xmlsec/OpenSSL set-up, done once, and xmlsec's error channel.
#pragma once

#include <string>

namespace saml::detail {

// Initialises OpenSSL (without reading openssl.cnf), libxml2, xmlsec and its OpenSSL
// backend exactly once per process (thread-safe); call it before any other OpenSSL use. xmlsec's own error printing is replaced by a silent per-thread record.
void ensure_xmlsec_initialised();

// The last error xmlsec reported on this thread (cleared by take_xmlsec_error).
std::string take_xmlsec_error();

}  // namespace saml::detail
