#define BOOST_TEST_MODULE time
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "saml/time.h"
#include "saml_support.h"

namespace {

using samltest::why;

using namespace std::chrono;
using namespace std::chrono_literals;

saml::TimePoint at(year_month_day date, microseconds time_of_day = 0us) {
  return saml::TimePoint(sys_days(date)) + time_of_day;
}


}  // namespace

BOOST_AUTO_TEST_CASE(parses_valid_datetimes) {
  const std::vector<std::pair<std::string, saml::TimePoint>> cases = {
      {"2024-05-01T12:00:00Z", at(2024y / May / 1, 12h)},
      {"2024-05-01T12:00:00", at(2024y / May / 1, 12h)},
      {"2024-05-01T12:00:00+02:00", at(2024y / May / 1, 10h)},
      {"2024-05-01T12:00:00-05:30", at(2024y / May / 1, 17h + 30min)},
      {"2024-05-01T00:30:00+01:00", at(2024y / April / 30, 23h + 30min)},
      {"2024-05-01T12:00:00.5Z", at(2024y / May / 1, 12h + 500ms)},
      {"2024-05-01T12:00:00.1234567Z", at(2024y / May / 1, 12h + 123456us)},
      {"2024-05-01T12:00:00.000001Z", at(2024y / May / 1, 12h + 1us)},
      {"2024-02-29T00:00:00Z", at(2024y / February / 29)},
      {"2000-02-29T00:00:00Z", at(2000y / February / 29)},
      {"2024-12-31T24:00:00Z", at(2025y / January / 1)},
      {"2024-05-01T12:00:00+14:00", at(2024y / April / 30, 22h)},
      {"  2024-05-01T12:00:00Z\n", at(2024y / May / 1, 12h)},
      {"0001-01-01T00:00:00Z", at(1y / January / 1)},
      {"1969-12-31T23:59:59.999999Z", at(1970y / January / 1) - 1us},
  };
  for (const auto& [text, expected] : cases) {
    auto parsed = saml::parse_xs_datetime(text);
    BOOST_TEST_REQUIRE(parsed.has_value(), "refused '" << text << "': " << why(parsed));
    BOOST_TEST((*parsed == expected), "value of '" << text << "' is "
                                                   << saml::format_xs_datetime(*parsed));
  }
}

BOOST_AUTO_TEST_CASE(error_messages_name_the_bad_part) {
  struct Case {
    std::string text;
    saml::ErrorCode code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"2024-13-01T00:00:00Z", saml::ErrorCode::TimeRange, "month 13 out of range in '2024-13-01T00:00:00Z'"},
      {"2024-00-01T00:00:00Z", saml::ErrorCode::TimeRange, "month 00 out of range"},
      {"2023-02-29T00:00:00Z", saml::ErrorCode::TimeRange, "day 29 out of range for 2023-02"},
      {"1900-02-29T00:00:00Z", saml::ErrorCode::TimeRange, "day 29 out of range for 1900-02"},
      {"2024-04-31T00:00:00Z", saml::ErrorCode::TimeRange, "day 31 out of range for 2024-04"},
      {"2024-04-00T00:00:00Z", saml::ErrorCode::TimeRange, "day 00 out of range"},
      {"-2024-01-01T00:00:00Z", saml::ErrorCode::TimeRange, "negative years are not supported"},
      {"12024-01-01T00:00:00Z", saml::ErrorCode::TimeRange, "years after 9999"},
      {"0000-01-01T00:00:00Z", saml::ErrorCode::TimeRange, "year 0000 does not exist"},
      {"24-01-01T00:00:00Z", saml::ErrorCode::TimeSyntax, "4-digit year"},
      {"2024-1-01T00:00:00Z", saml::ErrorCode::TimeSyntax, "2-digit month"},
      {"2024/01/01T00:00:00Z", saml::ErrorCode::TimeSyntax, "'-' after the year"},
      {"2024-01-01 00:00:00Z", saml::ErrorCode::TimeSyntax, "'T' between the date and the time"},
      {"2024-01-01t00:00:00Z", saml::ErrorCode::TimeSyntax, "'T' between the date and the time"},
      {"2024-01-01T25:00:00Z", saml::ErrorCode::TimeRange, "hour 25 out of range"},
      {"2024-01-01T24:00:01Z", saml::ErrorCode::TimeRange, "hour 24 out of range (24 only as 24:00:00)"},
      {"2024-01-01T24:00:00.1Z", saml::ErrorCode::TimeRange, "hour 24 out of range"},
      {"2024-01-01T00:60:00Z", saml::ErrorCode::TimeRange, "minute 60 out of range"},
      {"2024-01-01T23:59:60Z", saml::ErrorCode::TimeRange, "second 60 out of range"},
      {"2024-01-01T00:00Z", saml::ErrorCode::TimeSyntax, "2-digit minute and ':'"},
      {"2024-01-01T00:00:00.Z", saml::ErrorCode::TimeSyntax, "digits after '.'"},
      {"2024-01-01T00:00:00ZZ", saml::ErrorCode::TimeSyntax, "unexpected 'Z' at position 21"},
      {"2024-01-01T00:00:00 Z", saml::ErrorCode::TimeSyntax, "unexpected ' ' at position 20"},
      {"2024-01-01T00:00:00+0100", saml::ErrorCode::TimeSyntax, "offset as hh:mm"},
      {"2024-01-01T00:00:00+01", saml::ErrorCode::TimeSyntax, "offset as hh:mm"},
      {"2024-01-01T00:00:00+14:01", saml::ErrorCode::TimeRange, "offset 14:01 out of range"},
      {"2024-01-01T00:00:00-15:00", saml::ErrorCode::TimeRange, "offset 15:00 out of range"},
      {"2024-01-01T00:00:00+01:60", saml::ErrorCode::TimeRange, "offset 01:60 out of range"},
      {"", saml::ErrorCode::TimeSyntax, "empty dateTime"},
      {"   ", saml::ErrorCode::TimeSyntax, "empty dateTime"},
  };
  for (const Case& c : cases) {
    auto parsed = saml::parse_xs_datetime(c.text);
    BOOST_TEST_REQUIRE(!parsed.has_value(), "accepted '" << c.text << "'");
    BOOST_TEST(parsed.error().code == c.code, "code for '" << c.text << "'");
    BOOST_TEST(parsed.error().message.find(c.message) != std::string::npos,
               "message for '" << c.text << "': " << parsed.error().message);
  }
}

