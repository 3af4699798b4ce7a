// The one test for "this text is an e-mail address", used by the lint rules (AWS025) and by
// redaction (saml-decode --redact).
#pragma once

#include <string_view>

namespace saml::util {

// The whole text is local@domain in the dot-atom form of RFC 5322 (section 3.4.1), which
// SAML names for the emailAddress NameID format: a local part of atext characters and
// single dots, one '@', and a domain of two or more dot-separated labels of letters, digits
// and inner hyphens. Bytes above 0x7F count as letters (internationalised addresses, RFC
// 6531). A shape check: quoted local parts and address literals are not accepted.
bool looks_like_email(std::string_view text);

}  // namespace saml::util
