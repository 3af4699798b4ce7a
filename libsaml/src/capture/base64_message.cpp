#include "capture/base64_message.h"

#include <openssl/evp.h>

#include <array>
#include <climits>

#include "capture/inflate.h"
#include "capture/sniff.h"
#include "util/printable.h"

namespace saml {
namespace {

Error error_at(std::size_t input_offset, const std::string& problem) {
  Error error{ErrorKind::Decode, "capture.base64",
              problem + " at offset " + std::to_string(input_offset), {}};
  error.where.offset = static_cast<long>(input_offset);
  return error;
}

enum class Base64Class : unsigned char { Invalid, Data, Padding, Space };

// One lookup per byte instead of two out-of-line tests: this loop sees every input byte.
const std::array<Base64Class, 256>& base64_classes() {
  static const std::array<Base64Class, 256> classes = [] {
    std::array<Base64Class, 256> table{};
    for (std::size_t i = 0; i < table.size(); ++i) {
      const char c = static_cast<char>(i);
      table[i] = is_base64_char(c)   ? Base64Class::Data
                 : c == '='          ? Base64Class::Padding
                 : is_ascii_space(c) ? Base64Class::Space
                                     : Base64Class::Invalid;
    }
    return table;
  }();
  return classes;
}

// The base64 characters without whitespace, or the first bad character. Runs of data
// characters are copied whole.
Expected<std::string> compact_base64(std::string_view text, const InputOffset& input_offset) {
  const std::array<Base64Class, 256>& classes = base64_classes();
  const auto class_of = [&](std::size_t at) { return classes[static_cast<unsigned char>(text[at])]; };
  std::string compact;
  compact.reserve(text.size());
  std::size_t padding = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const Base64Class kind = class_of(i);
    if (kind == Base64Class::Data) {
      if (padding > 0) {
        return error_at(input_offset(i), "base64 data after the '=' padding");
      }
      std::size_t run_end = i + 1;
      while (run_end < text.size() && class_of(run_end) == Base64Class::Data) {
        ++run_end;
      }
      compact.append(text.substr(i, run_end - i));
      i = run_end;
      continue;
    }
    if (kind == Base64Class::Invalid) {
      return error_at(input_offset(i), "invalid base64 character '" +
                                           util::escape_printable(text.substr(i, 1)) + "'");
    }
    if (kind == Base64Class::Padding) {
      if (++padding > 2) {
        return error_at(input_offset(i), "too much '=' padding");
      }
      compact += '=';
    }
    ++i;
  }
  return compact;
}

std::size_t padding_of(std::string_view compact) {
  std::size_t padding = 0;
  while (padding < compact.size() && compact[compact.size() - 1 - padding] == '=') {
    ++padding;
  }
  return padding;
}

bool looks_like_markup(std::string_view bytes) {
  const std::string_view markup = skip_bom_and_space(bytes);
  return !markup.empty() && markup.front() == '<';
}

// Decoded bytes that are not XML may be raw DEFLATE (HTTP-Redirect binding). A stream that
// inflates to markup and then breaks was DEFLATE, damaged; anything else was not DEFLATE.
Expected<DecodedMessage> inflate_message(DecodedMessage message, const CaptureLimits& limits) {
  auto inflated = inflate_raw(message.xml, limits);
  if (!inflated) {
    return inflated.error();
  }
  const bool markup = looks_like_markup(inflated->bytes);
  if (markup && inflated->error.empty()) {
    message.xml = std::move(inflated->bytes);
    message.deflated = true;
    return message;
  }
  if (markup) {
    return Error{ErrorKind::Decode, "capture.inflate",
                 "the base64 decodes to " + std::to_string(message.xml.size()) +
                     " bytes of DEFLATE data that break after " +
                     std::to_string(inflated->bytes.size()) + " bytes of XML: " +
                     inflated->error,
                 {}};
  }
  const std::string what = inflated->error.empty()
                               ? "inflate to " + std::to_string(inflated->bytes.size()) +
                                     " bytes that are not XML either, starting \"" +
                                     util::printable_prefix(inflated->bytes) + "\""
                               : "are not DEFLATE either (" + inflated->error + ")";
  return Error{ErrorKind::Decode, "capture.not-xml",
               "the base64 decodes to " + std::to_string(message.xml.size()) +
                   " bytes that are not XML; they start with \"" +
                   util::printable_prefix(message.xml) + "\" and " + what,
               {}};
}

// The spaces inside runs of base64 on one line ("PD94 bWw" and "ab  cd", "abc ="): each is
// a '+' lost to form decoding. Spaces at a line's edges are wrapping, not data.
std::size_t mark_lost_pluses(std::string& text) {
  std::size_t repaired = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != ' ') {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && text[end] == ' ') ++end;
    const bool inside = i > 0 && is_base64_char(text[i - 1]) && end < text.size() &&
                        (is_base64_char(text[end]) || text[end] == '=');
    if (inside) {
      for (std::size_t j = i; j < end; ++j) text[j] = '+';
      repaired += end - i;
    }
    i = end;
  }
  return repaired;
}

