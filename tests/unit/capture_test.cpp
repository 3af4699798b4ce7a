#define BOOST_TEST_MODULE capture
#include <boost/test/unit_test.hpp>

#include <openssl/evp.h>

#include <chrono>
#include <string>
#include <vector>

#include "fixtures.h"
#include "saml/capture.h"
#include "saml_support.h"

namespace {

using samltest::why;

const std::string kXml =
    "<?xml version=\"1.0\"?>\n"
    "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r?>~\">"
    "<Issuer>https://idp.example.com/?q=~~~&amp;x=>>></Issuer></samlp:Response>\n";

std::string wrap(std::string_view text, std::size_t width, std::string_view eol) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += width) {
    out += text.substr(i, width);
    out += eol;
  }
  return out;
}

// Percent-encodes what a browser encodes in a base64 form value.
std::string form_encode(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '+') {
      out += "%2B";
    } else if (c == '/') {
      out += "%2F";
    } else if (c == '=') {
      out += "%3D";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

saml::Capture decode_one(const std::string& input, const std::string& what) {
  auto result = saml::decode_capture(input, "capture.txt");
  BOOST_TEST_REQUIRE(result.has_value(), what << " refused: " << why(result));
  BOOST_TEST_REQUIRE(result->size() == 1u, what << " gave " << result->size() << " captures");
  return result->front();
}

saml::Error decode_error(const std::string& input, const std::string& what,
                         const saml::CaptureLimits& limits = {}) {
  auto result = saml::decode_capture(input, "capture.txt", limits);
  BOOST_TEST_REQUIRE(!result.has_value(), what << " was accepted");
  return result.error();
}

bool is_limit(const saml::Error& error) { return error.kind == saml::ErrorKind::Limit; }

}  // namespace

BOOST_AUTO_TEST_CASE(sample_base64_uses_every_special_character) {
  const std::string encoded = samltest::base64(kXml);
  BOOST_TEST(encoded.find('+') != std::string::npos, "test data must exercise '+'");
  BOOST_TEST(encoded.find('/') != std::string::npos, "test data must exercise '/'");
  BOOST_TEST(encoded.find('=') != std::string::npos, "test data must exercise '='");
}

BOOST_AUTO_TEST_CASE(raw_xml) {
  const saml::Capture plain = decode_one(kXml, "raw XML");
  BOOST_TEST(plain.xml == kXml);
  BOOST_TEST((plain.format == saml::CaptureFormat::RawXml));
  BOOST_TEST(plain.base64_length == 0u);
  BOOST_TEST(plain.origin.source == "capture.txt");
  BOOST_TEST(plain.origin.field.empty());
  BOOST_TEST(plain.relay_state.empty());
  BOOST_TEST(!plain.captured_at.has_value());

  const saml::Capture bom = decode_one("\xEF\xBB\xBF \r\n\t" + kXml, "raw XML after BOM");
  BOOST_TEST(bom.xml == kXml, "BOM and leading whitespace are dropped, the rest is kept");
}

BOOST_AUTO_TEST_CASE(plain_base64_with_any_wrapping) {
  const std::string encoded = samltest::base64(kXml);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"one line", encoded},
      {"76 columns CRLF", wrap(encoded, 76, "\r\n")},
      {"64 columns LF", wrap(encoded, 64, "\n")},
      {"spaces and tabs", "  " + wrap(encoded, 10, " \t") + "\n\n"},
      {"after BOM", "\xEF\xBB\xBF" + encoded},
  };
  for (const auto& [what, input] : cases) {
    const saml::Capture capture = decode_one(input, what);
    BOOST_TEST(capture.xml == kXml, what);
    BOOST_TEST((capture.format == saml::CaptureFormat::Base64), what);
    BOOST_TEST(capture.base64_length == encoded.size(), what);
    BOOST_TEST(capture.origin.field.empty(), what);
  }
}

BOOST_AUTO_TEST_CASE(decoded_xml_is_kept_exactly) {
  const std::string xml = "\xEF\xBB\xBF\n<a/>\n";
  const saml::Capture capture = decode_one(samltest::base64(xml), "BOM inside base64");
  BOOST_TEST(capture.xml == xml);
}

BOOST_AUTO_TEST_CASE(percent_encoded_base64) {
  const std::string encoded = samltest::base64(kXml);
  const saml::Capture capture = decode_one(form_encode(encoded), "percent-encoded");
  BOOST_TEST(capture.xml == kXml);
  BOOST_TEST((capture.format == saml::CaptureFormat::PercentEncodedBase64));
  BOOST_TEST(capture.base64_length == encoded.size());

  const saml::Capture lower = decode_one(
      encoded.substr(0, encoded.size() - 1) + "%3d", "lower-case escape with raw '+' and '/'");
  BOOST_TEST(lower.xml == kXml);
}

BOOST_AUTO_TEST_CASE(form_bodies) {
  const std::string encoded = samltest::base64(kXml);
  const std::string relay = "RelayState=https%3A%2F%2Fconsole.aws.amazon.com%2F%3Fa%3Db+c";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"response then relay", "SAMLResponse=" + form_encode(encoded) + "&" + relay},
      {"relay then response", relay + "&SAMLResponse=" + form_encode(encoded) + "\n"},
      {"wrapped value", "SAMLResponse=" + form_encode(wrap(encoded, 76, "\r\n")) + "&" + relay},
  };
  for (const auto& [what, input] : cases) {
    const saml::Capture capture = decode_one(input, what);
    BOOST_TEST(capture.xml == kXml, what);
    BOOST_TEST((capture.format == saml::CaptureFormat::FormBody), what);
    BOOST_TEST(capture.origin.field == "SAMLResponse", what);
    BOOST_TEST(capture.relay_state == "https://console.aws.amazon.com/?a=b c", what);
    BOOST_TEST(capture.base64_length == encoded.size(), what);
  }

  const saml::Capture request = decode_one("SAMLRequest=" + form_encode(encoded), "SAMLRequest");
  BOOST_TEST(request.origin.field == "SAMLRequest");
  BOOST_TEST(request.relay_state.empty());
  BOOST_TEST(request.xml == kXml);
}

BOOST_AUTO_TEST_CASE(form_body_errors) {
  const std::string encoded = form_encode(samltest::base64(kXml));
  const saml::Error empty = decode_error("SAMLResponse=&RelayState=x", "empty field");
  BOOST_TEST(empty.code == saml::ErrorCode::CaptureEmpty);
  BOOST_TEST(empty.message == "the SAMLResponse field is empty");

  const saml::Error twice =
      decode_error("SAMLResponse=" + encoded + "&SAMLRequest=" + encoded, "two messages");
  BOOST_TEST(twice.code == saml::ErrorCode::CaptureForm);

  const std::string bad_escape = "RelayState=x&SAMLResponse=PD94%2Gbm";
  const saml::Error escape = decode_error(bad_escape, "bad percent-escape");
  BOOST_TEST(escape.code == saml::ErrorCode::CapturePercent);
  BOOST_TEST(escape.where.offset == static_cast<long>(bad_escape.find("%2G")));
  BOOST_TEST(escape.message.find("'%2G'") != std::string::npos, escape.message);

  // The offset of a bad character counts the input bytes, escapes included.
  const std::string bad_char = "SAMLResponse=PD94%2Fbm%3D!PD94";
  const saml::Error character = decode_error(bad_char, "bad character in form value");
  BOOST_TEST(character.code == saml::ErrorCode::CaptureBase64);
  BOOST_TEST(character.where.offset == static_cast<long>(bad_char.find('!')));
  BOOST_TEST(character.message == "invalid base64 character '!' at offset " +
                                      std::to_string(bad_char.find('!')));
}

