// ASCII case folding and IAM's wildcard match for the IAM stage (see text.h).
#include "iam/text.h"

#include <cstddef>

namespace saml::iam {
namespace {

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = fold(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

// Iterative glob with single-star backtracking: linear in practice, never recursive.
bool wildcard_match(std::string_view pattern, std::string_view text, bool ignore_case,
                    const std::vector<bool>* literal) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  auto same = [&](char a, char b) { return ignore_case ? fold(a) == fold(b) : a == b; };
  auto is = [&](std::size_t at, char wildcard) {
    return pattern[at] == wildcard && !(literal && at < literal->size() && (*literal)[at]);
  };
  while (t < text.size()) {
    if (p < pattern.size() && (is(p, '?') || (!is(p, '*') && same(pattern[p], text[t])))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && is(p, '*')) {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && is(p, '*')) ++p;
  return p == pattern.size();
}

}  // namespace saml::iam
