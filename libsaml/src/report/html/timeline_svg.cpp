// The time line of a message as an SVG picture: one row per instant in time order, x by
// time, the accepted window shaded; then the same instants as a table.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "checks/time_window.h"
#include "report/html/html_parts.h"

namespace saml::html {
namespace {

constexpr double kWidth = 900;
constexpr double kMargin = 24;
constexpr double kRow = 22;
constexpr double kTop = 28;

struct Event {
  std::string label;
  std::string text;
  TimePoint time;
  std::string kind;  // "instant", "now", "captured"
  std::string mark;  // "signed", "not verified" or empty
};

struct Window {
  std::optional<TimePoint> start;  // latest NotBefore minus the skew
  std::optional<TimePoint> end;    // earliest NotOnOrAfter or SessionNotOnOrAfter plus the skew
};

// The window the time checks accept (time_window), widened by the skew.
Window accepted_window(const DecodeView& view, std::chrono::seconds skew) {
  Window w;
  if (!view.assertion) return w;
  const TimeWindow window = time_window(*view.assertion);
  if (window.opens != nullptr) w.start = *window.opens->value - skew;
  if (window.closes != nullptr) w.end = *window.closes->value + skew;
  return w;
}

std::vector<Event> events_of(const DecodeView& view, TimePoint now) {
  std::vector<Event> events;
  for (const TimelineEvent& e : decode_timeline(view, true)) {
    const bool captured = e.label == "captured";
    std::string mark;
    if (view.trust_given && !captured) mark = e.verified ? "signed" : "not verified";
    events.push_back({e.label, e.text, e.time, captured ? "captured" : "instant", mark});
  }
  events.push_back({"now (time of the checks)", format_xs_datetime(now), now, "now", ""});
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.time < b.time; });
  return events;
}

std::string number(double value) { return std::to_string(static_cast<long>(value + 0.5)); }

// Maps times to x. The scale spans the message's own instants; `now` and the capture time
// widen it only when near them, otherwise they sit at an edge marked "off scale".
class Scale {
 public:
  explicit Scale(const std::vector<Event>& events) {
    bool any = false;
    for (const Event& e : events) {
      if (e.kind != "instant") continue;
      low_ = any ? std::min(low_, e.time) : e.time;
      high_ = any ? std::max(high_, e.time) : e.time;
      any = true;
    }
    if (!any) {
      low_ = events.front().time;
      high_ = events.back().time;
    }
    const auto span = std::max(high_ - low_, std::chrono::microseconds(std::chrono::minutes(1)));
    for (const Event& e : events) {
      if (e.kind == "instant") continue;
      if (e.time >= low_ - span && e.time <= high_ + span) {
        low_ = std::min(low_, e.time);
        high_ = std::max(high_, e.time);
      }
    }
    if (high_ - low_ < std::chrono::seconds(60)) {
      low_ -= std::chrono::seconds(30);
      high_ += std::chrono::seconds(30);
    }
  }
  bool off_scale(TimePoint t) const { return t < low_ || t > high_; }
  double x(TimePoint t) const {
    const TimePoint clamped = std::clamp(t, low_, high_);
    const double fraction = static_cast<double>((clamped - low_).count()) / static_cast<double>((high_ - low_).count());
    return kMargin + fraction * (kWidth - 2 * kMargin);
  }

 private:
  TimePoint low_{};
  TimePoint high_{};
};