BOOST_AUTO_TEST_CASE(base64_errors_give_offsets) {
  std::string encoded = samltest::base64(kXml);
  std::string with_bang = "\n\n" + encoded;
  with_bang[102] = '!';
  const saml::Error bang = decode_error(with_bang, "'!' in base64");
  BOOST_TEST(bang.code == saml::ErrorCode::CaptureBase64);
  BOOST_TEST(bang.message == "invalid base64 character '!' at offset 102");
  BOOST_TEST(bang.where.offset == 102);
  BOOST_TEST(!is_limit(bang));

  std::string control = encoded;
  control[7] = '\x01';
  const saml::Error binary = decode_error(control, "control byte in base64");
  BOOST_TEST(binary.message == "invalid base64 character '\\x01' at offset 7");

  const saml::Error url_safe = decode_error("PD94-bWw=", "URL-safe alphabet");
  BOOST_TEST(url_safe.where.offset == 4);

  const saml::Error truncated = decode_error(encoded.substr(0, 41), "truncated");
  BOOST_TEST(truncated.code == saml::ErrorCode::CaptureBase64);
  BOOST_TEST(truncated.message.find("41 characters") != std::string::npos, truncated.message);

  const saml::Error after_padding = decode_error("PD94bW==PD94", "data after padding");
  BOOST_TEST(after_padding.message == "base64 data after the '=' padding at offset 8");
  const saml::Error much_padding = decode_error("PD94b===", "three '='");
  BOOST_TEST(much_padding.message == "too much '=' padding at offset 7");
}

// Fuzzer-found (regressions/decode_fuzzer/base64-of-two-byte-message-not-detected): the
// base64 of a one- or two-byte message has its '=' padding in the first four characters,
// and the format detector refused it as an unknown format.
BOOST_AUTO_TEST_CASE(base64_padded_within_four_characters) {
  for (const std::string& message : {std::string("<\xB0"), std::string("<")}) {
    const std::string encoded = samltest::base64(message);
    const saml::Capture capture = decode_one(encoded, "base64 " + encoded);
    BOOST_TEST(capture.xml == message, encoded);
    BOOST_TEST((capture.format == saml::CaptureFormat::Base64), encoded);
    BOOST_TEST(capture.base64_length == encoded.size(), encoded);
  }
  BOOST_TEST(decode_one("PLA%3D", "percent-encoded PLA=").xml == "<\xB0");
  // An '=' that is not trailing padding still does not make base64.
  for (const std::string text : {"x=y", "PL=A", "P=", "=PLA"}) {
    BOOST_TEST(decode_error(text, text).code == saml::ErrorCode::CaptureUnknownFormat, text);
  }
}

BOOST_AUTO_TEST_CASE(decoded_bytes_must_look_like_xml) {
  const saml::Error text = decode_error(samltest::base64("hello world, this is not XML"), "text");
  BOOST_TEST(text.code == saml::ErrorCode::CaptureNotXml);
  BOOST_TEST(text.message.find("\"hello world, this is not...\"") != std::string::npos,
             text.message);

  const saml::Error gzip = decode_error(samltest::base64(std::string("\x1f\x8b\x08\x00rest", 8)), "gzip");
  BOOST_TEST(gzip.code == saml::ErrorCode::CaptureNotXml);
  BOOST_TEST(gzip.message.find("\\x1f\\x8b\\x08\\x00rest") != std::string::npos, gzip.message);
}

BOOST_AUTO_TEST_CASE(other_inputs_are_named) {
  const saml::Error empty = decode_error("", "empty input");
  BOOST_TEST(empty.code == saml::ErrorCode::CaptureEmpty);
  BOOST_TEST(decode_error(" \r\n\t", "whitespace").code == saml::ErrorCode::CaptureEmpty);
  BOOST_TEST(decode_error("\xEF\xBB\xBF", "only a BOM").code == saml::ErrorCode::CaptureEmpty);

  for (const std::string html : {"<!DOCTYPE html><html><body>Sign in</body></html>",
                                 "\n<!doctype HTML>", "<HTML lang=\"en\">"}) {
    const saml::Error error = decode_error(html, html);
    BOOST_TEST(error.code == saml::ErrorCode::CaptureHtml, html);
    BOOST_TEST(error.message.find("HTML page has no form with a SAMLResponse or SAMLRequest field") !=
                   std::string::npos,
               error.message);
  }

  for (const std::string json :
       {"[{\"url\": \"x\"}]", "{\"errorCode\":\"E0000004\",\"errorSummary\":\"Authentication failed\"}",
        "{\"log\": {\"version\": \"1.2\"}}"}) {
    const saml::Error error = decode_error(json, json);
    BOOST_TEST(error.code == saml::ErrorCode::CaptureJson, json);
    BOOST_TEST(error.message.find("this is JSON but neither a HAR file") != std::string::npos,
               error.message);
  }

  const saml::Error unknown = decode_error("#!/bin/sh\necho hi", "script");
  BOOST_TEST(unknown.code == saml::ErrorCode::CaptureUnknownFormat);
  BOOST_TEST(unknown.message.find("starts with \"#!/bin/sh\\x0aecho hi\"") != std::string::npos,
             unknown.message);
}

BOOST_AUTO_TEST_CASE(size_limits) {
  const saml::CaptureLimits small{.max_xml_bytes = 40};
  const std::string xml = "<a>" + std::string(40, 'x') + "</a>";

  const saml::Error raw = decode_error(xml, "raw XML over the limit", small);
  BOOST_TEST(raw.code == saml::ErrorCode::CaptureSize);
  BOOST_TEST(is_limit(raw));
  BOOST_TEST(raw.message.find("47 bytes") != std::string::npos, raw.message);
  BOOST_TEST(saml::decode_capture(xml.substr(0, 40), "-", small).has_value(), "at the limit");

  const saml::Error decoded = decode_error(samltest::base64(xml), "base64 over the limit", small);
  BOOST_TEST(decoded.code == saml::ErrorCode::CaptureSize);
  BOOST_TEST(is_limit(decoded));
  BOOST_TEST(decoded.message.find("decodes to 47 bytes") != std::string::npos, decoded.message);
  BOOST_TEST(saml::decode_capture(samltest::base64(xml.substr(0, 40)), "-", small).has_value());

  // Refused before any decoding: the text is not even valid base64.
  const std::string huge(10000, '!');
  const saml::Error encoded = decode_error("PD94" + huge, "huge encoded input", small);
  BOOST_TEST(encoded.code == saml::ErrorCode::CaptureSize);
  BOOST_TEST(encoded.message.find("10004 bytes") != std::string::npos, encoded.message);
  const saml::Error form = decode_error("SAMLResponse=" + huge, "huge form body", small);
  BOOST_TEST(form.code == saml::ErrorCode::CaptureSize);
}

