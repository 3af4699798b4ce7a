// format_xs_datetime: canonical UTC form, microseconds only when there is a fraction.
#include <chrono>
#include <string>

#include "saml/time.h"

namespace saml {
namespace {

void append_padded(std::string& out, long long value, int width) {
  std::string digits = std::to_string(value);
  if (digits.size() < static_cast<std::size_t>(width)) {
    out.append(static_cast<std::size_t>(width) - digits.size(), '0');
  }
  out += digits;
}

}  // namespace

std::string format_xs_datetime(TimePoint t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{t - day};

  std::string out;
  const int year = static_cast<int>(date.year());
  if (year < 0) {
    out += '-';
  }
  append_padded(out, year < 0 ? -year : year, 4);
  out += '-';
  append_padded(out, static_cast<unsigned>(date.month()), 2);
  out += '-';
  append_padded(out, static_cast<unsigned>(date.day()), 2);
  out += 'T';
  append_padded(out, time.hours().count(), 2);
  out += ':';
  append_padded(out, time.minutes().count(), 2);
  out += ':';
  append_padded(out, time.seconds().count(), 2);
  if (time.subseconds().count() != 0) {
    out += '.';
    append_padded(out, time.subseconds().count(), 6);
  }
  out += 'Z';
  return out;
}

}  // namespace saml