BOOST_AUTO_TEST_CASE(formats_canonical_utc) {
  BOOST_TEST(saml::format_xs_datetime(at(2024y / May / 1, 12h)) == "2024-05-01T12:00:00Z");
  BOOST_TEST(saml::format_xs_datetime(at(2024y / May / 1, 12h + 500ms)) ==
             "2024-05-01T12:00:00.500000Z");
  BOOST_TEST(saml::format_xs_datetime(at(1970y / January / 1) - 1us) ==
             "1969-12-31T23:59:59.999999Z");
}

BOOST_AUTO_TEST_CASE(canonical_round_trip) {
  const std::vector<std::string> canonical = {
      "2024-05-01T12:00:00Z",        "2024-02-29T23:59:59Z",        "0001-01-01T00:00:00Z",
      "9999-12-31T23:59:59.999999Z", "1970-01-01T00:00:00Z",        "1969-07-20T20:17:40.000001Z",
      "2038-01-19T03:14:08.123456Z", "2100-03-01T00:00:00Z",
  };
  for (const std::string& text : canonical) {
    auto parsed = saml::parse_xs_datetime(text);
    BOOST_TEST_REQUIRE(parsed.has_value(), "refused '" << text << "': " << why(parsed));
    BOOST_TEST(saml::format_xs_datetime(*parsed) == text, "round trip of '" << text << "'");
  }
}

BOOST_AUTO_TEST_CASE(format_then_parse_is_identity_and_keeps_order) {
  // Deterministic pseudo-random instants across years 0001..9999.
  const std::int64_t earliest =
      saml::TimePoint(sys_days(1y / January / 1)).time_since_epoch().count();
  const std::int64_t latest =
      saml::TimePoint(sys_days(9999y / December / 31)).time_since_epoch().count();
  const auto span = static_cast<std::uint64_t>(latest - earliest);
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  std::vector<saml::TimePoint> points;
  for (int i = 0; i < 2000; ++i) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    auto offset = static_cast<std::int64_t>(state % span);
    if (i % 3 == 0) {
      offset -= offset % 1'000'000;  // whole seconds too, which print without a fraction
    }
    points.emplace_back(microseconds(earliest + offset));
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string text = saml::format_xs_datetime(points[i]);
    auto parsed = saml::parse_xs_datetime(text);
    BOOST_TEST_REQUIRE(parsed.has_value(), "refused own output '" << text << "': " << why(parsed));
    BOOST_TEST((*parsed == points[i]), "round trip of " << text);
    if (i > 0) {
      auto previous = saml::parse_xs_datetime(saml::format_xs_datetime(points[i - 1]));
      BOOST_TEST_REQUIRE(previous.has_value());
      BOOST_TEST(((*previous < *parsed) == (points[i - 1] < points[i])), "order at " << text);
    }
  }
}

BOOST_AUTO_TEST_CASE(offsets_denote_the_same_instant) {
  auto utc = saml::parse_xs_datetime("2024-01-01T00:00:00Z");
  auto plus = saml::parse_xs_datetime("2024-01-01T01:00:00+01:00");
  auto minus = saml::parse_xs_datetime("2023-12-31T23:00:00-01:00");
  auto later = saml::parse_xs_datetime("2024-01-01T00:30:00+00:00");
  BOOST_TEST_REQUIRE((utc && plus && minus && later));
  BOOST_TEST((*utc == *plus));
  BOOST_TEST((*utc == *minus));
  BOOST_TEST((*utc < *later));
}

BOOST_AUTO_TEST_CASE(durations_are_rough_and_absolute) {
  const std::vector<std::pair<microseconds, std::string>> cases = {
      {0us, "0 ms"},
      {250ms, "250 ms"},
      {45s, "45 s"},
      {200s, "3 min 20 s"},
      {180s, "3 min"},
      {2h + 5min + 7s, "2 h 5 min"},
      {27h + 59min, "1 d 3 h"},
      {48h, "2 d"},
      {-200s, "3 min 20 s"},
  };
  for (const auto& [duration, expected] : cases) {
    BOOST_TEST(saml::format_duration(duration) == expected,
               "duration " << duration.count() << "us");
  }
  BOOST_TEST(
      saml::format_duration(microseconds::min()) == saml::format_duration(microseconds::max()),
      "most negative duration must not overflow");
}
