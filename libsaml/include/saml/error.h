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

struct Error {
  ErrorKind kind = ErrorKind::Decode;
  std::string code;     // stable, dotted: "capture.base64", "xml.syntax", "trust.pem"
  std::string message;  // one line, names the problem
  Location where;
};

// Minimal expected<T, Error> (std::expected is C++23; g++ 12 in C++20 mode lacks it).
template <class T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Expected(Error error) : state_(std::move(error)) {}      // NOLINT(google-explicit-constructor)

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

 private:
  std::variant<T, Error> state_;
};

// For operations that return nothing on success.
struct Ok {};

}  // namespace saml
