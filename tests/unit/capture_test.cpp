#define BOOST_TEST_MODULE capture
#include <boost/test/unit_test.hpp>

#include <openssl/evp.h>

#include <string>
#include <vector>

#include "saml/capture.h"

namespace {

const std::string kXml =
    "<?xml version=\"1.0\"?>\n"
    "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r?>~\">"
    "<Issuer>https://idp.example.com/?q=~~~&amp;x=>>></Issuer></samlp:Response>\n";

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

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

template <class T>
std::string why(const saml::Expected<T>& result) {
  return result.has_value() ? std::string() : result.error().code + ": " + result.error().message;
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
  const std::string encoded = base64(kXml);
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
  const std::string encoded = base64(kXml);
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
  const saml::Capture capture = decode_one(base64(xml), "BOM inside base64");
  BOOST_TEST(capture.xml == xml);
}

BOOST_AUTO_TEST_CASE(percent_encoded_base64) {
  const std::string encoded = base64(kXml);
  const saml::Capture capture = decode_one(form_encode(encoded), "percent-encoded");
  BOOST_TEST(capture.xml == kXml);
  BOOST_TEST((capture.format == saml::CaptureFormat::PercentEncodedBase64));
  BOOST_TEST(capture.base64_length == encoded.size());

  const saml::Capture lower = decode_one(
      encoded.substr(0, encoded.size() - 1) + "%3d", "lower-case escape with raw '+' and '/'");
  BOOST_TEST(lower.xml == kXml);
}

BOOST_AUTO_TEST_CASE(form_bodies) {
  const std::string encoded = base64(kXml);
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
  const std::string encoded = form_encode(base64(kXml));
  const saml::Error empty = decode_error("SAMLResponse=&RelayState=x", "empty field");
  BOOST_TEST(empty.code == "capture.empty");
  BOOST_TEST(empty.message == "the SAMLResponse field is empty");

  const saml::Error twice =
      decode_error("SAMLResponse=" + encoded + "&SAMLRequest=" + encoded, "two messages");
  BOOST_TEST(twice.code == "capture.form");

  const saml::Error url =
      decode_error("https://signin.aws.amazon.com/saml?SAMLResponse=" + encoded, "URL");
  BOOST_TEST(url.code == "capture.unknown-format");

  const std::string bad_escape = "RelayState=x&SAMLResponse=PD94%2Gbm";
  const saml::Error escape = decode_error(bad_escape, "bad percent-escape");
  BOOST_TEST(escape.code == "capture.percent");
  BOOST_TEST(escape.where.offset == static_cast<long>(bad_escape.find("%2G")));
  BOOST_TEST(escape.message.find("'%2G'") != std::string::npos, escape.message);

  // The offset of a bad character counts the input bytes, escapes included.
  const std::string bad_char = "SAMLResponse=PD94%2Fbm%3D!PD94";
  const saml::Error character = decode_error(bad_char, "bad character in form value");
  BOOST_TEST(character.code == "capture.base64");
  BOOST_TEST(character.where.offset == static_cast<long>(bad_char.find('!')));
  BOOST_TEST(character.message == "invalid base64 character '!' at offset " +
                                      std::to_string(bad_char.find('!')));
}

BOOST_AUTO_TEST_CASE(base64_errors_give_offsets) {
  std::string encoded = base64(kXml);
  std::string with_bang = "\n\n" + encoded;
  with_bang[102] = '!';
  const saml::Error bang = decode_error(with_bang, "'!' in base64");
  BOOST_TEST(bang.code == "capture.base64");
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
  BOOST_TEST(truncated.code == "capture.base64");
  BOOST_TEST(truncated.message.find("41 characters") != std::string::npos, truncated.message);

  const saml::Error after_padding = decode_error("PD94bW==PD94", "data after padding");
  BOOST_TEST(after_padding.message == "base64 data after the '=' padding at offset 8");
  const saml::Error much_padding = decode_error("PD94b===", "three '='");
  BOOST_TEST(much_padding.message == "too much '=' padding at offset 7");
}

BOOST_AUTO_TEST_CASE(decoded_bytes_must_look_like_xml) {
  const saml::Error text = decode_error(base64("hello world, this is not XML"), "text");
  BOOST_TEST(text.code == "capture.not-xml");
  BOOST_TEST(text.message.find("\"hello world, this is not...\"") != std::string::npos,
             text.message);

  const saml::Error gzip = decode_error(base64(std::string("\x1f\x8b\x08\x00rest", 8)), "gzip");
  BOOST_TEST(gzip.code == "capture.not-xml");
  BOOST_TEST(gzip.message.find("\\x1f\\x8b\\x08\\x00rest") != std::string::npos, gzip.message);
}

BOOST_AUTO_TEST_CASE(other_inputs_are_named) {
  const saml::Error empty = decode_error("", "empty input");
  BOOST_TEST(empty.code == "capture.empty");
  BOOST_TEST(decode_error(" \r\n\t", "whitespace").code == "capture.empty");
  BOOST_TEST(decode_error("\xEF\xBB\xBF", "only a BOM").code == "capture.empty");

  for (const std::string html : {"<!DOCTYPE html><html><body>Sign in</body></html>",
                                 "\n<!doctype HTML>", "<HTML lang=\"en\">"}) {
    const saml::Error error = decode_error(html, html);
    BOOST_TEST(error.code == "capture.html", html);
    BOOST_TEST(error.message.find("HTML page, not a SAML message") != std::string::npos, html);
  }

  for (const std::string json : {"{\"log\": {\"entries\": []}}", "[{\"url\": \"x\"}]"}) {
    BOOST_TEST(decode_error(json, json).code == "capture.json", json);
  }

  const saml::Error unknown = decode_error("#!/bin/sh\necho hi", "script");
  BOOST_TEST(unknown.code == "capture.unknown-format");
  BOOST_TEST(unknown.message.find("starts with \"#!/bin/sh\\x0aecho hi\"") != std::string::npos,
             unknown.message);
}

BOOST_AUTO_TEST_CASE(size_limits) {
  const saml::CaptureLimits small{.max_xml_bytes = 40};
  const std::string xml = "<a>" + std::string(40, 'x') + "</a>";

  const saml::Error raw = decode_error(xml, "raw XML over the limit", small);
  BOOST_TEST(raw.code == "capture.size");
  BOOST_TEST(is_limit(raw));
  BOOST_TEST(raw.message.find("47 bytes") != std::string::npos, raw.message);
  BOOST_TEST(saml::decode_capture(xml.substr(0, 40), "-", small).has_value(), "at the limit");

  const saml::Error decoded = decode_error(base64(xml), "base64 over the limit", small);
  BOOST_TEST(decoded.code == "capture.size");
  BOOST_TEST(is_limit(decoded));
  BOOST_TEST(decoded.message.find("decodes to 47 bytes") != std::string::npos, decoded.message);
  BOOST_TEST(saml::decode_capture(base64(xml.substr(0, 40)), "-", small).has_value());

  // Refused before any decoding: the text is not even valid base64.
  const std::string huge(10000, '!');
  const saml::Error encoded = decode_error("PD94" + huge, "huge encoded input", small);
  BOOST_TEST(encoded.code == "capture.size");
  BOOST_TEST(encoded.message.find("10004 bytes") != std::string::npos, encoded.message);
  const saml::Error form = decode_error("SAMLResponse=" + huge, "huge form body", small);
  BOOST_TEST(form.code == "capture.size");
}

BOOST_AUTO_TEST_CASE(format_names) {
  BOOST_TEST(std::string(saml::capture_format_name(saml::CaptureFormat::RawXml)) == "raw XML");
  BOOST_TEST(std::string(saml::capture_format_name(saml::CaptureFormat::Base64)) == "base64");
  BOOST_TEST(std::string(saml::capture_format_name(saml::CaptureFormat::FormBody)) ==
             "form body");
  BOOST_TEST(std::string(saml::capture_format_name(saml::CaptureFormat::PercentEncodedBase64)) ==
             "percent-encoded base64");
}
