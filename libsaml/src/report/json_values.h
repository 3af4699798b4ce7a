// Value conversions shared by the JSON reports (verify, decode, lint, encryption): every
// report writes an absent value as null, never as "".
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "saml/model.h"

namespace saml::detail {

inline nlohmann::ordered_json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

inline nlohmann::ordered_json instant_json(const Instant& instant) {
  return instant.present ? nlohmann::ordered_json(instant.text) : nlohmann::ordered_json(nullptr);
}

}  // namespace saml::detail