std::string svg(const std::vector<Event>& events, const Window& window, const std::string& title_id) {
  const Scale scale(events);
  const double axis_y = kTop + kRow * static_cast<double>(events.size());
  const double height = axis_y + 24;
  std::string out = "<svg class=\"timeline\" role=\"img\" aria-labelledby=\"" + title_id + "\" viewBox=\"0 0 " +
                    number(kWidth) + " " + number(height) + "\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"" +
                    title_id + "\">Time line: " + std::to_string(events.size()) + " instants in time order</title>\n";
  if (window.start || window.end) {
    const double x1 = window.start ? scale.x(*window.start) : kMargin;
    const double x2 = window.end ? scale.x(*window.end) : kWidth - kMargin;
    if (x2 >= x1) {
      out += "<rect class=\"window\" x=\"" + number(x1) + "\" y=\"4\" width=\"" + number(std::max(x2 - x1, 1.0)) +
             "\" height=\"" + number(axis_y - 4) + "\"/>\n<text class=\"window-label\" x=\"" + number(x1 + 4) +
             "\" y=\"18\">accepted window</text>\n";
    } else {
      out += "<text class=\"window-label\" x=\"" + number(kMargin) + "\" y=\"18\">no accepted window: NotBefore is after NotOnOrAfter</text>\n";
    }
  }
  out += "<line class=\"axis\" x1=\"" + number(kMargin) + "\" y1=\"" + number(axis_y) + "\" x2=\"" +
         number(kWidth - kMargin) + "\" y2=\"" + number(axis_y) + "\"/>\n";
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    const double x = scale.x(e.time);
    const double y = kTop + kRow * static_cast<double>(i) + 8;
    const bool right_half = x > kWidth / 2;
    std::string label = e.label + " " + e.text;
    if (!e.mark.empty()) label += " (" + e.mark + ")";
    if (scale.off_scale(e.time)) label += right_half ? " (off scale) \u00bb" : " \u00ab (off scale)";
    out += "<g class=\"marker " + e.kind + "\" data-time=\"" + format_xs_datetime(e.time) + "\"><line class=\"tick\" x1=\"" + number(x) + "\" y1=\"" + number(y) +
           "\" x2=\"" + number(x) + "\" y2=\"" + number(axis_y) + "\"/><circle class=\"dot " + e.kind + "\" cx=\"" +
           number(x) + "\" cy=\"" + number(y) + "\" r=\"4\"/><text x=\"" + number(right_half ? x - 8 : x + 8) +
           "\" y=\"" + number(y + 4) + "\"" + (right_half ? " text-anchor=\"end\"" : "") + ">" + html_escape(label) +
           "</text></g>\n";
  }
  return out + "</svg>\n";
}

std::string relative(TimePoint t, TimePoint now) {
  if (t == now) return "now";
  return format_duration(t - now) + (t < now ? " before now" : " after now");
}

std::string table(const std::vector<Event>& events, TimePoint now) {
  std::string out = "<details><summary>The time line as a table</summary>\n<table>\n<thead><tr><th scope=\"col\">Instant</th>"
                    "<th scope=\"col\">Time</th><th scope=\"col\">Relative to now</th><th scope=\"col\">Signed</th></tr></thead>\n<tbody>\n";
  for (const Event& e : events) {
    out += "<tr><th scope=\"row\">" + html_escape(e.label) + "</th><td>" + html_escape(e.text) + "</td><td>" +
           html_escape(relative(e.time, now)) + "</td><td>" + html_escape(e.mark.empty() ? "-" : e.mark) + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n</details>\n";
}

}  // namespace

std::string timeline_section(const DecodeView& view, TimePoint now, std::chrono::seconds skew, std::string_view id_prefix) {
  const std::string id(id_prefix);
  const std::vector<Event> events = events_of(view, now);
  std::string out = "<section class=\"time\" aria-labelledby=\"" + id + "-time-h\">\n<h3 id=\"" + id + "-time-h\">Time line</h3>\n";
  const Window window = accepted_window(view, skew);
  if (window.start || window.end) {
    out += "<p>Accepted from " + html_escape(window.start ? format_xs_datetime(*window.start) : "(no NotBefore)") +
           " until before " + html_escape(window.end ? format_xs_datetime(*window.end) : "(no NotOnOrAfter)") +
           (skew.count() != 0 ? " (with " + std::to_string(skew.count()) + " s of skew)" : "") + ".</p>\n";
  }
  return out + svg(events, window, id + "-time-title") + table(events, now) + "</section>\n";
}

}  // namespace saml::html