BOOST_AUTO_TEST_CASE(format_names) {
  BOOST_TEST(std::string(saml::capture_format_name(saml::CaptureFormat::RawXml)) == "raw XML");
  BOOST_TEST(std::string(saml::capture_format_name(saml::CaptureFormat::Base64)) == "base64");
  BOOST_TEST(std::string(saml::capture_format_name(saml::CaptureFormat::FormBody)) ==
             "form body");
  BOOST_TEST(std::string(saml::capture_format_name(saml::CaptureFormat::PercentEncodedBase64)) ==
             "percent-encoded base64");
}

// ---------------------------------------------------------------------------------------
// HTTP-Redirect binding, URLs, HAR files and SAML-tracer exports
// ---------------------------------------------------------------------------------------
namespace {

const std::string kRelayState = "https://console.aws.amazon.com/console/home?region=us-east-1";
const std::string kAwsAcs = "https://signin.aws.amazon.com/saml";

std::string unbase64(std::string_view text) {
  std::string out(text.size() / 4 * 3, '\0');
  EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                  reinterpret_cast<const unsigned char*>(text.data()),
                  static_cast<int>(text.size()));
  while (!text.empty() && text.back() == '=') {
    text.remove_suffix(1);
    out.pop_back();
  }
  return out;
}

std::string query_of(const std::string& url) { return url.substr(url.find('?') + 1); }

std::string time_text(const std::optional<saml::TimePoint>& t) {
  return t ? saml::format_xs_datetime(*t) : "(none)";
}

std::vector<saml::Capture> decode_all(const std::string& input, const std::string& what,
                                      const saml::CaptureLimits& limits = {}) {
  auto result = saml::decode_capture(input, "capture.json", limits);
  BOOST_TEST_REQUIRE(result.has_value(), what << " refused: " << why(result));
  return *result;
}

// A HAR document around entries written as JSON objects.
std::string har(const std::vector<std::string>& entries) {
  std::string out = R"({"log": {"version": "1.2", "creator": {"name": "test", "version": "1"},)"
                    R"( "entries": [)";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    out += (i > 0 ? ", " : "") + entries[i];
  }
  return out + "]}}";
}

std::string har_entry(const std::string& method, const std::string& url,
                      const std::string& post_data = "",
                      const std::string& started = "2024-05-01T12:00:00.000Z") {
  return R"({"startedDateTime": ")" + started + R"(", "request": {"method": ")" + method +
         R"(", "url": ")" + url + R"(", "headers": [], "queryString": [])" +
         (post_data.empty() ? "" : ", \"postData\": " + post_data) +
         R"(}, "response": {"status": 200, "content": {"size": 2, "text": "ok"}}})";
}

}  // namespace

BOOST_AUTO_TEST_CASE(redirect_binding_values) {
  const std::string xml = samltest::read_fixture("captures/authn-request.xml");
  const std::string deflated = samltest::read_fixture("captures/authn-request.deflate.b64");
  const std::string query = query_of(samltest::read_fixture("captures/authn-request.url"));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"base64 DEFLATE", deflated},
      {"wrapped base64 DEFLATE", wrap(deflated, 76, "\n")},
      {"percent-encoded base64 DEFLATE", form_encode(deflated)},
      {"query string without the URL", query},
  };
  for (const auto& [what, input] : cases) {
    const saml::Capture capture = decode_one(input, what);
    BOOST_TEST(capture.xml == xml, what);
    BOOST_TEST((capture.format == saml::CaptureFormat::RedirectDeflate), what);
    BOOST_TEST(capture.deflated, what);
    BOOST_TEST(capture.base64_length == deflated.size(), what);
  }
  const saml::Capture from_query = decode_one(query, "query string");
  BOOST_TEST(from_query.origin.field == "SAMLRequest");
  BOOST_TEST(from_query.relay_state == kRelayState);
  BOOST_TEST(from_query.sig_alg == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
  BOOST_TEST(from_query.signature.size() == 344u, "RSA-2048 signature in base64");

  const saml::Capture posted = decode_one(samltest::base64(kXml), "base64 XML is not inflated");
  BOOST_TEST(!posted.deflated);
}

