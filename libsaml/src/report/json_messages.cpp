// JsonReport: the one layout of every tool's JSON report (see saml/report.h).
#include <nlohmann/json.hpp>

#include "report/json_stream.h"
#include "saml/report.h"

namespace saml {

using Json = nlohmann::ordered_json;

std::string JsonReport::begin() const {
  if (layout_ == JsonLayout::Lines) return {};
  return "{\n" + detail::json_member("schema", schema_, 1) + ",\n  \"messages\": [";
}

std::string JsonReport::message(std::string_view object_json) {
  const Json object = Json::parse(object_json);
  if (layout_ == JsonLayout::Lines) {
    Json line;
    line["schema"] = schema_;
    for (const auto& [key, value] : object.items()) line[key] = value;
    return line.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  const char* separator = empty_ ? "\n" : ",\n";
  empty_ = false;
  return separator + std::string(4, ' ') + detail::dump_nested(object, 2);
}

std::string JsonReport::end() const {
  if (layout_ == JsonLayout::Lines) return {};
  return std::string(empty_ ? "]" : "\n  ]") + "\n}\n";
}

}  // namespace saml
