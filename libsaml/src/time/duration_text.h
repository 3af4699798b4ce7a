// Exact durations for messages: "7 min 59.877 s", "0 s", "1 h 0 min 5 s".
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace saml {

// The absolute value of d, down to the millisecond, trailing zeros of the fraction dropped.
std::string format_exact_duration(std::chrono::microseconds d);

// The SessionDuration attribute as every report shows it: "3600 s (1 h 0 min 0 s)", or what
// AWS does without it (the default DurationSeconds, 1 h).
std::string session_duration_text(std::optional<long> seconds);

}  // namespace saml
