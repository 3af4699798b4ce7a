// decode_capture: tell the captured forms apart and unwrap the SAML XML.
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>

#include "capture/base64_message.h"
#include "capture/binding.h"
#include "capture/copied_request.h"
#include "capture/form_body.h"
#include "capture/html_form.h"
#include "capture/json_requests.h"
#include "capture/percent_decode.h"
#include "capture/request_captures.h"
#include "capture/sniff.h"
#include "capture/url.h"
#include "capture/utf16.h"
#include "saml/capture.h"
#include "util/printable.h"

namespace saml {
namespace {

Error decode_error(ErrorCode code, std::string message) {
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

// An HTML page or a copied command holds more than the message: markup and scripts,
// headers and cookies.
constexpr std::size_t kWrapperAllowance = std::size_t{1024} * 1024;

std::optional<Error> check_encoded_size(std::string_view text, const CaptureLimits& limits,
                                        std::size_t allowance = 0) {
  const std::size_t limit = encoded_limit(limits.max_xml_bytes) > SIZE_MAX - allowance
                                ? SIZE_MAX
                                : encoded_limit(limits.max_xml_bytes) + allowance;
  if (text.size() <= limit) {
    return std::nullopt;
  }
  return Error{ErrorKind::Limit, ErrorCode::CaptureSize,
               "the input is " + std::to_string(text.size()) + " bytes, more than the " +
                   std::to_string(limit) + " bytes an encoded message of at most " +
                   std::to_string(limits.max_xml_bytes) + " bytes of XML can take",
               {}};
}

// Base64 of XML starts "PD94" ("<?x"), "PH" ("<") or "77u/" (a BOM); of DEFLATE, anything.
// A message of one or two bytes is all of its base64, padding included ("PLA=").
bool is_base64_start(std::string_view text) {
  const std::string_view head = text.substr(0, 4);
  for (std::size_t i = 0; i < head.size(); ++i) {
    // '%' starts an escape in percent-encoded base64 ("77u%2F..." for a BOM); the
    // percent decoder validates it.
    if (is_base64_char(head[i]) || head[i] == '%') {
      continue;
    }
    const bool padding = i >= 2 && text.find_first_not_of('=', i) == std::string_view::npos;
    if (!padding) {
      return false;
    }
  }
  return !head.empty();
}

// The one capture of an input, moved in: a braced list would copy it, XML and all.
std::vector<Capture> only(Capture capture) {
  std::vector<Capture> captures;
  captures.push_back(std::move(capture));
  return captures;
}

Capture make_capture(CaptureFormat format, std::string_view source, DecodedMessage message) {
  Capture capture;
  capture.xml = std::move(message.xml);
  capture.format = message.deflated ? CaptureFormat::RedirectDeflate : format;
  capture.origin.source = std::string(source);
  capture.base64_length = message.base64_length;
  capture.deflated = message.deflated;
  capture.notes = std::move(message.notes);
  return capture;
}

Expected<std::vector<Capture>> from_raw_xml(std::string_view markup, std::string_view source,
                                            const CaptureLimits& limits) {
  if (markup.size() > limits.max_xml_bytes) {
    return Error{ErrorKind::Limit, ErrorCode::CaptureSize,
                 "the XML is " + std::to_string(markup.size()) +
                     " bytes, more than the limit of " + std::to_string(limits.max_xml_bytes) +
                     " bytes",
                 {}};
  }
  DecodedMessage message;
  message.xml = std::string(markup);
  return only(make_capture(CaptureFormat::RawXml, source, std::move(message)));
}

Expected<std::vector<Capture>> from_form_body(std::string_view body, std::size_t start,
                                              std::string_view source,
                                              const CaptureLimits& limits) {
  auto fields = split_form_body(body, start);
  if (!fields) {
    return fields.error();
  }
  auto binding = find_binding_fields(*fields);
  if (!binding) {
    return binding.error();
  }
  if (binding->message == nullptr) {
    return decode_error(ErrorCode::CaptureUnknownFormat,
                        "the input mentions SAMLResponse= or SAMLRequest= but has no form "
                        "field of that name");
  }
  auto capture = decode_binding(*binding, FieldEncoding::Encoded, limits);
  if (!capture) {
    return capture.error();
  }
  capture->format = capture->deflated ? CaptureFormat::RedirectDeflate : CaptureFormat::FormBody;
  capture->origin.source = std::string(source);
  return only(std::move(*capture));
}

Expected<std::vector<Capture>> from_url(std::string_view url, std::size_t start,
                                        std::string_view source, const CaptureLimits& limits) {
  const QuerySpan query = url_query(url);
  if (query.start == std::string_view::npos) {
    return decode_error(ErrorCode::CaptureNoSaml, "the URL " + url_for_messages(url) +
                                               " has no query, so no SAMLResponse or "
                                               "SAMLRequest parameter");
  }
  auto fields = split_form_body(url.substr(query.start, query.size), start + query.start);
  if (!fields) {
    return fields.error();
  }
  auto binding = find_binding_fields(*fields);
  if (!binding) {
    return binding.error();
  }
  if (binding->message == nullptr) {
    return decode_error(ErrorCode::CaptureNoSaml, "the URL " + url_for_messages(url) +
                                               " has no SAMLResponse or SAMLRequest query "
                                               "parameter");
  }
  auto capture = decode_binding(*binding, FieldEncoding::Encoded, limits);
  if (!capture) {
    return capture.error();
  }
  capture->format = CaptureFormat::Url;
  capture->origin.source = std::string(source);
  capture->origin.url = std::string(url);
  return only(std::move(*capture));
}

// An Error from inside a wrapper (an HTML page, a command) whose offsets are not file offsets.
Error inside(const std::string& where, Error error) {
  error.message = where + ": " + error.message;
  error.where.offset = -1;
  return error;
}

Expected<std::vector<Capture>> from_html(std::string_view page, std::string_view source,
                                         const CaptureLimits& limits) {
  if (auto too_big = check_encoded_size(page, limits, kWrapperAllowance)) {
    return *too_big;
  }
  auto form = find_saml_form(page);
  if (!form) {
    return form.error();
  }
  std::vector<FormField> fields;
  for (const HtmlInput& input : form->inputs) {
    fields.push_back(FormField{input.name, input.value, 0});
  }
  const std::string where = "the HTML form (action " + url_for_messages(form->action) + ")";
  auto binding = find_binding_fields(fields);
  if (!binding) {
    return inside(where, binding.error());
  }
  auto capture = decode_binding(*binding, FieldEncoding::Literal, limits);
  if (!capture) {
    return inside(where, capture.error());
  }
  capture->format = CaptureFormat::HtmlForm;
  capture->origin.source = std::string(source);
  capture->origin.url = form->action;
  capture->origin.method = form->method;
  return only(std::move(*capture));
}

// An HTTP Date header (RFC 9110 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT").
std::optional<TimePoint> http_date(const std::string& text) {
  std::tm parts{};
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &parts);
  if (end == nullptr || *end != '\0') {
    return std::nullopt;
  }
  return TimePoint(std::chrono::seconds(timegm(&parts)));
}

Expected<CopiedRequest> read_command(std::string_view command) {
  const ShellQuoting quoting = guess_quoting(command);
  if (quoting == ShellQuoting::PowerShell) {
    auto tokens = split_powershell_tokens(command);
    if (!tokens) {
      return tokens.error();
    }
    return read_powershell_request(*tokens);
  }
  auto words = quoting == ShellQuoting::WindowsCmd ? split_cmd_words(command)
                                                    : split_posix_words(command);
  if (!words) {
    return words.error();
  }
  return read_curl_words(*words);
}

Expected<std::vector<Capture>> from_command(std::string_view command, std::string_view source,
                                            const CaptureLimits& limits) {
  if (auto too_big = check_encoded_size(command, limits, kWrapperAllowance)) {
    return *too_big;
  }
  auto request = read_command(command);
  if (!request) {
    Error error = request.error();
    error.message = "the copied " + std::string(shell_quoting_name(guess_quoting(command))) +
                    " command: " + error.message;
    return error;
  }
  const std::string name = request->method + " " + url_for_messages(request->url);
  std::string_view text = request->body;
  std::string part = "the body";
  if (!mentions_message_field(text)) {
    const QuerySpan query = url_query(request->url);
    text = query.start == std::string_view::npos
               ? std::string_view()
               : std::string_view(request->url).substr(query.start, query.size);
    part = "the URL query";
  }
  if (!mentions_message_field(text)) {
    return decode_error(ErrorCode::CaptureNoSaml, "the copied request (" + name +
                                               ") has no SAMLResponse or SAMLRequest, "
                                               "neither in its body nor in its URL query");
  }
  const std::string where = "the copied request (" + name + "), " + part;
  auto fields = split_form_body(text, 0);
  if (!fields) {
    return inside(where, fields.error());
  }
  auto binding = find_binding_fields(*fields);
  if (!binding) {
    return inside(where, binding.error());
  }
  if (binding->message == nullptr) {  // "xSAMLResponse=..." mentions the name, is not the field
    return decode_error(ErrorCode::CaptureNoSaml, where + " mentions SAMLResponse= or SAMLRequest= but has "
                                                   "no field of that name");
  }
  auto capture = decode_binding(*binding, FieldEncoding::Encoded, limits);
  if (!capture) {
    return inside(where, capture.error());
  }
  capture->format = request->cmdlet ? CaptureFormat::PowerShellCommand : CaptureFormat::CurlCommand;
  capture->origin.source = std::string(source);
  capture->origin.url = request->url;
  capture->origin.method = request->method;
  if (!request->date.empty()) {
    capture->captured_at = http_date(request->date);
    if (!capture->captured_at) {
      capture->notes.push_back("the Date header \"" + util::printable_prefix(request->date, 40) +
                               "\" is not an HTTP date; the capture time is unknown");
    }
  }
  return only(std::move(*capture));
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
  return only(make_capture(CaptureFormat::PercentEncodedBase64, source, std::move(*message)));
}

Expected<std::vector<Capture>> from_base64(std::string_view text, std::size_t start,
                                           std::string_view source,
                                           const CaptureLimits& limits) {
  auto message =
      decode_base64_message(text, [start](std::size_t i) { return start + i; }, limits);
  if (!message) {
    return message.error();
  }
  return only(make_capture(CaptureFormat::Base64, source, std::move(*message)));
}

Expected<std::vector<Capture>> from_json(std::string_view json, std::size_t start,
                                         std::string_view source, const CaptureLimits& limits) {
  std::vector<Capture> captures;
  auto scan = scan_json_requests(json, start, [&](const JsonRequest& request) {
    auto found = request_captures(request, source, limits);
    if (!found) {
      return std::optional<Error>(found.error());
    }
    for (Capture& capture : *found) {
      captures.push_back(std::move(capture));
    }
    return std::optional<Error>();
  });
  if (!scan) {
    return scan.error();
  }
  if (scan->container == JsonContainer::SamlTracer) {
    auto saved = tracer_export_time(*scan);
    if (!saved) {
      return saved.error();
    }
    for (Capture& capture : captures) {
      if (capture.captured_at || !*saved) continue;
      capture.captured_at = *saved;
      capture.notes.push_back("the capture time is the export's timestamp (SAML-tracer records "
                              "no time per request)");
    }
  }
  const std::string count = std::to_string(scan->requests);
  switch (scan->container) {
    case JsonContainer::None:
      return decode_error(ErrorCode::CaptureJson,
                          "this is JSON but neither a HAR file (\"log\": {\"entries\": [...]}) "
                          "nor a SAML-tracer export (\"requests\": [...]), so not a SAML "
                          "message; it starts with \"" + util::printable_prefix(json, 40) +
                              "\"");
    case JsonContainer::Har:
      if (captures.empty()) {
        return decode_error(ErrorCode::CaptureNoSaml, "HAR with " + count +
                                                   " entries but no SAMLResponse or "
                                                   "SAMLRequest in any request");
      }
      break;
    case JsonContainer::SamlTracer:
      if (captures.empty()) {
        return decode_error(ErrorCode::CaptureNoSaml, "SAML-tracer export with " + count +
                                                   " requests but no SAMLResponse or "
                                                   "SAMLRequest in any of them");
      }
      break;
  }
  return captures;
}

// Tells the forms apart in text that is not UTF-16 (any more).
Expected<std::vector<Capture>> decode_text(std::string_view bytes, std::string_view source,
                                           const CaptureLimits& limits) {
  const std::string_view body = trim_trailing_space(skip_bom_and_space(bytes));
  const std::size_t start = bytes.size() - skip_bom_and_space(bytes).size();
  if (body.empty()) {
    return decode_error(ErrorCode::CaptureEmpty, bytes.empty() ? "the input is empty"
                                                       : "the input has only whitespace");
  }
  if (body.front() == '<') {
    if (looks_like_html(body)) {
      return from_html(body, source, limits);
    }
    // Whitespace before an XML declaration is an error for libxml2, so the XML begins at '<'.
    return from_raw_xml(bytes.substr(start), source, limits);
  }
  if (body.front() == '{' || body.front() == '[') {
    return from_json(body, start, source, limits);
  }
  if (looks_like_command(body)) {
    return from_command(body, source, limits);
  }
  if (auto too_big = check_encoded_size(body, limits)) {
    return *too_big;
  }
  if (is_http_url(body)) {
    return from_url(body, start, source, limits);
  }
  if (mentions_message_field(body)) {
    return from_form_body(body, start, source, limits);
  }
  if (is_base64_start(body)) {
    if (body.find('%') != std::string_view::npos) {
      return from_percent_encoded(body, start, source, limits);
    }
    return from_base64(body, start, source, limits);
  }
  return decode_error(ErrorCode::CaptureUnknownFormat,
                      "not raw XML, base64, percent-encoded base64, a SAMLResponse= form body, "
                      "a URL, a HAR file, a SAML-tracer export, an HTML form page or a copied "
                      "cURL/PowerShell command; the input starts with \"" +
                          util::printable_prefix(body) + "\"");
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
    case CaptureFormat::RedirectDeflate:
      return "HTTP-Redirect (base64 DEFLATE)";
    case CaptureFormat::Url:
      return "URL";
    case CaptureFormat::Har:
      return "HAR";
    case CaptureFormat::SamlTracer:
      return "SAML-tracer export";
    case CaptureFormat::HtmlForm:
      return "HTML form";
    case CaptureFormat::CurlCommand:
      return "cURL command";
    case CaptureFormat::PowerShellCommand:
      return "PowerShell command";
  }
  return "unknown";
}

Expected<std::vector<Capture>> decode_capture(std::string_view bytes, std::string_view source,
                                              const CaptureLimits& limits) {
  auto utf8 = utf16_to_utf8(bytes);
  if (!utf8) {
    return utf8.error();
  }
  if (!*utf8 && looks_like_utf16_without_bom(bytes)) {
    return decode_error(ErrorCode::CaptureEncoding,
                        "the input looks like UTF-16 without a byte order mark (every other "
                        "byte is zero); save it as UTF-8, or as UTF-16 with a byte order mark");
  }
  const std::string_view text = *utf8 ? std::string_view((*utf8)->text) : bytes;
  auto captures = decode_text(text, source, limits);
  if (!captures) {
    Error error = captures.error();
    if (*utf8 && error.where.offset >= 0) {
      error.message += " (offsets count the text converted from UTF-16 to UTF-8)";
    }
    return error;
  }
  for (std::size_t i = 0; i < captures->size(); ++i) {
    Capture& capture = (*captures)[i];
    capture.origin.message = i + 1;
    capture.origin.messages = captures->size();
    if (*utf8) {
      capture.notes.insert(capture.notes.begin(), (*utf8)->note);
      if (capture.format == CaptureFormat::RawXml && relabel_utf16_declaration(capture.xml)) {
        capture.notes.push_back("its XML declaration named a UTF-16 encoding and now names "
                                "UTF-8 (signatures cover the canonical form, which has no "
                                "declaration)");
      }
    }
  }
  return captures;
}

}  // namespace saml
