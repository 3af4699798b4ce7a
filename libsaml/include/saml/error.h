// Errors and results shared by every stage: a stable code, a message for people, and
// where in the input the problem is.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace saml {

// Where a problem sits. Lines are those of the decoded XML (1-based; 0 = unknown).
// `element` is a slash path such as /Response/Assertion/Subject/NameID.
struct Location {
  int line = 0;
  std::string element;
  std::string attribute;
  // Byte offset in the captured (encoded) input, for decode errors; -1 = not applicable.
  long offset = -1;
  // 1-based column of the element's start tag on `line`, in UTF-16 code units as SARIF counts
  // them; 0 = unknown (libxml2 records lines only: parse_xml measures element columns).
  int column = 0;

  bool empty() const { return line == 0 && element.empty() && attribute.empty() && offset < 0; }
};

// What kind of failure an Error is; tools map this to exit codes in one place.
enum class ErrorKind {
  Decode,  // the bytes could not be unwrapped or parsed as XML at all (exit 3)
  Limit,   // a configured size/depth/count limit was hit (exit 3)
  Config,  // bad configuration given by the caller: key, fingerprint, metadata (exit 2)
};

// Which problem an Error is: the one list of error codes. Numbers are banded by the stage
// that raises them (1xx capture, 2xx xml, 3xx time, 4xx trust, 5xx xmlenc, 6xx aws,
// 7xx decode, 8xx lint, 9xx the tools' input and command line, 10xx iam); a code keeps its number and
// its name. Code branches on these values, never on a message. docs/architecture.md lists
// them (checked against this enum by the test docs.error_codes).
enum class ErrorCode {
  // capture: unwrapping the posted bytes
  CaptureEmpty = 100,          // the input, a form field or the base64 text is empty
  CaptureUnknownFormat = 101,  // none of the known input forms
  CaptureHtml = 102,           // an HTML page, not a SAML message
  CaptureJson = 103,           // JSON that is neither a HAR file nor a SAML-tracer export
  CaptureJsonSyntax = 104,     // malformed JSON
  CaptureNoSaml = 105,         // a URL, HAR file or SAML-tracer export without a SAML message
  CaptureForm = 106,           // more than one SAML message field in a form body or query
  CapturePercent = 107,        // an invalid percent-escape
  CaptureBase64 = 108,         // invalid base64 text
  CaptureInflate = 109,        // DEFLATE data that is damaged or inflates beyond the ratio limit
  CaptureNotXml = 110,         // the decoded bytes are not XML
  CaptureSize = 111,           // the input or the XML in it is larger than the limit
  CaptureTime = 112,           // a request time in a HAR file or SAML-tracer export is invalid
  CaptureCommand = 113,        // a copied cURL or PowerShell command that cannot be read
  CaptureEncoding = 114,       // text in an encoding that cannot be read (UTF-16 without BOM)
  // xml: parsing and the tree limits
  XmlSyntax = 200,             // not well-formed XML (or empty)
  XmlSize = 201,               // the XML is larger than the byte limit
  XmlDoctype = 202,            // a DOCTYPE declaration (refused: no DTDs, no entities)
  XmlDepth = 203,              // elements nested deeper than the limit
  XmlNodes = 204,              // more nodes than the limit
  XmlAttributes = 205,         // an element with more attributes than the limit
  XmlEntity = 206,             // an entity reference
  XmlNodeType = 207,           // a node of a type a SAML message never has
  XmlCopy = 208,               // libxml2 could not copy the document
  XmlDump = 209,               // libxml2 could not write the document
  // time: xs:dateTime values
  TimeSyntax = 300,            // not an xs:dateTime
  TimeRange = 301,             // an xs:dateTime outside the supported range
  // trust: the keys and certificates the caller trusts
  TrustPem = 400,              // a certificate file that is neither usable PEM nor DER
  TrustDer = 401,              // not exactly one canonical DER X.509 certificate
  TrustBase64 = 402,           // certificate base64 that does not decode
  TrustFingerprint = 403,      // a SHA-256 fingerprint that is not 64 hex digits
  TrustKey = 404,              // a certificate public key that cannot be used
  TrustMetadata = 405,         // IdP metadata without usable signing keys
  TrustCertificate = 406,      // a metadata certificate whose public key cannot be decoded
  TrustPubkey = 407,           // a --pubkey file that is not one usable public key
  // xmlenc: encrypted assertions and the SP's private keys
  XmlencStructure = 500,       // an EncryptedAssertion that is not built as XML Encryption says
  XmlencKey = 501,             // a private key file that cannot be used
  XmlencContent = 502,         // decrypted content that does not parse in its context
  // aws: values AWS reads
  AwsArn = 600,                // not an IAM ARN
  AwsRoleShape = 601,          // a Role value that is not two comma-separated ARNs (AWS002)
  AwsRoleRoleArn = 602,        // a Role value whose role ARN is invalid (AWS003)
  AwsRoleProviderArn = 603,    // a Role value whose saml-provider ARN is invalid (AWS004)
  // decode
  DecodeNotSaml = 700,         // XML that is not a SAML message
  // lint
  BaselineJson = 800,          // a baseline file that is not a samlkit baseline
  // the tools: reading input, the command line
  InputOpen = 900,             // a file or directory that cannot be opened
  InputRead = 901,             // a read error
  InputSize = 902,             // the input is larger than the tool reads
  CliSkew = 903,               // --skew out of range
  CliLint = 904,               // a saml-lint option value that is not accepted
  UsageProfile = 905,          // --profile names no profile
  OutputOpen = 906,            // the --output file cannot be written
  CliIndex = 907,              // --index out of range
  CliMaxInputSize = 908,       // --max-input-size out of range
  IamOption = 909,             // an --iam-* option value that is not accepted
  OktaOption = 910,            // --okta-* options without --okta-groups
  CliMaxSize = 911,            // --max-size out of range
  CliFormat = 912,             // a --format value the tool does not write
  // iam: the AWS-side configuration (IAM exports, trust policies, Okta group mapping)
  IamInput = 1000,             // an IAM export that cannot be read
  IamPolicy = 1001,            // a policy document that is not valid IAM policy JSON
  OktaFilter = 1002,           // an Okta group filter that cannot be used
};

// The stable dotted name of a code ("capture.base64", "xml.syntax"), as JSON reports show it.
const char* error_code_name(ErrorCode code);

struct Error {
  ErrorKind kind = ErrorKind::Decode;
  ErrorCode code;
  std::string message;  // one line, names the problem
  Location where;
};

// Minimal expected<T, Error> (std::expected is C++23; g++ 12 in C++20 mode lacks it).
// A value is taken by reference and moved or copied into place once (a by-value parameter
// moved it twice, and moving a Verdict is a few hundred instructions).
template <class T>
class Expected {
 public:
  Expected(const T& value) : state_(value) {}              // NOLINT(google-explicit-constructor)
  Expected(T&& value) : state_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Expected(Error error) : state_(std::move(error)) {}      // NOLINT(google-explicit-constructor)
  // A default T built in place, filled through value(): a large T is never moved.
  explicit Expected(std::in_place_t) : state_(std::in_place_index<0>) {}

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(state_); }
  // Replaces the value (or an earlier error) with `error`.
  void fail(Error error) { state_.template emplace<1>(std::move(error)); }

 private:
  std::variant<T, Error> state_;
};

// For operations that return nothing on success.
struct Ok {};

}  // namespace saml
