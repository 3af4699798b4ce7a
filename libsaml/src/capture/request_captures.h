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

// The top-level "timestamp" of a SAML-tracer export (when it was saved; the tracer records
// no time per request), or none. A value that is not a time is an error naming it.
Expected<std::optional<TimePoint>> tracer_export_time(const JsonScan& scan);

}  // namespace saml
