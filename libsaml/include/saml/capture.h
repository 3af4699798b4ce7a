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
  RedirectDeflate,       // base64 of raw DEFLATE (HTTP-Redirect binding): alone,
                         // percent-encoded or as a query string without the URL
  Url,                   // an http(s) URL whose query carries SAMLRequest or SAMLResponse
  Har,                   // a request in a HAR 1.2 file (browser devtools)
  SamlTracer,            // a request in a SAML-tracer JSON export
  HtmlForm,              // the IdP's auto-POST HTML page: a form with a SAMLResponse input
  CurlCommand,           // devtools' "Copy as cURL" (bash, Windows cmd, or curl.exe in PowerShell)
  PowerShellCommand,     // Chrome's "Copy as PowerShell" (Invoke-WebRequest ... -Body "...")
};

const char* capture_format_name(CaptureFormat format);

struct CaptureOrigin {
  std::string source;  // file name, or "-" for stdin
  // The message's number among the messages of its input, 1-based, and how many there
  // are: the one numbering every tool shows and `--index N` selects.
  std::size_t message = 1;
  std::size_t messages = 1;
  std::string field;   // form/query field the message came from ("SAMLResponse"), if any
  std::optional<std::size_t> entry;  // 1-based number in HAR log.entries / SAML-tracer requests
  std::string url;     // the request URL (Url, Har, SamlTracer, HtmlForm action, commands),
                       // exactly as captured
  std::string method;  // the HTTP method of a HAR entry, SAML-tracer request, form or command
};

struct Capture {
  std::string xml;                    // the decoded XML bytes, exactly as sent
  CaptureFormat format = CaptureFormat::RawXml;
  CaptureOrigin origin;
  std::string relay_state;            // RelayState from a form body or query, if present
  std::size_t base64_length = 0;      // characters of the base64 message (0 if not base64);
                                      // AssumeRoleWithSAML refuses more than 100,000
  std::optional<TimePoint> captured_at;
  bool deflated = false;              // the message was raw DEFLATE (HTTP-Redirect binding)
  std::string sig_alg;                // SigAlg and Signature of the HTTP-Redirect binding,
  std::string signature;              // percent-decoded; empty when absent
  // What the capture stage converted or repaired to read the message ("converted from
  // UTF-16 LE", "12 spaces in the base64 read as '+'"): every tool shows these.
  std::vector<std::string> notes;
};

// Where a capture came from, on one line, the same in every tool: "x.har, message 2 of 3
// (HAR entry 4): POST https://signin.aws.amazon.com/saml, field SAMLResponse" (a URL's
// query is shortened to "?...").
std::string describe_origin(const Capture& capture);

// Whether the message is a SAML request (AuthnRequest, LogoutRequest: the SAMLRequest half
// of a flow) rather than a Response: by its form field, else by its root element's name.
bool is_saml_request(const Capture& capture);

struct CaptureLimits {
  std::size_t max_xml_bytes = 1024 * 1024;  // decoded (and inflated) XML size limit
  std::size_t max_inflate_ratio = 200;      // inflated size / DEFLATE size, against bombs
};

// Detects the format and decodes. Input that is none of the known forms is an error that
// says what was found. Oversized encoded input is refused before decoding; a HAR file or
// SAML-tracer export may be of any size (it is streamed, and only the requests' SAML
// parameters are kept), each message in it is held to the limits. A HAR or export yields
// one Capture per SAML message, in file order; one that is damaged fails the whole input.
// Every capture's origin.message/messages number it within the input. UTF-16 text with a
// byte order mark is read as UTF-8 (and said so in the notes).
Expected<std::vector<Capture>> decode_capture(std::string_view bytes, std::string_view source,
                                              const CaptureLimits& limits = {});

}  // namespace saml
