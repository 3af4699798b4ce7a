// The IdP's auto-POST page: an HTML form whose hidden inputs carry SAMLResponse (or
// SAMLRequest) and RelayState to the service provider's ACS URL (the form's action).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "saml/error.h"

namespace saml {

struct HtmlInput {
  std::string name;
  std::string value;  // as the browser would post it: HTML character references resolved
};

struct HtmlForm {
  std::string action;  // the ACS URL, as written
  std::string method;  // upper case; "GET" when the form names none (the HTML default)
  std::vector<HtmlInput> inputs;
};

// Whether the text is an HTML page: after an optional XML declaration and comments, a
// DOCTYPE html or an html, head, body or form element (never the root of a SAML message).
bool looks_like_html(std::string_view text);

// Parses the page with libxml2's HTML parser (no network, no error output) and returns the
// first form that has a SAMLResponse or SAMLRequest input. A page without one is an error
// "capture.html" that names the page's title, so that a sign-in or error page saved by
// mistake is recognisable.
Expected<HtmlForm> find_saml_form(std::string_view html);

}  // namespace saml
