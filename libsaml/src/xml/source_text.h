// The text parse_xml read, kept by its Document so that location_of can work out an element's
// column when a Location asks for one, rather than for every element during the parse.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace saml::detail {

class SourceText {
 public:
  explicit SourceText(std::string text) : text_(std::move(text)) {}

  std::string_view text() const { return text_; }
  // The column of byte `offset`: 1 + the UTF-16 code units (as SARIF counts them) between the
  // start of its line and it. Each call reads at most kNear bytes, whatever the line's length:
  // a longer line is measured through an index built once, on the first such call.
  int column_at(std::size_t offset) const;

 private:
  static constexpr std::size_t kNear = 16384;
  static constexpr std::size_t kBlock = 4096;

  void build_index() const;
  // UTF-16 code units in text_[0, offset).
  std::size_t units_before(std::size_t offset) const;

  std::string text_;
  // Built on the first column_at on a long line, by whichever thread asks first.
  mutable std::once_flag indexed_;
  mutable std::vector<std::size_t> line_starts_;
  mutable bool ascii_ = false;
  mutable std::vector<std::size_t> units_before_block_;  // only when not ASCII
};

}  // namespace saml::detail
