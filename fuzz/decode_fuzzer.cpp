// decode: decode_capture over every capture form it knows (raw XML, base64, percent-encoded
// base64, form body, HTTP-Redirect DEFLATE, URL, HAR, SAML-tracer export, the IdP's auto-POST
// HTML page, commands copied as cURL (bash, cmd, PowerShell) or as PowerShell, any of them in
// UTF-16 with a byte order mark, base64 whose '+' became spaces).
// Invariants:
//   - a decoded message never exceeds the configured XML limit (after inflating too), and
//     is not empty;
//   - base64 forms report their base64 length, raw XML reports none;
//   - re-encoding what was decoded (as base64, as percent-encoded base64, as a form body
//     with its RelayState, and as raw DEFLATE + base64 when it was deflated) and decoding
//     again gives back the same XML and RelayState;
//   - messages are numbered 1..n within the input;
//   - every error has a code and a message.
#include <openssl/evp.h>
#include <zlib.h>

#include <string>

#include "fuzz_support.h"
#include "saml/capture.h"

namespace {

// Small, so that the size refusals are reached by mutation.
constexpr saml::CaptureLimits kLimits{16 * 1024};
// Roomy enough for any re-encoding of a message within kLimits.
constexpr saml::CaptureLimits kReencodedLimits{4 * kLimits.max_xml_bytes, 1 << 30};

std::string base64_of(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                      reinterpret_cast<const unsigned char*>(bytes.data()),
                                      static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

// Raw DEFLATE (no zlib header), as the HTTP-Redirect binding sends it.
std::string deflate_raw(const std::string& bytes) {
  z_stream stream{};
  FUZZ_CHECK(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK,
             "zlib deflateInit2 failed");
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  FUZZ_CHECK(rc == Z_STREAM_END, "zlib deflate did not finish");
  return out;
}

// Escapes every byte that is not unreserved in a URL (RFC 3986), so '+', '/', '=', '&' and
// '%' all become %XX.
std::string percent_encode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

void check_error(const saml::Error& error, const std::string& what) {
  FUZZ_CHECK(!error.code.empty() && !error.message.empty(), what + ": error without code or message");
}

// Decodes `encoded` and checks it yields exactly one capture of `format` with `xml`.
saml::Capture expect_round_trip(const std::string& encoded, saml::CaptureFormat format,
                                      const std::string& xml, const char* what) {
  auto again = saml::decode_capture(encoded, "round-trip", kReencodedLimits);
  FUZZ_CHECK(again.has_value(), std::string(what) + " of a decoded message is refused: " +
                                    (again ? "" : again.error().code + " " + again.error().message));
  FUZZ_CHECK(again->size() == 1, std::string(what) + " gives more than one capture");
  const saml::Capture& capture = again->front();
  FUZZ_CHECK(capture.format == format,
             std::string(what) + " is detected as " + saml::capture_format_name(capture.format));
  FUZZ_CHECK(capture.xml == xml, std::string(what) + " decodes to different XML");
  return capture;
}

void check_capture(const saml::Capture& capture) {
  FUZZ_CHECK(!capture.xml.empty(), "a decoded capture has no XML");
  FUZZ_CHECK(capture.xml.size() <= kLimits.max_xml_bytes, "a decoded capture exceeds the XML limit");
  FUZZ_CHECK(capture.origin.source == "fuzz", "the capture lost its source name");
  if (capture.format == saml::CaptureFormat::RawXml) {
    FUZZ_CHECK(capture.base64_length == 0 && !capture.deflated, "raw XML with a base64 length or deflated");
  }
  if (capture.format == saml::CaptureFormat::Base64 || capture.format == saml::CaptureFormat::FormBody ||
      capture.format == saml::CaptureFormat::PercentEncodedBase64) {
    FUZZ_CHECK(capture.base64_length > 0, "a base64 form without its base64 length");
  }

  const std::string base64 = base64_of(capture.xml);
  const saml::Capture as_base64 = expect_round_trip(base64, saml::CaptureFormat::Base64, capture.xml,
                                                     "base64");
  FUZZ_CHECK(as_base64.base64_length == base64.size(), "base64_length is not the base64 length");
  const std::string encoded = percent_encode(base64);
  if (encoded != base64) {  // only with a '%' is it percent-encoded base64
    expect_round_trip(encoded, saml::CaptureFormat::PercentEncodedBase64, capture.xml,
                      "percent-encoded base64");
  }
  const std::string form = "SAMLResponse=" + encoded + "&RelayState=" + percent_encode(capture.relay_state);
  const saml::Capture as_form = expect_round_trip(form, saml::CaptureFormat::FormBody, capture.xml, "form body");
  FUZZ_CHECK(as_form.relay_state == capture.relay_state, "the form body lost its RelayState");
  FUZZ_CHECK(as_form.origin.field == "SAMLResponse", "the form body names the wrong field");
  if (capture.deflated) {
    const saml::Capture as_redirect = expect_round_trip(base64_of(deflate_raw(capture.xml)),
                                                        saml::CaptureFormat::RedirectDeflate, capture.xml,
                                                        "raw DEFLATE + base64");
    FUZZ_CHECK(as_redirect.deflated, "a re-deflated message is not marked deflated");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!fuzz::input_fits(size)) return -1;
  auto decoded = saml::decode_capture(fuzz::as_text(data, size), "fuzz", kLimits);
  if (!decoded) {
    check_error(decoded.error(), "decode_capture");
    return 0;
  }
  FUZZ_CHECK(!decoded->empty(), "decode_capture succeeded with no capture");
  for (std::size_t i = 0; i < decoded->size(); ++i) {
    const saml::Capture& capture = (*decoded)[i];
    FUZZ_CHECK(capture.origin.message == i + 1 && capture.origin.messages == decoded->size(),
               "a message is numbered wrongly within its input");
    check_capture(capture);
  }
  return 0;
}
