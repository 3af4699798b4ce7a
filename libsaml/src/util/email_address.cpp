#include "util/email_address.h"

#include <string_view>

namespace saml::util {
namespace {

bool is_letter_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) > 0x7f;
}

// atext of RFC 5322 section 3.2.3.
bool is_atext(char c) {
  return is_letter_or_digit(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// Non-empty runs of `allowed` characters separated by single dots.
template <class Allowed>
bool is_dotted(std::string_view text, Allowed allowed) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  char previous = '\0';
  for (const char c : text) {
    if (c == '.' ? previous == '.' : !allowed(c)) return false;
    previous = c;
  }
  return true;
}

bool is_domain(std::string_view domain) {
  if (domain.find('.') == std::string_view::npos) return false;
  if (!is_dotted(domain, [](char c) { return is_letter_or_digit(c) || c == '-'; })) return false;
  for (std::size_t start = 0; start < domain.size();) {
    std::size_t end = domain.find('.', start);
    if (end == std::string_view::npos) end = domain.size();
    if (domain[start] == '-' || domain[end - 1] == '-') return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

bool looks_like_email(std::string_view text) {
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos) return false;
  return is_dotted(text.substr(0, at), is_atext) && is_domain(text.substr(at + 1));
}

}  // namespace saml::util
