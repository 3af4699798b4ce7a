#include "capture/form_body.h"

#include "capture/percent_decode.h"

namespace saml {

Expected<std::vector<FormField>> split_form_body(std::string_view body, std::size_t start) {
  std::vector<FormField> fields;
  std::size_t field_start = 0;
  while (field_start <= body.size()) {
    std::size_t field_end = body.find('&', field_start);
    if (field_end == std::string_view::npos) {
      field_end = body.size();
    }
    const std::string_view field = body.substr(field_start, field_end - field_start);
    const std::size_t equals = field.find('=');
    const std::string_view name = field.substr(0, equals);
    auto decoded_name = percent_decode(name, true, start + field_start);
    if (!decoded_name) {
      return decoded_name.error();
    }
    const std::size_t value_offset = equals == std::string_view::npos ? field.size() : equals + 1;
    fields.push_back(FormField{std::move(decoded_name->text), field.substr(value_offset),
                               start + field_start + value_offset});
    field_start = field_end + 1;
  }
  return fields;
}

}  // namespace saml
