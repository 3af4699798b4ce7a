// Unwrapping one base64-encoded SAML message.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "saml/capture.h"
#include "saml/error.h"

namespace saml {

// Maps an index in the base64 text to a byte offset in the captured input, for errors.
using InputOffset = std::function<std::size_t(std::size_t)>;

struct DecodedMessage {
  std::string xml;                // exactly the decoded bytes
  std::size_t base64_length = 0;  // base64 characters, whitespace not counted
  bool deflated = false;          // the decoded bytes were raw DEFLATE, now inflated
};

// Checks every character first (whitespace anywhere is allowed) so that an error names
// the exact offset, then the length and padding, then the decoded size against
// limits.max_xml_bytes; decodes with OpenSSL. Bytes that do not look like XML are tried as
// raw DEFLATE (HTTP-Redirect binding) and must inflate to XML.
Expected<DecodedMessage> decode_base64_message(std::string_view text,
                                               const InputOffset& input_offset,
                                               const CaptureLimits& limits);

}  // namespace saml
