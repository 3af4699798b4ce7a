// Inflating raw DEFLATE (RFC 1951), as the HTTP-Redirect binding sends SAML messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "saml/capture.h"
#include "saml/error.h"

namespace saml {

struct Inflated {
  std::string bytes;        // what was inflated, also when `error` says the stream is bad
  std::string error;        // empty when the stream is complete; else what zlib reported
};

// Inflates with zlib (no zlib or gzip header). Output beyond limits.max_xml_bytes
// ("capture.size") or beyond limits.max_inflate_ratio times the input ("capture.inflate")
// is a Limit error, raised as soon as the output passes the cap, so a bomb costs at most
// the cap in time and memory. A damaged or truncated stream is not an Error: the caller
// decides, from what came out, whether the bytes were DEFLATE at all.
Expected<Inflated> inflate_raw(std::string_view deflated, const CaptureLimits& limits);

}  // namespace saml
