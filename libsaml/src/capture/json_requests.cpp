#include "capture/json_requests.h"

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "capture/binding.h"
#include "util/printable.h"

namespace saml {
namespace {

using Json = nlohmann::json;

// The deepest path used below has 8 levels; deeper containers are only counted.
constexpr std::size_t kTrackedDepth = 8;

bool is_binding_param(std::string_view name) {
  return is_message_field(name) || name == "RelayState" || name == "SigAlg" ||
         name == "Signature";
}

// "syntax error while parsing value - invalid literal" out of nlohmann's
// "[json.exception.parse_error.101] parse error at line 1, column 6: syntax error ...;
// last read: '...'" (the last token can be megabytes long, so it is shown separately).
std::string syntax_problem(const std::string& what) {
  std::string problem = what;
  const std::size_t column = problem.find(", column ");
  if (const std::size_t colon = problem.find(": ", column); column != std::string::npos &&
                                                            colon != std::string::npos) {
    problem.erase(0, colon + 2);
  }
  if (const std::size_t last = problem.find("; last read:"); last != std::string::npos) {
    problem.erase(last);
  }
  return problem;
}

class RequestHandler : public Json::json_sax_t {
 public:
  RequestHandler(std::size_t start, const RequestSink& sink) : start_(start), sink_(sink) {}

  const JsonScan& scan() const { return scan_; }
  const std::optional<Error>& error() const { return error_; }

  bool null() override { return on_scalar(); }
  bool boolean(bool /*value*/) override { return on_scalar(); }
  bool number_integer(number_integer_t value) override {
    return on_number(static_cast<double>(value));
  }
  bool number_unsigned(number_unsigned_t value) override {
    return on_number(static_cast<double>(value));
  }
  bool number_float(number_float_t value, const string_t& /*text*/) override {
    return on_number(value);
  }
  bool binary(binary_t& /*value*/) override { return on_scalar(); }

  bool string(string_t& value) override {
    on_scalar();
    if (at({"timestamp"})) {
      scan_.export_time = std::move(value);
      return true;
    }
    if (untracked_ > 0 || !request_) {
      return true;
    }
    if (at_har_request({"startedDateTime"})) {
      request_->time = std::move(value);
    } else if (at_har_request({"request", "method"}) || at_tracer({"method"})) {
      request_->method = std::move(value);
    } else if (at_har_request({"request", "url"}) || at_tracer({"url"})) {
      request_->url = std::move(value);
    } else if (at_har_request({"request", "postData", "text"})) {
      if (mentions_message_field(value)) {
        request_->body_text = std::move(value);
      }
    } else if (at_har_request({"request", "postData", "params", "[]", "name"}) ||
               at_tracer({"post", "[]", "name"})) {
      param_.name = std::move(value);
    } else if (at_har_request({"request", "postData", "params", "[]", "value"}) ||
               at_tracer({"post", "[]", "value"})) {
      param_.value = std::move(value);
    } else if (at_tracer({"post", "[]", "[]"})) {
      // SAML-tracer writes each parameter as a [name, value] pair.
      (levels_.back().count == 1 ? param_.name : param_.value) = std::move(value);
    } else if (at_tracer({"saml"})) {
      request_->saml = std::move(value);
    } else if (at_tracer({"protocol"})) {
      request_->protocol = std::move(value);
    } else if (at_tracer({"timestamp"})) {
      request_->time = std::move(value);
    }
    return true;
  }

  bool key(string_t& value) override {
    if (untracked_ == 0 && !levels_.empty()) {
      levels_.back().key = std::move(value);
    }
    return true;
  }

  bool start_object(std::size_t /*elements*/) override { return start_container(false); }
  bool start_array(std::size_t /*elements*/) override { return start_container(true); }
  bool end_object() override { return end_container(); }
  bool end_array() override { return end_container(); }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) override {
    // nlohmann counts the bytes read, including the one that failed.
    const std::size_t offset = start_ + (position > 0 ? position - 1 : 0);
    Error error{ErrorKind::Decode, ErrorCode::CaptureJsonSyntax,
                "malformed JSON at byte offset " + std::to_string(offset) + ": " +
                    syntax_problem(ex.what()) + " (last read: \"" +
                    util::printable_prefix(last_token, 40) + "\")",
                {}};
    error.where.offset = static_cast<long>(offset);
    error_ = std::move(error);
    return false;
  }

