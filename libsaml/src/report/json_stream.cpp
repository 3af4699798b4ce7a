#include "report/json_stream.h"

namespace saml::detail {
namespace {

std::string indentation(std::size_t depth) { return std::string(2 * depth, ' '); }

}  // namespace

std::string dump_nested(const nlohmann::ordered_json& value, std::size_t depth) {
  const std::string text = value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  const std::string indent = indentation(depth);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    out += c;
    if (c == '\n') out += indent;  // a JSON string never holds a raw new line
  }
  return out;
}

std::string json_member(std::string_view key, const nlohmann::ordered_json& value, std::size_t depth) {
  return indentation(depth) + nlohmann::ordered_json(std::string(key)).dump() + ": " +
         dump_nested(value, depth);
}

std::string JsonArrayStream::open(std::string_view key) const {
  return indentation(depth_) + nlohmann::ordered_json(std::string(key)).dump() + ": [";
}

std::string JsonArrayStream::element(const nlohmann::ordered_json& value) {
  const char* separator = empty_ ? "\n" : ",\n";
  empty_ = false;
  return separator + indentation(depth_ + 1) + dump_nested(value, depth_ + 1);
}

std::string JsonArrayStream::close() const { return empty_ ? "]" : "\n" + indentation(depth_) + "]"; }

}  // namespace saml::detail