BOOST_AUTO_TEST_CASE(redirect_urls) {
  const std::string url = samltest::read_fixture("captures/authn-request.url");
  const saml::Capture capture = decode_one(url + "\n", "redirect URL");
  BOOST_TEST((capture.format == saml::CaptureFormat::Url));
  BOOST_TEST(capture.xml == samltest::read_fixture("captures/authn-request.xml"));
  BOOST_TEST(capture.deflated);
  BOOST_TEST(capture.origin.url == url);
  BOOST_TEST(capture.origin.field == "SAMLRequest");
  BOOST_TEST(capture.relay_state == kRelayState);
  BOOST_TEST(capture.sig_alg == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
  BOOST_TEST(!capture.signature.empty());

  const std::string post_style = kAwsAcs + "?SAMLResponse=" + form_encode(samltest::base64(kXml)) + "#top";
  const saml::Capture response = decode_one(post_style, "URL with base64 XML");
  BOOST_TEST(response.xml == kXml);
  BOOST_TEST(response.origin.field == "SAMLResponse");
  BOOST_TEST(!response.deflated);

  const saml::Error none = decode_error("https://example.okta.com/app?fromURI=%2Fhome", "no SAML");
  BOOST_TEST(none.code == saml::ErrorCode::CaptureNoSaml);
  BOOST_TEST(none.message ==
             "the URL https://example.okta.com/app has no SAMLResponse or SAMLRequest query "
             "parameter");
  BOOST_TEST(decode_error(kAwsAcs, "no query").code == saml::ErrorCode::CaptureNoSaml);

  const std::string bad = "HTTPS://idp.example/sso?RelayState=x&SAMLRequest=fZJ%ZZ";
  const saml::Error escape = decode_error(bad, "bad escape in URL");
  BOOST_TEST(escape.code == saml::ErrorCode::CapturePercent);
  BOOST_TEST(escape.where.offset == static_cast<long>(bad.find("%ZZ")));
}

BOOST_AUTO_TEST_CASE(inflate_errors) {
  const std::string deflated =
      unbase64(samltest::read_fixture("captures/authn-request.deflate.b64"));

  const std::string bomb = samltest::read_fixture("captures/deflate-bomb.b64");
  const auto started = std::chrono::steady_clock::now();
  const saml::Error refused = decode_error(bomb, "DEFLATE bomb");
  const auto took = std::chrono::steady_clock::now() - started;
  const double ms = std::chrono::duration<double>(took).count() * 1000;
  BOOST_TEST_MESSAGE("DEFLATE bomb refused in " << ms << " ms");
  BOOST_TEST(refused.code == saml::ErrorCode::CaptureInflate);
  BOOST_TEST(is_limit(refused));
  BOOST_TEST(refused.message.find("inflates more than 200 times its size") != std::string::npos,
             refused.message);

  const saml::Error ratio = decode_error(samltest::base64(deflated), "ratio 1",
                                         saml::CaptureLimits{.max_inflate_ratio = 1});
  BOOST_TEST(ratio.code == saml::ErrorCode::CaptureInflate);
  BOOST_TEST(is_limit(ratio));

  const saml::Error size =
      decode_error(samltest::base64(deflated), "over the XML limit", saml::CaptureLimits{.max_xml_bytes = 600});
  BOOST_TEST(size.code == saml::ErrorCode::CaptureSize);
  BOOST_TEST(size.message == "the DEFLATE data inflates to more than 600 bytes, the limit for "
                             "the XML");

  const saml::Error truncated =
      decode_error(samltest::base64(deflated.substr(0, deflated.size() / 2)), "truncated DEFLATE");
  BOOST_TEST(truncated.code == saml::ErrorCode::CaptureInflate);
  BOOST_TEST(!is_limit(truncated));
  BOOST_TEST(truncated.message.find("ends early (truncated)") != std::string::npos,
             truncated.message);

  const saml::Error trailing = decode_error(samltest::base64(deflated + "junk"), "data after DEFLATE");
  BOOST_TEST(trailing.code == saml::ErrorCode::CaptureInflate);
  BOOST_TEST(trailing.message.find("4 bytes follow the end") != std::string::npos,
             trailing.message);

  const saml::Error corrupt = decode_error(samltest::base64("\x07\x01\x02\x03garbage"), "not DEFLATE");
  BOOST_TEST(corrupt.code == saml::ErrorCode::CaptureNotXml);
  BOOST_TEST(corrupt.message.find("are not DEFLATE either") != std::string::npos,
             corrupt.message);
}

BOOST_AUTO_TEST_CASE(har_from_firefox_idp_initiated_flow) {
  const std::string response = samltest::read_fixture("responses/okta-aws-signed-assertion.xml");
  const std::vector<saml::Capture> captures =
      decode_all(samltest::read_fixture("captures/okta-idp-initiated.har"), "Okta HAR");
  // Entry 0 carries the SAMLResponse in its response body (Okta's auto-post form): not a
  // request, so not taken.
  BOOST_TEST_REQUIRE(captures.size() == 2u, "the two POSTs to the AWS endpoint");
  const std::size_t entries[] = {3, 4};  // 1-based, as people count
  const std::string times[] = {"2024-05-01T12:00:00.456000Z", "2024-05-01T12:00:04.789000Z"};
  for (std::size_t i = 0; i < 2; ++i) {
    const saml::Capture& capture = captures[i];
    BOOST_TEST(capture.xml == response, "capture " << i);
    BOOST_TEST((capture.format == saml::CaptureFormat::Har), "capture " << i);
    BOOST_TEST(capture.origin.source == "capture.json", "capture " << i);
    BOOST_TEST(capture.origin.field == "SAMLResponse", "capture " << i);
    BOOST_TEST((capture.origin.entry == entries[i]), "capture " << i);
    BOOST_TEST(capture.origin.url == kAwsAcs, "capture " << i);
    BOOST_TEST(capture.origin.method == "POST", "capture " << i);
    BOOST_TEST(time_text(capture.captured_at) == times[i], "capture " << i);
    BOOST_TEST(capture.relay_state.empty(), "capture " << i);
    BOOST_TEST(capture.base64_length == samltest::base64(response).size(), "capture " << i);
    BOOST_TEST(!capture.deflated, "capture " << i);
  }
}

BOOST_AUTO_TEST_CASE(har_request_shapes) {
  const std::string encoded = samltest::base64(kXml);
  const std::string redirect = samltest::read_fixture("captures/authn-request.url");
  const std::string params_only =
      R"({"mimeType": "application/x-www-form-urlencoded", "params": [{"name": "RelayState", )"
      R"("value": "abc"}, {"name": "SAMLResponse", "value": ")" +
      form_encode(encoded) + R"("}]})";
  const std::string decoded_params =
      R"({"mimeType": "application/x-www-form-urlencoded", "params": [{"name": "SAMLResponse", )"
      R"("value": ")" + encoded + R"("}, {"name": "RelayState", "value": "100% sure"}]})";
  const std::vector<saml::Capture> captures = decode_all(
      har({har_entry("GET", redirect, "", "2024-05-01T13:59:59+01:00"),
           har_entry("GET", "https://example.com/?SAMLResponsive=1"),
           har_entry("POST", kAwsAcs, params_only), har_entry("POST", kAwsAcs, decoded_params)}),
      "HAR with a redirect and params-only bodies");
  BOOST_TEST_REQUIRE(captures.size() == 3u);

  BOOST_TEST((captures[0].origin.entry == std::size_t{1}));
  BOOST_TEST(captures[0].origin.field == "SAMLRequest");
  BOOST_TEST(captures[0].deflated);
  BOOST_TEST(captures[0].relay_state == kRelayState);
  BOOST_TEST(time_text(captures[0].captured_at) == "2024-05-01T12:59:59Z");

  BOOST_TEST((captures[1].origin.entry == std::size_t{3}));
  BOOST_TEST(captures[1].xml == kXml, "percent-encoded params (Chrome)");
  BOOST_TEST(captures[1].relay_state == "abc");
  BOOST_TEST((captures[2].origin.entry == std::size_t{4}));
  BOOST_TEST(captures[2].xml == kXml, "decoded params");
  BOOST_TEST(captures[2].relay_state == "100% sure", "a decoded value is kept as it is");
}

