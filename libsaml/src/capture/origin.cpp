// describe_origin: one line naming where a capture came from, for every tool.
#include <string>

#include "saml/capture.h"

namespace saml {

std::string describe_origin(const Capture& capture) {
  const CaptureOrigin& origin = capture.origin;
  std::string text = origin.source;
  if (origin.messages > 1) {
    text += ", message " + std::to_string(origin.message) + " of " + std::to_string(origin.messages);
  }
  text += " (" + std::string(capture_format_name(capture.format));
  if (origin.entry) {
    text += capture.format == CaptureFormat::SamlTracer ? ", request " : ", entry ";
    text += std::to_string(*origin.entry);
  }
  text += ")";
  std::string detail;
  if (!origin.url.empty()) {
    // The query holds the whole encoded message; JSON's origin.url keeps it.
    const auto query = origin.url.find('?');
    const std::string url = query == std::string::npos ? origin.url : origin.url.substr(0, query) + "?...";
    detail = (origin.method.empty() ? "" : origin.method + " ") + url;
  }
  if (!origin.field.empty()) detail += (detail.empty() ? "field " : ", field ") + origin.field;
  return detail.empty() ? text : text + ": " + detail;
}

}  // namespace saml
