#include "time/duration_text.h"

#include <string>

namespace saml {

std::string format_exact_duration(std::chrono::microseconds d) {
  long long us = d.count() < 0 ? -d.count() : d.count();
  const long long per_second = 1000000;
  const long long days = us / (86400 * per_second);
  us %= 86400 * per_second;
  const long long hours = us / (3600 * per_second);
  us %= 3600 * per_second;
  const long long minutes = us / (60 * per_second);
  us %= 60 * per_second;
  const long long seconds = us / per_second;
  // Milliseconds at most: the clock's microseconds are noise in a message.
  const long long fraction = us % per_second / 1000;

  std::string out;
  if (days > 0) out += std::to_string(days) + " d ";
  if (days > 0 || hours > 0) out += std::to_string(hours) + " h ";
  if (days > 0 || hours > 0 || minutes > 0) out += std::to_string(minutes) + " min ";
  out += std::to_string(seconds);
  if (fraction > 0) {
    std::string digits = std::to_string(fraction);
    digits.insert(0, 3 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  out += " s";
  return out;
}

std::string session_duration_text(std::optional<long> seconds) {
  if (!seconds) return "(not set: AWS uses the role's default, 1 h)";
  return std::to_string(*seconds) + " s (" + format_exact_duration(std::chrono::seconds(*seconds)) + ")";
}

}  // namespace saml
