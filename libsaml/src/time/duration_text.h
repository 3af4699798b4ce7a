// Exact durations for messages: "7 min 59.877 s", "0 s", "1 h 0 min 5 s".
#pragma once

#include <chrono>
#include <string>

namespace saml {

// The absolute value of d, down to the millisecond, trailing zeros of the fraction dropped.
std::string format_exact_duration(std::chrono::microseconds d);

}  // namespace saml
