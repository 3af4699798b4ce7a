// The SAML messages one HAR entry or SAML-tracer request carries.
#pragma once

#include <string_view>
#include <vector>

#include "capture/json_requests.h"
#include "saml/capture.h"
#include "saml/error.h"

namespace saml {

// Looks in the URL query, then the body (HAR postData.text, else the parameter list);
// each SAMLResponse/SAMLRequest found becomes a Capture (none is not an error). A
// SAML-tracer request whose parameters do not decode falls back to the tracer's own
// decoded "saml". Errors say which request and which part of it failed.
Expected<std::vector<Capture>> request_captures(const JsonRequest& request,
                                                std::string_view source,
                                                const CaptureLimits& limits);

}  // namespace saml
