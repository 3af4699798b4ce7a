// Unwrapping one base64-encoded SAML message.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "saml/capture.h"
#include "saml/error.h"

namespace saml {

// Maps an index in the base64 text to a byte offset in the captured input, for errors.
using InputOffset = std::function<std::size_t(std::size_t)>;

struct DecodedMessage {
  std::string xml;                // exactly the decoded bytes
  std::size_t base64_length = 0;  // base64 characters, whitespace not counted
  bool deflated = false;          // the decoded bytes were raw DEFLATE, now inflated
  std::vector<std::string> notes;  // repairs made (spaces read as '+')
};

// Checks every character first (whitespace anywhere is allowed) so that an error names
// the exact offset, then the length and padding, then the decoded size against
// limits.max_xml_bytes; decodes with OpenSSL. Bytes that do not look like XML are tried as
// raw DEFLATE (HTTP-Redirect binding) and must inflate to XML.
// A space between two base64 characters is a '+' that a URL decoder turned into a space
// (the value was decoded once too often): it is read as '+', and a note says so, unless
// only the text as it is decodes.
Expected<DecodedMessage> decode_base64_message(std::string_view text,
                                               const InputOffset& input_offset,
                                               const CaptureLimits& limits);

}  // namespace saml
