// Telling URLs apart and finding their query.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace saml {

// "http://" or "https://", in any case.
bool is_http_url(std::string_view text);

// Where the query (after '?', before any '#') starts and how long it is; {npos, 0} when
// the URL has no '?'.
struct QuerySpan {
  std::size_t start = std::string_view::npos;
  std::size_t size = 0;
};
QuerySpan url_query(std::string_view url);

// The URL without its query and fragment, escaped and shortened for messages.
std::string url_for_messages(std::string_view url);

}  // namespace saml