BOOST_AUTO_TEST_CASE(har_errors) {
  const saml::Error none = decode_error(
      har({har_entry("GET", "https://example.okta.com/"), har_entry("GET", "https://x.test/a.js"),
           har_entry("POST", kAwsAcs, R"({"mimeType": "text/plain", "text": "hello"})")}),
      "HAR without SAML");
  BOOST_TEST(none.code == saml::ErrorCode::CaptureNoSaml);
  BOOST_TEST(none.message == "HAR with 3 entries but no SAMLResponse or SAMLRequest in any request");
  BOOST_TEST(decode_error(har({}), "empty HAR").message.find("HAR with 0 entries") == 0u);

  const std::string broken = har({har_entry("GET", "https://x.test/"),
                                  har_entry("POST", kAwsAcs, R"({"text": "SAMLResponse=PD94!"})")});
  const saml::Error entry = decode_error(broken, "broken SAML entry");
  BOOST_TEST(entry.code == saml::ErrorCode::CaptureBase64);
  BOOST_TEST(entry.message ==
             "HAR entry 2 (POST https://signin.aws.amazon.com/saml), the request body: invalid "
             "base64 character '!' at offset 17");

  const std::string bad_time = har({har_entry("POST", kAwsAcs, R"({"text": "SAMLResponse=)" +
                                                                   form_encode(samltest::base64(kXml)) + "\"}",
                                              "yesterday")});
  const saml::Error time = decode_error(bad_time, "bad startedDateTime");
  BOOST_TEST(time.code == saml::ErrorCode::CaptureTime);
  BOOST_TEST(time.message.find("HAR entry 1 (POST https://signin.aws.amazon.com/saml), "
                               "startedDateTime: ") == 0u,
             time.message);

  const std::string json = R"({"log": {"entries": [{"request": tru}]}})";
  const saml::Error syntax = decode_error("\n  " + json, "malformed JSON");
  BOOST_TEST(syntax.code == saml::ErrorCode::CaptureJsonSyntax);
  BOOST_TEST(syntax.where.offset == static_cast<long>(3 + json.find("tru}") + 3));
  BOOST_TEST(syntax.message.find("malformed JSON at byte offset " +
                                 std::to_string(syntax.where.offset) + ": ") == 0u,
             syntax.message);

  const std::string cut = samltest::read_fixture("captures/okta-idp-initiated.har").substr(0, 5000);
  const saml::Error truncated = decode_error(cut, "truncated HAR");
  BOOST_TEST(truncated.code == saml::ErrorCode::CaptureJsonSyntax);
  BOOST_TEST(truncated.where.offset == 5000, "the error is where the file ends");

  // Nesting far deeper than any HAR: bounded memory, then a plain "not HAR" answer.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  BOOST_TEST(decode_error(deep, "deep JSON").code == saml::ErrorCode::CaptureJson);
}

BOOST_AUTO_TEST_CASE(saml_tracer_export) {
  const std::vector<saml::Capture> captures =
      decode_all(samltest::read_fixture("captures/saml-tracer-export.json"), "SAML-tracer");
  BOOST_TEST_REQUIRE(captures.size() == 2u);
  const saml::Capture& request = captures[0];
  BOOST_TEST((request.format == saml::CaptureFormat::SamlTracer));
  BOOST_TEST((request.origin.entry == std::size_t{1}));
  BOOST_TEST(request.origin.field == "SAMLRequest");
  BOOST_TEST(request.origin.method == "GET");
  BOOST_TEST(request.origin.url == samltest::read_fixture("captures/authn-request.url"));
  BOOST_TEST(request.xml == samltest::read_fixture("captures/authn-request.xml"));
  BOOST_TEST(request.deflated);
  BOOST_TEST(time_text(request.captured_at) == "2024-05-01T12:00:09.347000Z",
             "no per-request time: the export's own timestamp");
  BOOST_TEST_REQUIRE(request.notes.size() == 1u);
  BOOST_TEST(request.notes[0].find("export's timestamp") != std::string::npos, request.notes[0]);

  const saml::Capture& response = captures[1];
  BOOST_TEST((response.origin.entry == std::size_t{3}));
  BOOST_TEST(response.origin.field == "SAMLResponse");
  BOOST_TEST(response.xml == samltest::read_fixture("responses/okta-aws-signed-assertion.xml"));
  BOOST_TEST(response.relay_state == kRelayState);
  BOOST_TEST(response.base64_length > 0u);
}

BOOST_AUTO_TEST_CASE(saml_tracer_variants) {
  const std::string hashed =
      R"({"requests": [{"method": "POST", "url": "https://signin.aws.amazon.com/saml", )"
      R"("timestamp": 1714564800123, "post": [{"name": "SAMLResponse", "value": "5f4dcc3b5aa7"}], )"
      R"("protocol": "SAML-P", "saml": "<samlp:Response/>"}], "timestamp": "2024-05-01T12:00:09Z"})";
  const std::vector<saml::Capture> captures = decode_all(hashed, "hashed export");
  BOOST_TEST_REQUIRE(captures.size() == 1u);
  BOOST_TEST(captures[0].xml == "<samlp:Response/>", "falls back to the decoded message");
  BOOST_TEST(captures[0].origin.field == "SAMLResponse");
  BOOST_TEST(captures[0].base64_length == 0u);
  BOOST_TEST(time_text(captures[0].captured_at) == "2024-05-01T12:00:00.123000Z",
             "the request's own time wins over the export's");
  BOOST_TEST(captures[0].notes.empty());

  const saml::Error bad_export_time = decode_error(
      R"({"requests": [{"method": "POST", "url": "https://a.test/acs", "protocol": "SAML-P", )"
      R"("post": [], "saml": "<samlp:Response/>"}], "timestamp": "yesterday"})",
      "export timestamp that is not a time");
  BOOST_TEST(bad_export_time.code == saml::ErrorCode::CaptureTime);
  BOOST_TEST(bad_export_time.message.find("SAML-tracer export, timestamp: ") == 0u,
             bad_export_time.message);

  const saml::Error not_xml = decode_error(
      R"({"requests": [{"method": "POST", "url": "https://a.test/acs", "protocol": "SAML-P", )"
      R"("post": [["SAMLResponse", "x"]], "saml": "  "}]})",
      "tracer fallback that is not XML");
  BOOST_TEST(not_xml.code == saml::ErrorCode::CaptureNotXml);

  const saml::Error none = decode_error(
      R"({"requests": [{"method": "GET", "url": "https://x.test/", "get": [], "post": []}]})",
      "tracer without SAML");
  BOOST_TEST(none.code == saml::ErrorCode::CaptureNoSaml);
  BOOST_TEST(none.message ==
             "SAML-tracer export with 1 requests but no SAMLResponse or SAMLRequest in any of them");

  const saml::Error broken = decode_error(
      R"({"requests": [{"method": "POST", "url": "https://a.test/acs", "post": [["SAMLResponse", "%%"]]}]})",
      "tracer with a broken message and no decoded copy");
  BOOST_TEST(broken.message.find("SAML-tracer request 1 (POST https://a.test/acs), the POST "
                                 "parameters: ") == 0u,
             broken.message);
}

BOOST_AUTO_TEST_CASE(har_of_100_mb_is_streamed) {
  // 100 entries with a 1 MiB response body each, one SAML POST among them.
  const std::string body(1024 * 1024, 'A');
  const std::string saml_entry =
      har_entry("POST", kAwsAcs,
                R"({"mimeType": "application/x-www-form-urlencoded", "text": "SAMLResponse=)" +
                    form_encode(samltest::base64(kXml)) + R"(&RelayState=r"})",
                "2024-05-01T12:00:00.5Z");
  std::string input;
  input.reserve(101 * (body.size() + 512));
  input += R"({"log": {"version": "1.2", "entries": [)";
  for (std::size_t i = 0; i < 100; ++i) {
    if (i > 0) {
      input += ", ";
    }
    if (i == 57) {
      input += saml_entry + ", ";
    }
    input += R"({"startedDateTime": "2024-05-01T12:00:00Z", "request": {"method": "GET", )"
             R"("url": "https://cdn.example/app.js", "headers": []}, "response": {"content": )"
             R"({"mimeType": "application/javascript", "text": ")" +
             body + R"("}}})";
  }
  input += "]}}";

  const auto started = std::chrono::steady_clock::now();
  const std::vector<saml::Capture> captures = decode_all(input, "100 MB HAR");
  const auto took = std::chrono::steady_clock::now() - started;
  BOOST_TEST_MESSAGE("HAR of " << input.size() << " bytes decoded in "
                               << std::chrono::duration<double>(took).count() << " s");
  BOOST_TEST(input.size() > 100u * 1024 * 1024);
  BOOST_TEST_REQUIRE(captures.size() == 1u);
  BOOST_TEST((captures[0].origin.entry == std::size_t{58}));
  BOOST_TEST(captures[0].xml == kXml);
  BOOST_TEST(captures[0].relay_state == "r");
  BOOST_TEST(time_text(captures[0].captured_at) == "2024-05-01T12:00:00.500000Z");
}

