// One-time libxml2 initialisation shared by every stage that touches libxml2.
#pragma once

namespace saml::util {

// Calls xmlInitParser exactly once per process, so that parsing is safe from several
// threads afterwards. Cheap to call on every entry point.
void ensure_libxml_initialised();

}  // namespace saml::util