Expected<DecodedMessage> decode_as_is(std::string_view text, const InputOffset& input_offset,
                                      const CaptureLimits& limits) {
  Expected<std::string> compact = compact_base64(text, input_offset);
  if (!compact) {
    return compact.error();
  }
  if (compact->empty()) {
    return Error{ErrorKind::Decode, "capture.empty", "the base64 text is empty", {}};
  }
  if (compact->size() % 4 != 0) {
    return Error{ErrorKind::Decode, "capture.base64",
                 "the base64 text has " + std::to_string(compact->size()) +
                     " characters (whitespace not counted), not a multiple of 4: it is "
                     "truncated or has lost its '=' padding",
                 {}};
  }
  const std::size_t decoded_size = compact->size() / 4 * 3 - padding_of(*compact);
  if (decoded_size > limits.max_xml_bytes || compact->size() > static_cast<std::size_t>(INT_MAX)) {
    return Error{ErrorKind::Limit, "capture.size",
                 "the message decodes to " + std::to_string(decoded_size) +
                     " bytes of XML, more than the limit of " +
                     std::to_string(limits.max_xml_bytes) + " bytes",
                 {}};
  }

  DecodedMessage message;
  message.base64_length = compact->size();
  message.xml.resize(compact->size() / 4 * 3);
  const int written =
      EVP_DecodeBlock(reinterpret_cast<unsigned char*>(message.xml.data()),
                      reinterpret_cast<const unsigned char*>(compact->data()),
                      static_cast<int>(compact->size()));
  if (written < 0) {
    return Error{ErrorKind::Decode, "capture.base64", "OpenSSL could not decode the base64 text",
                 {}};
  }
  // EVP_DecodeBlock counts the '=' padding as zero bytes.
  message.xml.resize(decoded_size);

  if (looks_like_markup(message.xml)) {
    return message;
  }
  return inflate_message(std::move(message), limits);
}

}  // namespace

Expected<DecodedMessage> decode_base64_message(std::string_view text,
                                               const InputOffset& input_offset,
                                               const CaptureLimits& limits) {
  if (text.find(' ') == std::string_view::npos) {
    return decode_as_is(text, input_offset, limits);
  }
  std::string repaired(text);
  const std::size_t pluses = mark_lost_pluses(repaired);
  if (pluses == 0) {
    return decode_as_is(text, input_offset, limits);
  }
  auto message = decode_as_is(repaired, input_offset, limits);
  if (!message) {
    auto as_is = decode_as_is(text, input_offset, limits);
    return as_is ? as_is : message;
  }
  message->notes.push_back(std::to_string(pluses) + (pluses == 1 ? " space" : " spaces") +
                           " inside the base64 read as '+' (the value was URL-decoded once "
                           "too often, which turns '+' into a space)");
  return message;
}

}  // namespace saml