BOOST_AUTO_TEST_CASE(new_format_names) {
  BOOST_TEST(std::string(saml::capture_format_name(saml::CaptureFormat::RedirectDeflate)) ==
             "HTTP-Redirect (base64 DEFLATE)");
  BOOST_TEST(std::string(saml::capture_format_name(saml::CaptureFormat::Url)) == "URL");
  BOOST_TEST(std::string(saml::capture_format_name(saml::CaptureFormat::Har)) == "HAR");
  BOOST_TEST(std::string(saml::capture_format_name(saml::CaptureFormat::SamlTracer)) ==
             "SAML-tracer export");
}

// ---------------------------------------------------------------------------------------
// What people paste: copied commands, auto-POST pages, UTF-16, '+' turned into spaces
// ---------------------------------------------------------------------------------------
namespace {

const std::string kSignedXml = samltest::read_fixture("responses/okta-aws-signed-assertion.xml");

// The signed response with RelayState, POSTed to AWS, whatever the wrapper.
void expect_aws_post(const saml::Capture& capture, saml::CaptureFormat format, const std::string& what) {
  BOOST_TEST(capture.xml == kSignedXml, what);
  BOOST_TEST((capture.format == format), what << ": " << saml::capture_format_name(capture.format));
  BOOST_TEST(capture.origin.field == "SAMLResponse", what);
  BOOST_TEST(capture.origin.url == kAwsAcs, what);
  BOOST_TEST(capture.origin.method == "POST", what);
  BOOST_TEST(capture.relay_state == kRelayState, what);
  BOOST_TEST(capture.base64_length == samltest::base64(kSignedXml).size(), what);
}

// A bash "Copy as cURL" posting `body`.
std::string bash_curl(const std::string& body) {
  return "curl 'https://signin.aws.amazon.com/saml' \\\n  --data-raw '" + body + "'\n";
}

}  // namespace

BOOST_AUTO_TEST_CASE(copied_commands_from_every_browser_and_shell) {
  struct Case {
    const char* fixture;
    saml::CaptureFormat format;
    const char* captured;  // from the Date header, when sent
  };
  const Case cases[] = {
      {"chrome-bash.curl", saml::CaptureFormat::CurlCommand, "2024-05-01T12:00:01Z"},
      {"chrome-cmd.curl", saml::CaptureFormat::CurlCommand, "(none)"},
      {"firefox-cmd.curl", saml::CaptureFormat::CurlCommand, "(none)"},
      {"firefox-bash.curl", saml::CaptureFormat::CurlCommand, "(none)"},
      {"powershell-curl-exe.ps1", saml::CaptureFormat::CurlCommand, "(none)"},
      {"chrome.ps1", saml::CaptureFormat::PowerShellCommand, "2024-05-01T12:00:01Z"},
  };
  for (const Case& c : cases) {
    const saml::Capture capture =
        decode_one(samltest::read_fixture(std::string("captures/") + c.fixture), c.fixture);
    expect_aws_post(capture, c.format, c.fixture);
    BOOST_TEST(time_text(capture.captured_at) == c.captured, c.fixture);
    BOOST_TEST(capture.notes.empty(), c.fixture);
  }
}

BOOST_AUTO_TEST_CASE(bash_quoting) {
  const std::string b64 = samltest::base64(kXml);
  const std::string body = "SAMLResponse=" + form_encode(b64) + "&RelayState=";
  // $'...' with escapes, "..." with \" and \$, a line continuation inside a word.
  const std::string ansi = "curl $'https://a.test/acs?x=\\x41\\u00e9\\'' -H \"x: \\\"q\\\" \\$5\" -H $'cookie: o\\'b' \\\n"
                           "  --data-raw 'SAMLResponse=" + form_encode(b64).substr(0, 10) + "'\\\n'" +
                           form_encode(b64).substr(10) + "&RelayState=a%20b'";
  const saml::Capture capture = decode_one(ansi, "bash escapes");
  BOOST_TEST(capture.xml == kXml);
  BOOST_TEST(capture.origin.url == "https://a.test/acs?x=A\xC3\xA9'");
  BOOST_TEST(capture.relay_state == "a b");

  // Several -d are joined with '&'; -dVALUE is one word; --data drops line breaks.
  const saml::Capture joined = decode_one("curl https://a.test/acs -d 'RelayState=r' -d'SAMLResponse=" +
                                              form_encode(b64) + "' --compressed",
                                          "-d twice");
  BOOST_TEST(joined.xml == kXml);
  BOOST_TEST(joined.relay_state == "r");
  BOOST_TEST(joined.origin.method == "POST");

  // --data-urlencode takes the raw value: its '+' is a '+'.
  const saml::Capture urlencoded =
      decode_one("curl https://a.test/acs --data-urlencode 'SAMLResponse=" + b64 + "'", "--data-urlencode");
  BOOST_TEST(urlencoded.xml == kXml);

  // -G moves the data into the query: the HTTP-Redirect binding.
  const saml::Capture get = decode_one("curl -G https://a.test/sso -d 'SAMLRequest=" + form_encode(b64) + "'", "-G");
  BOOST_TEST(get.origin.method == "GET");
  BOOST_TEST(get.origin.field == "SAMLRequest");
  BOOST_TEST(get.origin.url.find("https://a.test/sso?SAMLRequest=") == 0u);

  // A URL that carries the message is enough.
  const std::string redirect = samltest::read_fixture("captures/authn-request.url");
  const saml::Capture url_only = decode_one("curl '" + redirect + "' -H 'accept: */*'", "redirect URL");
  BOOST_TEST(url_only.xml == samltest::read_fixture("captures/authn-request.xml"));
  BOOST_TEST(url_only.deflated);
  BOOST_TEST((url_only.format == saml::CaptureFormat::CurlCommand));
  BOOST_TEST(decode_one(bash_curl(body), "plain").xml == kXml);
}

