// decode_capture: tell the captured forms apart and unwrap the SAML XML.
#include <cstdint>
#include <optional>
#include <string>

#include "capture/base64_message.h"
#include "capture/form_body.h"
#include "capture/percent_decode.h"
#include "capture/sniff.h"
#include "saml/capture.h"
#include "util/printable.h"

namespace saml {
namespace {

constexpr std::string_view kMessageFields[] = {"SAMLResponse", "SAMLRequest"};

Error decode_error(const char* code, std::string message) {
  return Error{ErrorKind::Decode, code, std::move(message), {}};
}

// The most encoded input a message within the XML limit can need: base64 grows 4/3, and
// line breaks, percent-escapes and other form fields need some room on top.
std::size_t encoded_limit(std::size_t max_xml_bytes) {
  if (max_xml_bytes > SIZE_MAX / 8) {
    return SIZE_MAX;
  }
  const std::size_t base64 = (max_xml_bytes + 2) / 3 * 4;
  return base64 + base64 / 2 + 4096;
}

std::optional<Error> check_encoded_size(std::string_view text, const CaptureLimits& limits) {
  const std::size_t limit = encoded_limit(limits.max_xml_bytes);
  if (text.size() <= limit) {
    return std::nullopt;
  }
  return Error{ErrorKind::Limit, "capture.size",
               "the input is " + std::to_string(text.size()) + " bytes, more than the " +
                   std::to_string(limit) + " bytes an encoded message of at most " +
                   std::to_string(limits.max_xml_bytes) + " bytes of XML can take",
               {}};
}

// Base64 of XML starts "PD94" ("<?x"), "PH" ("<") or "77u/" (a BOM).
bool is_base64_start(std::string_view text) {
  const std::string_view head = text.substr(0, 4);
  for (const char c : head) {
    if (!is_base64_char(c)) {
      return false;
    }
  }
  return !head.empty();
}

bool has_message_field_marker(std::string_view text) {
  for (const std::string_view field : kMessageFields) {
    if (text.find(std::string(field) + "=") != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

Capture make_capture(CaptureFormat format, std::string_view source, DecodedMessage message) {
  Capture capture;
  capture.xml = std::move(message.xml);
  capture.format = format;
  capture.origin.source = std::string(source);
  capture.base64_length = message.base64_length;
  return capture;
}

Expected<std::vector<Capture>> from_raw_xml(std::string_view markup, std::string_view source,
                                            const CaptureLimits& limits) {
  if (markup.size() > limits.max_xml_bytes) {
    return Error{ErrorKind::Limit, "capture.size",
                 "the XML is " + std::to_string(markup.size()) +
                     " bytes, more than the limit of " + std::to_string(limits.max_xml_bytes) +
                     " bytes",
                 {}};
  }
  return std::vector<Capture>{make_capture(CaptureFormat::RawXml, source,
                                           DecodedMessage{std::string(markup), 0})};
}

Expected<std::vector<Capture>> from_form_body(std::string_view body, std::size_t start,
                                              std::string_view source,
                                              const CaptureLimits& limits) {
  auto fields = split_form_body(body, start);
  if (!fields) {
    return fields.error();
  }
  const FormField* message_field = nullptr;
  const FormField* relay_state = nullptr;
  for (const FormField& field : *fields) {
    for (const std::string_view name : kMessageFields) {
      if (field.name != name) {
        continue;
      }
      if (message_field != nullptr) {
        return decode_error("capture.form", "the form body has more than one SAML message "
                                            "field (" + message_field->name + " and " +
                                                field.name + ")");
      }
      message_field = &field;
    }
    if (field.name == "RelayState") {
      relay_state = &field;
    }
  }
  if (message_field == nullptr) {
    return decode_error("capture.unknown-format",
                        "the input mentions SAMLResponse= but has no form field of that name "
                        "(a URL with a query string is not supported)");
  }

  auto value = percent_decode(message_field->value, true, message_field->value_start);
  if (!value) {
    return value.error();
  }
  if (skip_bom_and_space(value->text).empty()) {
    return decode_error("capture.empty", "the " + message_field->name + " field is empty");
  }
  const std::size_t value_start = message_field->value_start;
  const std::vector<std::size_t>& source_index = value->source;
  auto message = decode_base64_message(
      value->text, [&](std::size_t i) { return value_start + source_index[i]; }, limits);
  if (!message) {
    return message.error();
  }

  Capture capture = make_capture(CaptureFormat::FormBody, source, std::move(*message));
  capture.origin.field = message_field->name;
  if (relay_state != nullptr) {
    auto relay = percent_decode(relay_state->value, true, relay_state->value_start);
    if (!relay) {
      return relay.error();
    }
    capture.relay_state = std::move(relay->text);
  }
  return std::vector<Capture>{std::move(capture)};
}

Expected<std::vector<Capture>> from_percent_encoded(std::string_view text, std::size_t start,
                                                    std::string_view source,
                                                    const CaptureLimits& limits) {
  // Outside a form body a '+' is a base64 character, not a space.
  auto value = percent_decode(text, false, start);
  if (!value) {
    return value.error();
  }
  const std::vector<std::size_t>& source_index = value->source;
  auto message = decode_base64_message(
      value->text, [&](std::size_t i) { return start + source_index[i]; }, limits);
  if (!message) {
    return message.error();
  }
  return std::vector<Capture>{
      make_capture(CaptureFormat::PercentEncodedBase64, source, std::move(*message))};
}

Expected<std::vector<Capture>> from_base64(std::string_view text, std::size_t start,
                                           std::string_view source,
                                           const CaptureLimits& limits) {
  auto message =
      decode_base64_message(text, [start](std::size_t i) { return start + i; }, limits);
  if (!message) {
    return message.error();
  }
  return std::vector<Capture>{make_capture(CaptureFormat::Base64, source, std::move(*message))};
}

}  // namespace

const char* capture_format_name(CaptureFormat format) {
  switch (format) {
    case CaptureFormat::RawXml:
      return "raw XML";
    case CaptureFormat::Base64:
      return "base64";
    case CaptureFormat::FormBody:
      return "form body";
    case CaptureFormat::PercentEncodedBase64:
      return "percent-encoded base64";
  }
  return "unknown";
}

Expected<std::vector<Capture>> decode_capture(std::string_view bytes, std::string_view source,
                                              const CaptureLimits& limits) {
  const std::string_view body = trim_trailing_space(skip_bom_and_space(bytes));
  const std::size_t start = bytes.size() - skip_bom_and_space(bytes).size();
  if (body.empty()) {
    return decode_error("capture.empty", bytes.empty() ? "the input is empty"
                                                       : "the input has only whitespace");
  }
  if (body.front() == '<') {
    if (looks_like_html(body)) {
      return decode_error("capture.html", "this is an HTML page, not a SAML message (it starts "
                                          "with \"" + util::printable_prefix(body, 15) + "\")");
    }
    // Whitespace before an XML declaration is an error for libxml2, so the XML begins at '<'.
    return from_raw_xml(bytes.substr(start), source, limits);
  }
  if (body.front() == '{' || body.front() == '[') {
    return decode_error("capture.json",
                        "this looks like JSON (it starts with '" + std::string(1, body.front()) +
                            "'), not a SAML message; HAR files and SAML-tracer exports are "
                            "not supported");
  }
  if (auto too_big = check_encoded_size(body, limits)) {
    return *too_big;
  }
  if (has_message_field_marker(body)) {
    return from_form_body(body, start, source, limits);
  }
  if (is_base64_start(body)) {
    if (body.find('%') != std::string_view::npos) {
      return from_percent_encoded(body, start, source, limits);
    }
    return from_base64(body, start, source, limits);
  }
  return decode_error("capture.unknown-format",
                      "not raw XML, base64, percent-encoded base64 or a SAMLResponse= form "
                      "body; the input starts with \"" + util::printable_prefix(body) + "\"");
}

}  // namespace saml
