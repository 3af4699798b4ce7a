#include "capture/percent_decode.h"

#include "util/printable.h"

namespace saml {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

}  // namespace

// Hand-written because neither libxml2 (xmlURIUnescapeString copies bad escapes through
// silently and knows no '+') nor OpenSSL offers a strict form decoder.
Expected<PercentDecoded> percent_decode(std::string_view encoded, bool plus_is_space,
                                        std::size_t start) {
  PercentDecoded decoded;
  decoded.text.reserve(encoded.size());
  decoded.source.reserve(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    decoded.source.push_back(i);
    const char c = encoded[i];
    if (c == '+' && plus_is_space) {
      decoded.text += ' ';
    } else if (c != '%') {
      decoded.text += c;
    } else {
      const int high = i + 1 < encoded.size() ? hex_value(encoded[i + 1]) : -1;
      const int low = i + 2 < encoded.size() ? hex_value(encoded[i + 2]) : -1;
      if (high < 0 || low < 0) {
        Error error{ErrorKind::Decode, ErrorCode::CapturePercent,
                    "invalid percent-escape '" +
                        util::escape_printable(encoded.substr(i, 3)) + "' at offset " +
                        std::to_string(start + i),
                    {}};
        error.where.offset = static_cast<long>(start + i);
        return error;
      }
      decoded.text += static_cast<char>(high * 16 + low);
      i += 2;
    }
  }
  return decoded;
}

}  // namespace saml