BOOST_AUTO_TEST_CASE(commands_that_are_refused_say_why) {
  const std::string b64 = form_encode(samltest::base64(kXml));
  struct Case {
    std::string command;
    saml::ErrorCode code;
    const char* says;
  };
  const Case cases[] = {
      {"curl https://a.test/ --data-raw \"SAMLResponse=$SAML\"", saml::ErrorCode::CaptureCommand, "expand '$'"},
      {"curl https://a.test/ -d SAMLResponse=$(cat x)", saml::ErrorCode::CaptureCommand, "expand '$'"},
      {"curl https://a.test/ -d 'SAMLResponse=" + b64 + "' | jq .", saml::ErrorCode::CaptureCommand, "operator '|'"},
      {"curl https://a.test/ --data @saml.txt", saml::ErrorCode::CaptureCommand, "reads the body from a file"},
      {"curl https://a.test/ --data-urlencode SAMLResponse@saml.txt", saml::ErrorCode::CaptureCommand, "from a file"},
      {"curl https://a.test/ --data-raw 'SAMLResponse=abc", saml::ErrorCode::CaptureCommand, "not closed"},
      {"curl https://a.test/ -d 'x=1'\ncurl https://b.test/ -d 'y=2'", saml::ErrorCode::CaptureCommand, "followed by more commands"},
      {"curl https://a.test/ -H 'accept: */*'", saml::ErrorCode::CaptureNoSaml, "neither in its body nor in its URL query"},
      {"curl https://a.test/ -d 'xSAMLResponse=abc'", saml::ErrorCode::CaptureNoSaml, "has no field of that name"},
      {"curl https://a.test/ https://b.test/ -d 'SAMLResponse=" + b64 + "'", saml::ErrorCode::CaptureCommand, "two URLs"},
      {"Invoke-WebRequest -Uri \"https://a.test/\" -Method POST -Body $body", saml::ErrorCode::CaptureCommand, "a variable"},
      {"Invoke-WebRequest -Uri \"https://a.test/\" -Body \"SAMLResponse=$saml\"", saml::ErrorCode::CaptureCommand, "PowerShell variable"},
      {"$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession\nWrite-Host $session",
       saml::ErrorCode::CaptureCommand, "no Invoke-WebRequest"},
  };
  for (const Case& c : cases) {
    const saml::Error error = decode_error(c.command, c.command);
    BOOST_TEST(error.code == c.code, c.command << ": " << error.message);
    BOOST_TEST(error.message.find(c.says) != std::string::npos, c.command << ": " << error.message);
  }
}

