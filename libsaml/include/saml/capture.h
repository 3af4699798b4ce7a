// Capture stage: detect what bytes were captured and unwrap them to SAML XML.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saml/error.h"
#include "saml/time.h"

namespace saml {

enum class CaptureFormat {
  RawXml,                // the XML itself
  Base64,                // base64 of the XML, any line wrapping
  FormBody,              // SAMLResponse=...&RelayState=... (application/x-www-form-urlencoded)
  PercentEncodedBase64,  // a percent-encoded base64 value on its own
};

const char* capture_format_name(CaptureFormat format);

struct CaptureOrigin {
  std::string source;  // file name, or "-" for stdin
  std::string field;   // form/query field the message came from ("SAMLResponse"), if any
};

struct Capture {
  std::string xml;                    // the decoded XML bytes, exactly as sent
  CaptureFormat format = CaptureFormat::RawXml;
  CaptureOrigin origin;
  std::string relay_state;            // RelayState from a form body, if present
  std::size_t base64_length = 0;      // characters of the base64 message (0 if not base64);
                                      // AssumeRoleWithSAML refuses more than 100,000
  std::optional<TimePoint> captured_at;
};

struct CaptureLimits {
  std::size_t max_xml_bytes = 1024 * 1024;  // decoded XML size limit
};

// Detects the format and decodes. Input that is none of the known forms is an error that
// says what was found. Oversized input is refused before decoding.
Expected<std::vector<Capture>> decode_capture(std::string_view bytes, std::string_view source,
                                              const CaptureLimits& limits = {});

}  // namespace saml
