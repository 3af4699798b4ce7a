#include "capture/binding.h"

#include <string>

#include "capture/base64_message.h"
#include "capture/percent_decode.h"
#include "capture/sniff.h"

namespace saml {
namespace {

constexpr std::string_view kMessageFields[] = {"SAMLResponse", "SAMLRequest"};

Expected<PercentDecoded> decode_value(const FormField& field, bool plus_is_space,
                                      FieldEncoding encoding) {
  if (encoding != FieldEncoding::Literal) {
    auto decoded = percent_decode(field.value, plus_is_space, field.value_start);
    if (decoded || encoding == FieldEncoding::Encoded) {
      return decoded;
    }
  }
  PercentDecoded as_is;
  as_is.text = std::string(field.value);
  for (std::size_t i = 0; i < field.value.size(); ++i) {
    as_is.source.push_back(i);
  }
  return as_is;
}

Expected<std::string> decode_text(const FormField* field, FieldEncoding encoding) {
  if (field == nullptr) {
    return std::string();
  }
  auto decoded = decode_value(*field, true, encoding);
  if (!decoded) {
    return decoded.error();
  }
  return std::move(decoded->text);
}

}  // namespace

bool is_message_field(std::string_view name) {
  for (const std::string_view field : kMessageFields) {
    if (name == field) {
      return true;
    }
  }
  return false;
}

bool mentions_message_field(std::string_view text) {
  // Looks at each '=' (in base64 only the padding) rather than at each 'S'.
  for (std::size_t equals = text.find('='); equals != std::string_view::npos;
       equals = text.find('=', equals + 1)) {
    const std::string_view before = text.substr(0, equals);
    for (const std::string_view field : kMessageFields) {
      if (before.ends_with(field)) {
        return true;
      }
    }
  }
  return false;
}

Expected<BindingFields> find_binding_fields(const std::vector<FormField>& fields) {
  BindingFields found;
  for (const FormField& field : fields) {
    if (is_message_field(field.name)) {
      if (found.message != nullptr) {
        return Error{ErrorKind::Decode, "capture.form",
                     "more than one SAML message field (" + found.message->name + " and " +
                         field.name + ")",
                     {}};
      }
      found.message = &field;
    } else if (field.name == "RelayState") {
      found.relay_state = &field;
    } else if (field.name == "SigAlg") {
      found.sig_alg = &field;
    } else if (field.name == "Signature") {
      found.signature = &field;
    }
  }
  return found;
}

Expected<Capture> decode_binding(const BindingFields& fields, FieldEncoding encoding,
                                 const CaptureLimits& limits) {
  const FormField& field = *fields.message;
  auto value = decode_value(field, false, encoding);
  if (!value) {
    return value.error();
  }
  if (skip_bom_and_space(value->text).empty()) {
    return Error{ErrorKind::Decode, "capture.empty", "the " + field.name + " field is empty", {}};
  }
  const std::size_t value_start = field.value_start;
  const std::vector<std::size_t>& source_index = value->source;
  auto message = decode_base64_message(
      value->text, [&](std::size_t i) { return value_start + source_index[i]; }, limits);
  if (!message) {
    return message.error();
  }

  Capture capture;
  capture.xml = std::move(message->xml);
  capture.base64_length = message->base64_length;
  capture.deflated = message->deflated;
  capture.notes = std::move(message->notes);
  capture.origin.field = field.name;
  for (auto [target, source] : {std::pair{&capture.relay_state, fields.relay_state},
                                std::pair{&capture.sig_alg, fields.sig_alg},
                                std::pair{&capture.signature, fields.signature}}) {
    auto text = decode_text(source, encoding);
    if (!text) {
      return text.error();
    }
    *target = std::move(*text);
  }
  return capture;
}

}  // namespace saml
