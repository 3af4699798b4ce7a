// Streaming the HTTP requests out of a HAR 1.2 file or a SAML-tracer export, keeping only
// what can carry a SAML message (no JSON document tree is built).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saml/error.h"

namespace saml {

enum class JsonContainer {
  None,        // neither of the two shapes below
  Har,         // {"log": {"entries": [{"startedDateTime", "request": {...}}, ...]}}
  SamlTracer,  // {"requests": [{"method", "url", "post", "saml", ...}, ...]}
};

struct RequestParam {
  std::string name;
  std::string value;
};

struct JsonRequest {
  JsonContainer container = JsonContainer::None;
  std::size_t index = 0;  // in log.entries or requests
  std::string method;
  std::string url;
  std::string time;                    // HAR startedDateTime, or a SAML-tracer timestamp string
  std::optional<double> time_ms;       // a SAML-tracer timestamp number (ms since 1970)
  std::string body_text;               // HAR postData.text, kept only if it names a SAML field
  std::vector<RequestParam> body_params;  // HAR postData.params or SAML-tracer post: only the
                                          // SAML binding parameters
  std::string saml;                    // SAML-tracer's own decoding of the message
  std::string protocol;                // SAML-tracer's "SAML-P", "WS-Fed"
};

struct JsonScan {
  JsonContainer container = JsonContainer::None;
  std::size_t requests = 0;  // entries or requests seen
  std::string export_time;               // a SAML-tracer export's top-level "timestamp"
  std::optional<double> export_time_ms;  // the same as a number (ms since 1970)
};

// Called once per request, in file order; an Error stops the scan and is returned.
using RequestSink = std::function<std::optional<Error>(const JsonRequest&)>;

// Parses `json` with nlohmann's SAX parser. Malformed JSON is an error "capture.json-syntax"
// giving the byte offset, `start` added (the JSON's offset in the captured input).
Expected<JsonScan> scan_json_requests(std::string_view json, std::size_t start,
                                      const RequestSink& sink);

}  // namespace saml
