// time: xs:dateTime parsing and formatting. The input is one or two dateTime texts
// separated by a newline.
// Invariants:
//   - print-parse round trip: parse(format(t)) == t, and format is a fixed point;
//   - the printed form is canonical: UTC ('Z'), six fraction digits only when there is a
//     fraction;
//   - ordering is consistent: for years 0001-9999 two parsed times compare as their
//     printed forms do (with the fraction padded to six digits), and t1 - t2 has a
//     human duration text.
#include <string>

#include "fuzz_support.h"
#include "saml/time.h"

namespace {

// format_xs_datetime with the fraction always written: ordered like the times themselves.
std::string padded(const std::string& printed) {
  if (printed.find('.') != std::string::npos) return printed;
  return printed.substr(0, printed.size() - 1) + ".000000Z";
}

bool four_digit_year(const std::string& printed) {
  return printed.size() >= 20 && printed[4] == '-' &&
         printed.find_first_not_of("0123456789") == 4;
}

struct Parsed {
  saml::TimePoint time;
  std::string printed;
};

bool check_one(std::string_view text, Parsed& out) {
  auto parsed = saml::parse_xs_datetime(text);
  if (!parsed) {
    FUZZ_CHECK(!parsed.error().message.empty(), "a dateTime error without a message");
    return false;
  }
  out.time = *parsed;
  out.printed = saml::format_xs_datetime(out.time);
  auto again = saml::parse_xs_datetime(out.printed);
  FUZZ_CHECK(again.has_value(), "the printed form " + out.printed + " does not parse");
  FUZZ_CHECK(*again == out.time, "the printed form " + out.printed + " parses to another time");
  FUZZ_CHECK(saml::format_xs_datetime(*again) == out.printed, "printing " + out.printed + " is not a fixed point");
  FUZZ_CHECK(out.printed.back() == 'Z', "the printed form " + out.printed + " is not in UTC");
  const std::size_t dot = out.printed.find('.');
  if (dot != std::string::npos) {
    FUZZ_CHECK(out.printed.size() - dot == 8 && out.printed.compare(dot, 8, ".000000Z") != 0,
               "the printed fraction of " + out.printed + " is not canonical");
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!fuzz::input_fits(size)) return -1;
  const std::string_view text = fuzz::as_text(data, size);
  const std::size_t newline = text.find('\n');
  Parsed first;
  Parsed second;
  const bool first_ok = check_one(text.substr(0, newline), first);
  if (newline == std::string_view::npos) return 0;
  const bool second_ok = check_one(text.substr(newline + 1), second);
  if (!first_ok || !second_ok) return 0;
  if (four_digit_year(first.printed) && four_digit_year(second.printed)) {
    const int by_time = first.time < second.time ? -1 : (first.time == second.time ? 0 : 1);
    const int by_text = padded(first.printed).compare(padded(second.printed));
    FUZZ_CHECK(by_time == (by_text < 0 ? -1 : (by_text == 0 ? 0 : 1)),
               "the order of " + first.printed + " and " + second.printed + " disagrees with their text");
  }
  FUZZ_CHECK(!saml::format_duration(first.time - second.time).empty(), "an empty duration text");
  return 0;
}
