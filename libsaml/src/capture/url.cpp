#include "capture/url.h"

#include "capture/sniff.h"
#include "util/printable.h"

namespace saml {

bool is_http_url(std::string_view text) {
  return starts_with_nocase(text, "http://") || starts_with_nocase(text, "https://");
}

QuerySpan url_query(std::string_view url) {
  const std::size_t end = url.find('#');
  const std::string_view before_fragment = url.substr(0, end);
  const std::size_t question = before_fragment.find('?');
  if (question == std::string_view::npos) {
    return {};
  }
  return {question + 1, before_fragment.size() - question - 1};
}

std::string url_for_messages(std::string_view url) {
  return util::printable_prefix(url.substr(0, url.find_first_of("?#")), 100);
}

}  // namespace saml
