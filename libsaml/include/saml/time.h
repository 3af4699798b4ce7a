// xs:dateTime parsing and formatting, as SAML uses it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "saml/error.h"

namespace saml {

using Clock = std::chrono::system_clock;
using TimePoint = std::chrono::sys_time<std::chrono::microseconds>;

// Parses an XML Schema dateTime (fractional seconds, "Z" or +hh:mm/-hh:mm; a value with
// no zone is taken as UTC, which SAML requires). Fractions beyond microseconds are
// truncated. The error message names the offending part.
Expected<TimePoint> parse_xs_datetime(std::string_view text);

// "2024-05-01T12:00:00Z", with ".ffffff" only when there is a fraction.
std::string format_xs_datetime(TimePoint t);

// "3 min 20 s", "2 h 5 min", "1 d 3 h": a rough human duration (absolute value).
std::string format_duration(std::chrono::microseconds d);

}  // namespace saml
