// parse_xs_datetime: the XML Schema dateTime lexical form, checked field by field.
#include <chrono>
#include <optional>
#include <string>

#include "saml/time.h"

namespace saml {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Reads the fixed-width fields of a dateTime left to right.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  std::size_t position() const { return pos_; }

  bool consume(char c) {
    if (at_end() || text_[pos_] != c) {
      return false;
    }
    ++pos_;
    return true;
  }

  // Length of the run of digits starting here.
  std::size_t digit_run() const {
    std::size_t end = pos_;
    while (end < text_.size() && is_digit(text_[end])) {
      ++end;
    }
    return end - pos_;
  }

  // Exactly `count` digits, as a number; nullopt (nothing consumed) otherwise.
  std::optional<int> number(std::size_t count) {
    if (digit_run() < count) {
      return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      value = value * 10 + (text_[pos_++] - '0');
    }
    return value;
  }

  std::string_view take_digits() {
    const std::size_t count = digit_run();
    const std::string_view digits = text_.substr(pos_, count);
    pos_ += count;
    return digits;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

Error syntax_error(const std::string& problem, std::string_view text) {
  return Error{ErrorKind::Decode, ErrorCode::TimeSyntax,
               problem + " in '" + std::string(text) + "'", {}};
}

Error range_error(const std::string& problem, std::string_view text) {
  return Error{ErrorKind::Decode, ErrorCode::TimeRange,
               problem + " in '" + std::string(text) + "'", {}};
}

std::string two_digits(int value) {
  return std::string(1, static_cast<char>('0' + value / 10)) +
         static_cast<char>('0' + value % 10);
}

// The first six fraction digits as microseconds; further digits are truncated.
std::chrono::microseconds fraction_micros(std::string_view digits) {
  long value = 0;
  for (std::size_t i = 0; i < 6; ++i) {
    value = value * 10 + (i < digits.size() ? digits[i] - '0' : 0);
  }
  return std::chrono::microseconds(value);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

Expected<TimePoint> parse_xs_datetime(std::string_view original) {
  // xs:dateTime collapses surrounding whitespace.
  const std::string_view text = trim(original);
  if (text.empty()) {
    return syntax_error("empty dateTime", original);
  }
  Cursor in(text);
  if (in.peek() == '-') {
    return range_error("negative years are not supported", text);
  }
  if (const std::size_t run = in.digit_run(); run != 4) {
    return run > 4 ? range_error("years after 9999 are not supported", text)
                   : syntax_error("expected a 4-digit year at the start", text);
  }
  const int year = *in.number(4);
  if (year == 0) {
    return range_error("year 0000 does not exist", text);
  }
  if (!in.consume('-')) {
    return syntax_error("expected '-' after the year", text);
  }
  const std::optional<int> month = in.number(2);
  if (!month) {
    return syntax_error("expected a 2-digit month after the year", text);
  }
  if (*month < 1 || *month > 12) {
    return range_error("month " + two_digits(*month) + " out of range", text);
  }
  if (!in.consume('-')) {
    return syntax_error("expected '-' after the month", text);
  }
  const std::optional<int> day = in.number(2);
  if (!day) {
    return syntax_error("expected a 2-digit day after the month", text);
  }
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) {
    return range_error("day " + two_digits(*day) + " out of range for " +
                           std::string(text.substr(0, 7)),
                       text);
  }
  if (!in.consume('T')) {
    return syntax_error("expected 'T' between the date and the time", text);
  }
  const std::optional<int> hour = in.number(2);
  if (!hour || !in.consume(':')) {
    return syntax_error("expected a 2-digit hour and ':' after 'T'", text);
  }
  const std::optional<int> minute = in.number(2);
  if (!minute || !in.consume(':')) {
    return syntax_error("expected a 2-digit minute and ':' after the hour", text);
  }
  const std::optional<int> second = in.number(2);
  if (!second) {
    return syntax_error("expected 2-digit seconds after the minute", text);
  }
  std::chrono::microseconds fraction{0};
  if (in.consume('.')) {
    const std::string_view digits = in.take_digits();
    if (digits.empty()) {
      return syntax_error("expected digits after '.'", text);
    }
    fraction = fraction_micros(digits);
  }
  if (*hour > 24 || (*hour == 24 && (*minute != 0 || *second != 0 || fraction.count() != 0))) {
    return range_error("hour " + two_digits(*hour) + " out of range (24 only as 24:00:00)", text);
  }
  if (*minute > 59) {
    return range_error("minute " + two_digits(*minute) + " out of range", text);
  }
  if (*second > 59) {
    return range_error("second " + two_digits(*second) + " out of range", text);
  }

  std::chrono::minutes offset{0};  // no zone: SAML requires UTC
  if (!in.consume('Z') && (in.peek() == '+' || in.peek() == '-')) {
    const int sign = in.peek() == '-' ? -1 : 1;
    in.consume(in.peek());
    const std::optional<int> offset_hours = in.number(2);
    std::optional<int> offset_minutes;
    if (offset_hours && in.consume(':')) {
      offset_minutes = in.number(2);
    }
    if (!offset_minutes) {
      return syntax_error("expected a time zone offset as hh:mm", text);
    }
    if (*offset_minutes > 59 || *offset_hours > 14 ||
        (*offset_hours == 14 && *offset_minutes != 0)) {
      return range_error("time zone offset " + two_digits(*offset_hours) + ":" +
                             two_digits(*offset_minutes) + " out of range (at most 14:00)",
                         text);
    }
    offset = sign * (std::chrono::hours(*offset_hours) + std::chrono::minutes(*offset_minutes));
  }
  if (!in.at_end()) {
    return syntax_error("unexpected '" + std::string(1, in.peek()) + "' at position " +
                            std::to_string(in.position() + 1),
                        text);
  }
  const TimePoint instant = TimePoint(std::chrono::sys_days(date)) + std::chrono::hours(*hour) +
                           std::chrono::minutes(*minute) + std::chrono::seconds(*second) +
                           fraction - offset;
  // 24:00 and zone offsets can move the instant out of 0001..9999, which could then not
  // be printed back as a 4-digit year.
  const auto first = std::chrono::sys_days(std::chrono::year{1} / 1 / 1);
  const auto after_last = std::chrono::sys_days(std::chrono::year{10000} / 1 / 1);
  if (instant < TimePoint(first) || instant >= TimePoint(after_last)) {
    return range_error("the instant in UTC falls outside the years 0001 to 9999", text);
  }
  return instant;
}

}  // namespace saml
