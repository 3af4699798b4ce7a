#include "capture/request_captures.h"

#include <chrono>
#include <cmath>
#include <optional>
#include <string>

#include "capture/binding.h"
#include "capture/form_body.h"
#include "capture/sniff.h"
#include "capture/url.h"
#include "util/printable.h"

namespace saml {
namespace {

// 9999-12-31T23:59:59.999Z: later "milliseconds since 1970" are not a time.
constexpr double kLastMillisecond = 253402300799999.0;

std::string request_name(const JsonRequest& request) {
  const std::string kind =
      request.container == JsonContainer::Har ? "HAR entry " : "SAML-tracer request ";
  return kind + std::to_string(request.index + 1) + " (" + util::printable_prefix(request.method, 10) +
         " " + url_for_messages(request.url) + ")";
}

Error in_request(const JsonRequest& request, const std::string& part, Error error) {
  error.message = request_name(request) + ", " + part + ": " + error.message;
  error.where.offset = -1;  // offsets inside a JSON string value are not file offsets
  return error;
}

// A HAR startedDateTime or SAML-tracer timestamp: an xs:dateTime string, or a number of
// milliseconds since 1970. Neither given is no time.
Expected<std::optional<TimePoint>> json_time(const std::string& text, std::optional<double> ms) {
  if (ms) {
    if (!std::isfinite(*ms) || *ms < 0 || *ms > kLastMillisecond) {
      return Error{ErrorKind::Decode, ErrorCode::CaptureTime,
                   "not a time in milliseconds since 1970", {}};
    }
    return std::optional<TimePoint>(
        TimePoint(std::chrono::microseconds(std::llround(*ms * 1000.0))));
  }
  if (text.empty()) {
    return std::optional<TimePoint>();
  }
  auto parsed = parse_xs_datetime(text);
  if (!parsed) {
    Error error = parsed.error();
    error.code = ErrorCode::CaptureTime;
    return error;
  }
  return std::optional<TimePoint>(*parsed);
}

Expected<std::optional<TimePoint>> request_time(const JsonRequest& request) {
  auto time = json_time(request.time, request.time_ms);
  if (!time) {
    return in_request(request,
                      request.container == JsonContainer::Har ? "startedDateTime" : "timestamp",
                      time.error());
  }
  return time;
}

Capture tracer_fallback(const JsonRequest& request, const std::string& field) {
  Capture capture;
  capture.xml = request.saml;
  capture.origin.field = field;
  return capture;
}

// Decodes the binding among `fields`, if there is one, into `out`.
std::optional<Error> add_binding(const JsonRequest& request, const std::string& part,
                                 const std::vector<FormField>& fields, FieldEncoding encoding,
                                 const CaptureLimits& limits, std::vector<Capture>& out) {
  auto binding = find_binding_fields(fields);
  if (!binding) {
    return in_request(request, part, binding.error());
  }
  if (binding->message == nullptr) {
    return std::nullopt;
  }
  auto capture = decode_binding(*binding, encoding, limits);
  if (capture) {
    out.push_back(std::move(*capture));
  } else if (request.container == JsonContainer::SamlTracer && !request.saml.empty()) {
    // An export with the "hash" or "obfuscate" filter replaces the parameter values.
    out.push_back(tracer_fallback(request, binding->message->name));
  } else {
    return in_request(request, part, capture.error());
  }
  return std::nullopt;
}

std::optional<Error> add_url_query(const JsonRequest& request, const CaptureLimits& limits,
                                   std::vector<Capture>& out) {
  const QuerySpan query = url_query(request.url);
  const std::string_view text = std::string_view(request.url).substr(
      query.start == std::string_view::npos ? request.url.size() : query.start, query.size);
  if (!mentions_message_field(text)) {
    return std::nullopt;
  }
  auto fields = split_form_body(text, 0);
  if (!fields) {
    return in_request(request, "the URL query", fields.error());
  }
  return add_binding(request, "the URL query", *fields, FieldEncoding::Encoded, limits, out);
}

std::optional<Error> add_body(const JsonRequest& request, const CaptureLimits& limits,
                              std::vector<Capture>& out) {
  const std::size_t before = out.size();
  if (!request.body_text.empty()) {
    auto fields = split_form_body(request.body_text, 0);
    if (!fields) {
      return in_request(request, "the request body", fields.error());
    }
    if (auto error = add_binding(request, "the request body", *fields, FieldEncoding::Encoded,
                                 limits, out)) {
      return error;
    }
  }
  if (out.size() > before) {
    return std::nullopt;
  }
  std::vector<FormField> params;
  for (const RequestParam& param : request.body_params) {
    params.push_back(FormField{param.name, param.value, 0});
  }
  return add_binding(request, "the POST parameters", params, FieldEncoding::MaybeDecoded, limits,
                     out);
}

}  // namespace

Expected<std::vector<Capture>> request_captures(const JsonRequest& request,
                                                std::string_view source,
                                                const CaptureLimits& limits) {
  std::vector<Capture> captures;
  if (auto error = add_url_query(request, limits, captures)) {
    return *error;
  }
  if (auto error = add_body(request, limits, captures)) {
    return *error;
  }
  if (captures.empty() && request.container == JsonContainer::SamlTracer &&
      request.protocol == "SAML-P" && !request.saml.empty()) {
    captures.push_back(tracer_fallback(request, ""));
  }
  if (captures.empty()) {
    return captures;
  }

  auto time = request_time(request);
  if (!time) {
    return time.error();
  }
  for (Capture& capture : captures) {
    // Only SAML-tracer's own decoding can get here unchecked.
    const std::string_view markup = skip_bom_and_space(capture.xml);
    if (markup.empty() || markup.front() != '<') {
      return in_request(request, "its decoded \"saml\" value",
                        Error{ErrorKind::Decode, ErrorCode::CaptureNotXml,
                              "not XML; it starts with \"" +
                                  util::printable_prefix(capture.xml) + "\"",
                              {}});
    }
    if (capture.xml.size() > limits.max_xml_bytes) {
      return in_request(request, "its decoded \"saml\" value",
                        Error{ErrorKind::Limit, ErrorCode::CaptureSize,
                              "the XML is " + std::to_string(capture.xml.size()) +
                                  " bytes, more than the limit of " +
                                  std::to_string(limits.max_xml_bytes) + " bytes",
                              {}});
    }
    capture.format = request.container == JsonContainer::Har ? CaptureFormat::Har
                                                             : CaptureFormat::SamlTracer;
    capture.origin.source = std::string(source);
    capture.origin.entry = request.index + 1;  // people count entries from 1
    capture.origin.url = request.url;
    capture.origin.method = request.method;
    capture.captured_at = *time;
  }
  return captures;
}

Expected<std::optional<TimePoint>> tracer_export_time(const JsonScan& scan) {
  auto time = json_time(scan.export_time, scan.export_time_ms);
  if (!time) {
    Error error = time.error();
    error.message = "SAML-tracer export, timestamp: " + error.message;
    error.where.offset = -1;
    return error;
  }
  return time;
}

}  // namespace saml