BOOST_AUTO_TEST_CASE(windows_cmd_quoting) {
  const std::string b64 = form_encode(samltest::base64(kXml));
  // Chrome: ^"...^" with a caret before each unsafe character and %^ after '%'; \^" is a
  // literal quote; ^ at a line end continues the command.
  std::string caret;
  for (const char c : "SAMLResponse=" + b64 + "&RelayState=say%20\"hi\"") {
    if (c == '"') {
      caret += "\\^\"";
    } else if (c == '%') {
      caret += "^%^";
    } else if (c == '&') {
      caret += "^&";
    } else {
      caret += c;
    }
  }
  const saml::Capture chrome =
      decode_one("curl ^\"https://a.test/acs^\" ^\n  -H ^\"x: y^\" ^\n  --data-raw ^\"" + caret + "^\"\r\n", "Chrome cmd");
  BOOST_TEST(chrome.xml == kXml);
  BOOST_TEST(chrome.relay_state == "say \"hi\"");
  BOOST_TEST(chrome.origin.url == "https://a.test/acs");

  // Firefox: "" for a quote, "%" for a percent sign.
  std::string doubled;
  for (const char c : "SAMLResponse=" + b64 + "&RelayState=say%20\"hi\"") {
    doubled += c == '"' ? std::string("\"\"") : c == '%' ? std::string("\"%\"") : std::string(1, c);
  }
  const saml::Capture firefox = decode_one("curl \"https://a.test/acs\" -X POST --data-raw \"" + doubled + "\"", "Firefox cmd");
  BOOST_TEST(firefox.xml == kXml);
  BOOST_TEST(firefox.relay_state == "say \"hi\"");
  BOOST_TEST(decode_error("curl \"https://a.test/\" -d \"x\" & del x", "cmd operator").message.find("operator '&'") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(powershell_quoting) {
  const std::string b64 = samltest::base64(kXml);
  const std::string body = "SAMLResponse=" + form_encode(b64) + "&RelayState=r";
  // Chrome's $([char]N) (a surrogate pair too), `" and "" inside "...", '' inside '...'.
  const std::string script =
      "$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession\n"
      "Invoke-WebRequest -UseBasicParsing -Uri 'https://a.test/acs?n=O''Brien' `\n"
      "-Method \"post\" `\n-WebSession $session `\n"
      "-Headers @{\n\"x-name\"=\"Ren$([char]233)e `\"R`\" \"\"J\"\" $([char]55357)$([char]56832)\"\n  \"Date\"=\"Wed, 01 May 2024 12:00:01 GMT\"\n} `\n"
      "-ContentType \"application/x-www-form-urlencoded\" `\n"
      "-Body ([System.Text.Encoding]::UTF8.GetBytes(\"" + body + "\"))\n";
  const saml::Capture capture = decode_one(script, "Chrome PowerShell, UTF8.GetBytes body");
  BOOST_TEST(capture.xml == kXml);
  BOOST_TEST(capture.origin.url == "https://a.test/acs?n=O'Brien");
  BOOST_TEST(capture.origin.method == "POST");
  BOOST_TEST((capture.format == saml::CaptureFormat::PowerShellCommand));
  BOOST_TEST(time_text(capture.captured_at) == "2024-05-01T12:00:01Z");

  // Half a surrogate pair is U+FFFD: a high half not followed by its low half is never
  // paired with a later one.
  const saml::Capture lone = decode_one(
      "Invoke-WebRequest -Uri \"https://a.test/acs?n=$([char]55357)x$([char]56832)\" -Method POST -Body '" + body + "'",
      "lone surrogates");
  BOOST_TEST(lone.origin.url == "https://a.test/acs?n=\xEF\xBF\xBDx\xEF\xBF\xBD");

  // A hashtable body is form-encoded by PowerShell: its values are the raw text.
  const saml::Capture table = decode_one(
      "Invoke-RestMethod -Method Post -Uri https://a.test/acs -Body @{ SAMLResponse = '" + b64 +
          "'; RelayState = 'a b' }",
      "hashtable body");
  BOOST_TEST(table.xml == kXml);
  BOOST_TEST(table.relay_state == "a b");

  // Outside a hashtable '=' is part of a bare word.
  const saml::Capture bare = decode_one("curl.exe https://a.test/acs -d SAMLResponse=" + form_encode(b64), "bare word");
  BOOST_TEST(bare.xml == kXml);
  BOOST_TEST((bare.format == saml::CaptureFormat::CurlCommand));

  const saml::Capture date = decode_one(
      "iwr https://a.test/acs -Method POST -Headers @{\"date\"=\"yesterday\"} -Body '" + body + "'", "bad date");
  BOOST_TEST(!date.captured_at.has_value());
  BOOST_TEST_REQUIRE(date.notes.size() == 1u);
  BOOST_TEST(date.notes[0].find("not an HTTP date") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(idp_auto_post_pages) {
  for (const char* fixture : {"okta-autopost.html", "shibboleth-autopost.html"}) {
    const saml::Capture capture = decode_one(samltest::read_fixture(std::string("captures/") + fixture), fixture);
    expect_aws_post(capture, saml::CaptureFormat::HtmlForm, fixture);
  }
  // Keycloak's and Entra ID's pages: upper case, no DOCTYPE, a relative action, no method.
  const std::string b64 = samltest::base64(kXml);
  const saml::Capture keycloak = decode_one(
      "<HTML><HEAD><TITLE>Authentication Redirect</TITLE></HEAD><BODY Onload=\"document.forms[0].submit()\">"
      "<FORM METHOD=\"POST\" ACTION=\"https://signin.aws.amazon.com/saml\"><INPUT TYPE=\"HIDDEN\" NAME=\"SAMLResponse\" "
      "VALUE=\"" + b64 + "\"/><INPUT TYPE=\"HIDDEN\" NAME=\"RelayState\" VALUE=\"a&amp;b=%41\"/>"
      "<NOSCRIPT><INPUT TYPE=\"SUBMIT\" VALUE=\"CONTINUE\" /></NOSCRIPT></FORM></BODY></HTML>",
      "Keycloak page");
  BOOST_TEST(keycloak.xml == kXml);
  BOOST_TEST(keycloak.relay_state == "a&b=%41", "an HTML value is not percent-decoded");
  BOOST_TEST(keycloak.origin.method == "POST");
  const saml::Capture entra = decode_one(
      "<html><head><title>Working...</title></head><body><form name=\"hiddenform\" action=\"/saml\">"
      "<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + b64 + "\" /></form></body></html>",
      "Entra page");
  BOOST_TEST(entra.origin.url == "/saml");
  BOOST_TEST(entra.origin.method == "GET", "the HTML default");

  // The first form that carries SAML; a login form before it is skipped.
  const saml::Capture second = decode_one(
      "<!DOCTYPE html><form action=\"/login\"><input name=\"user\"></form>"
      "<form action=\"https://x.test/acs\" method=\"post\"><input name=\"SAMLResponse\" value=\"" + b64 + "\"></form>",
      "two forms");
  BOOST_TEST(second.origin.url == "https://x.test/acs");

  const saml::Error error = decode_error(
      "<!DOCTYPE html><html><head><title>Your request included an invalid SAML response</title></head>"
      "<body><p>To logout, click here</p></body></html>",
      "the AWS error page");
  BOOST_TEST(error.code == saml::ErrorCode::CaptureHtml);
  BOOST_TEST(error.message.find("\"Your request included an invalid SAML response\"") != std::string::npos,
             error.message);
}

BOOST_AUTO_TEST_CASE(utf16_with_byte_order_mark) {
  const std::string le = samltest::read_fixture("captures/okta-aws-signed-assertion.utf16le.xml");
  const saml::Capture raw = decode_one(le, "UTF-16 LE XML");
  BOOST_TEST((raw.format == saml::CaptureFormat::RawXml));
  BOOST_TEST(raw.xml == kSignedXml, "converted to UTF-8; the declaration names UTF-8 again");
  BOOST_TEST_REQUIRE(raw.notes.size() == 2u);
  BOOST_TEST(raw.notes[0].find("UTF-16 LE") != std::string::npos);
  BOOST_TEST(raw.notes[1].find("XML declaration") != std::string::npos);

  const saml::Capture be = decode_one(samltest::read_fixture("captures/okta-aws-signed-assertion.utf16be.b64"), "UTF-16 BE base64");
  BOOST_TEST((be.format == saml::CaptureFormat::Base64));
  BOOST_TEST(be.xml == kSignedXml);
  BOOST_TEST_REQUIRE(be.notes.size() == 1u);
  BOOST_TEST(be.notes[0].find("UTF-16 BE") != std::string::npos);

  BOOST_TEST(decode_error(le.substr(0, le.size() - 1), "odd length").message.find("truncated") != std::string::npos);
  BOOST_TEST(decode_error(std::string("\xFF\xFE\x00\xD8<\x00", 6), "lone surrogate").code == saml::ErrorCode::CaptureEncoding);
  const saml::Error no_bom = decode_error(le.substr(2), "UTF-16 without a BOM");
  BOOST_TEST(no_bom.code == saml::ErrorCode::CaptureEncoding);
  BOOST_TEST(no_bom.message.find("without a byte order mark") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(base64_whose_plus_became_spaces) {
  const std::string b64 = samltest::base64(kXml);
  std::string spaced = b64;
  std::size_t pluses = 0;
  for (char& c : spaced) {
    if (c == '+') {
      c = ' ';
      ++pluses;
    }
  }
  BOOST_TEST_REQUIRE(pluses > 0u);
  for (const std::string& input : {spaced, "SAMLResponse=" + spaced + "&RelayState="}) {
    const saml::Capture capture = decode_one(input, input.substr(0, 20));
    BOOST_TEST(capture.xml == kXml);
    BOOST_TEST_REQUIRE(capture.notes.size() == 1u);
    BOOST_TEST(capture.notes[0].find(std::to_string(pluses) + " space") == 0u, capture.notes[0]);
  }
  const saml::Capture fixture = decode_one(samltest::read_fixture("captures/okta-aws-signed-assertion.plus-as-space.b64"), "fixture");
  BOOST_TEST(fixture.xml == kSignedXml);
  BOOST_TEST(fixture.notes.size() == 1u);
  // Spaces at line edges are wrapping, not lost '+'.
  BOOST_TEST(decode_one("  " + wrap(b64, 8, " \n  "), "indented lines").notes.empty());
}

BOOST_AUTO_TEST_CASE(messages_are_numbered_within_their_input) {
  const std::vector<saml::Capture> flow = decode_all(samltest::read_fixture("captures/saml-tracer-export.json"), "flow");
  BOOST_TEST_REQUIRE(flow.size() == 2u);
  BOOST_TEST(flow[0].origin.message == 1u);
  BOOST_TEST(flow[1].origin.message == 2u);
  BOOST_TEST(flow[1].origin.messages == 2u);
  BOOST_TEST(saml::is_saml_request(flow[0]));
  BOOST_TEST(!saml::is_saml_request(flow[1]));
  BOOST_TEST(saml::describe_origin(flow[1]) ==
             "capture.json, message 2 of 2 (SAML-tracer export, request 3): POST "
             "https://signin.aws.amazon.com/saml, field SAMLResponse");

  const saml::Capture single = decode_one(samltest::base64(kXml), "base64");
  BOOST_TEST(single.origin.message == 1u);
  BOOST_TEST(single.origin.messages == 1u);
  BOOST_TEST(saml::describe_origin(single) == "capture.txt (base64)");
  BOOST_TEST(!saml::is_saml_request(single), "a Response by its root element");
  BOOST_TEST(saml::is_saml_request(decode_one(samltest::read_fixture("captures/authn-request.xml"), "AuthnRequest")));
}
