#include "xml/source_text.h"

#include <algorithm>
#include <cstring>

namespace saml::detail {
namespace {

// Whether every byte is below 0x80 (one pass the compiler vectorises: no early exit).
bool is_ascii(std::string_view bytes) {
  unsigned char seen = 0;
  for (const char c : bytes) seen |= static_cast<unsigned char>(c);
  return (seen & 0x80U) == 0;
}

// UTF-16 code units the UTF-8 bytes stand for: a lead byte counts one, a four-byte
// sequence's lead two, continuation bytes none.
std::size_t utf16_units(std::string_view bytes) {
  if (is_ascii(bytes)) return bytes.size();  // most messages
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  const auto units_of = [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return static_cast<std::size_t>((byte & 0xc0U) != 0x80U) + static_cast<std::size_t>(byte >= 0xf0U);
  };
  std::size_t units = 0;
  std::size_t i = 0;
  for (; bytes.size() - i >= 8; i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + i, sizeof word);
    if ((word & kHighBits) == 0) {
      units += 8;
      continue;
    }
    for (std::size_t j = i; j < i + 8; ++j) units += units_of(bytes[j]);
  }
  for (; i < bytes.size(); ++i) units += units_of(bytes[i]);
  return units;
}

}  // namespace

void SourceText::build_index() const {
  line_starts_.push_back(0);
  const std::string_view text = text_;
  for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
    line_starts_.push_back(at + 1);
  }
  ascii_ = is_ascii(text_);
  if (ascii_) return;
  std::size_t units = 0;
  for (std::size_t block = 0; block < text_.size(); block += kBlock) {
    units_before_block_.push_back(units);
    units += utf16_units(std::string_view(text_).substr(block, kBlock));
  }
  units_before_block_.push_back(units);  // the end of the text, when it ends a block
}

std::size_t SourceText::units_before(std::size_t offset) const {
  if (ascii_) return offset;
  const std::size_t block_start = offset / kBlock * kBlock;
  return units_before_block_[offset / kBlock] +
         utf16_units(std::string_view(text_).substr(block_start, offset - block_start));
}

int SourceText::column_at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  // A line start within kNear bytes (nearly every message: short lines, or one line of a few
  // KB): counted directly.
  const std::size_t from = offset > kNear ? offset - kNear : 0;
  // memrchr: string_view::rfind compares byte by byte.
  const auto* line_break = static_cast<const char*>(memrchr(text_.data() + from, '\n', offset - from));
  if (line_break != nullptr || from == 0) {
    const std::size_t line_start = line_break == nullptr ? 0 : static_cast<std::size_t>(line_break - text_.data()) + 1;
    return static_cast<int>(1 + utf16_units(std::string_view(text_).substr(line_start, offset - line_start)));
  }
  // A longer line: through the index, so that many columns on one long line stay linear.
  std::call_once(indexed_, [this] { build_index(); });
  const std::size_t line_start =
      *(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1);
  return static_cast<int>(1 + units_before(offset) - units_before(line_start));
}

}  // namespace saml::detail
