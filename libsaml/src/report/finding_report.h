// A finding as every report shows it, in one place: the text line (with its location and
// fix) and the JSON object of saml-verify, saml-decode and saml-lint.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "saml/finding.h"
#include "saml/profile.h"
#include "report/painter.h"

namespace saml::detail {

// "<indent>[ID] severity at ...: message\n<indent>  fix: ...\n", coloured by `paint`; the fix
// is the one for the profile the message was judged under.
std::string finding_text(const Finding& finding, Profile profile, const util::Painter& paint,
                         std::string_view indent);

// {"line", "column", "element", "attribute"}: absent values are null.
nlohmann::ordered_json location_json(const Location& where);

// {"rule", "severity", "title", "message", "location", "fix", "reference"}
// (docs/schema/finding.schema.json).
nlohmann::ordered_json finding_json(const Finding& finding, Profile profile);

// The findings as a JSON array of finding_json objects, in order.
nlohmann::ordered_json findings_json(const std::vector<Finding>& findings, Profile profile);

}  // namespace saml::detail
