// A JSON document written piece by piece that reads exactly as nlohmann's dump(2) of the
// whole document would, for the reports that stream their entries.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace saml::detail {

// `value` as dump(2) prints it `depth` levels deep: lines after the first are indented by
// 2 x depth spaces. Invalid UTF-8 is replaced (U+FFFD), never an exception.
std::string dump_nested(const nlohmann::ordered_json& value, std::size_t depth);

// An object member `depth` levels deep: indentation, `"key": ` and the value.
std::string json_member(std::string_view key, const nlohmann::ordered_json& value, std::size_t depth);

// An array that is an object member `depth` levels deep, written an element at a time.
class JsonArrayStream {
 public:
  explicit JsonArrayStream(std::size_t depth) : depth_(depth) {}
  // Indentation, `"key": [`.
  std::string open(std::string_view key) const;
  // The separator, the indentation and the element.
  std::string element(const nlohmann::ordered_json& value);
  // "]" for an empty array (as dump prints "[]"), else a new line, indentation and "]".
  std::string close() const;

 private:
  std::size_t depth_;
  bool empty_ = true;
};

}  // namespace saml::detail