 private:
  struct Level {
    bool array = false;
    std::string key;        // objects: the current member's name
    std::size_t count = 0;  // arrays: elements begun so far
  };

  // Whether the value or container being read sits at `prefix` + `rest` (object keys,
  // "[]" for any array element).
  bool at(std::initializer_list<std::string_view> prefix,
          std::initializer_list<std::string_view> rest = {}) const {
    if (untracked_ > 0 || levels_.size() != prefix.size() + rest.size()) {
      return false;
    }
    std::size_t i = 0;
    for (const auto& part : {prefix, rest}) {
      for (const std::string_view step : part) {
        const Level& level = levels_[i++];
        if (level.array ? step != "[]" : step != level.key) {
          return false;
        }
      }
    }
    return true;
  }

  bool at_har_request(std::initializer_list<std::string_view> rest) const {
    return request_ && request_->container == JsonContainer::Har &&
           at({"log", "entries", "[]"}, rest);
  }
  bool at_tracer(std::initializer_list<std::string_view> rest) const {
    return request_ && request_->container == JsonContainer::SamlTracer &&
           at({"requests", "[]"}, rest);
  }

  bool on_scalar() {
    if (untracked_ == 0 && !levels_.empty() && levels_.back().array) {
      ++levels_.back().count;
    }
    return true;
  }

  bool on_number(double value) {
    on_scalar();
    if (at({"timestamp"})) {
      scan_.export_time_ms = value;
    } else if (at_tracer({"timestamp"})) {
      request_->time_ms = value;
    }
    return true;
  }

  bool start_container(bool array) {
    on_scalar();
    if (untracked_ > 0 || levels_.size() == kTrackedDepth) {
      ++untracked_;
      return true;
    }
    if (array && at({"log", "entries"})) {
      scan_.container = JsonContainer::Har;
    } else if (array && at({"requests"})) {
      scan_.container = JsonContainer::SamlTracer;
    } else if (!array && (at({"log", "entries", "[]"}) || at({"requests", "[]"}))) {
      request_.emplace();
      request_->container = levels_.size() == 3 ? JsonContainer::Har : JsonContainer::SamlTracer;
      request_->index = levels_.back().count - 1;
      ++scan_.requests;
    } else if (at_har_request({"request", "postData", "params", "[]"}) ||
               at_tracer({"post", "[]"})) {
      param_ = RequestParam{};
    }
    levels_.push_back(Level{array, {}, 0});
    return true;
  }

  bool end_container() {
    if (untracked_ > 0) {
      --untracked_;
      return true;
    }
    levels_.pop_back();
    if (at_har_request({"request", "postData", "params", "[]"}) || at_tracer({"post", "[]"})) {
      if (is_binding_param(param_.name)) {
        request_->body_params.push_back(std::move(param_));
      }
      param_ = RequestParam{};
    } else if (at_har_request({}) || at_tracer({})) {
      error_ = sink_(*request_);
      request_.reset();
      return !error_.has_value();
    }
    return true;
  }

  std::size_t start_;
  const RequestSink& sink_;
  std::vector<Level> levels_;
  std::size_t untracked_ = 0;  // containers open below kTrackedDepth
  std::optional<JsonRequest> request_;
  RequestParam param_;
  JsonScan scan_;
  std::optional<Error> error_;
};

}  // namespace

Expected<JsonScan> scan_json_requests(std::string_view json, std::size_t start,
                                      const RequestSink& sink) {
  RequestHandler handler(start, sink);
  const bool complete = Json::sax_parse(json.begin(), json.end(), &handler);
  if (handler.error()) {
    return *handler.error();
  }
  if (!complete) {
    return Error{ErrorKind::Decode, ErrorCode::CaptureJsonSyntax, "the JSON parser stopped early", {}};
  }
  return handler.scan();
}

}  // namespace saml
