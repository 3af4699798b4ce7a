// format_duration: the two largest units of a duration, for messages about time windows.
#include <chrono>
#include <cstdint>
#include <string>

#include "saml/time.h"

namespace saml {
namespace {

std::string two_units(std::uint64_t big, const char* big_unit, std::uint64_t small,
                      const char* small_unit) {
  std::string out = std::to_string(big) + " " + big_unit;
  if (small != 0) {
    out += " " + std::to_string(small) + " " + small_unit;
  }
  return out;
}

}  // namespace

std::string format_duration(std::chrono::microseconds d) {
  // Unsigned magnitude, so that the most negative duration cannot overflow.
  const auto count = d.count();
  const std::uint64_t micros = count < 0 ? 0 - static_cast<std::uint64_t>(count)
                                         : static_cast<std::uint64_t>(count);
  const std::uint64_t seconds = micros / 1'000'000;
  if (seconds == 0) {
    return std::to_string(micros / 1000) + " ms";
  }
  if (seconds < 60) {
    return std::to_string(seconds) + " s";
  }
  if (seconds < 3600) {
    return two_units(seconds / 60, "min", seconds % 60, "s");
  }
  if (seconds < 86400) {
    return two_units(seconds / 3600, "h", seconds % 3600 / 60, "min");
  }
  return two_units(seconds / 86400, "d", seconds % 86400 / 3600, "h");
}

}  // namespace saml
