#include "capture/utf16.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <memory>

#include "capture/sniff.h"

namespace saml {
namespace {

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

Error encoding_error(std::string message, std::size_t offset) {
  Error error{ErrorKind::Decode, "capture.encoding",
              std::move(message) + " at offset " + std::to_string(offset), {}};
  error.where.offset = static_cast<long>(offset);
  return error;
}

}  // namespace

Expected<std::optional<Utf8Text>> utf16_to_utf8(std::string_view bytes) {
  const bool little = bytes.starts_with("\xFF\xFE");
  const bool big = bytes.starts_with("\xFE\xFF");
  if (!little && !big) return std::optional<Utf8Text>();
  const char* from = little ? "UTF-16LE" : "UTF-16BE";
  constexpr std::size_t kBom = 2;
  if ((bytes.size() - kBom) % 2 != 0) {
    return encoding_error(std::string("the text is ") + from + " (it starts with a byte order "
                          "mark) but has an odd number of bytes; it is truncated",
                          bytes.size() - 1);
  }
  // iconv is the C library's converter: no hand-written surrogate handling here.
  iconv_t opened = iconv_open("UTF-8", from);
  if (opened == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) {
    return Error{ErrorKind::Decode, "capture.encoding",
                 std::string("this system cannot convert ") + from + " to UTF-8", {}};
  }
  const std::unique_ptr<void, IconvCloser> cd(opened);
  std::string out(bytes.size() / 2 * 3 + 4, '\0');  // a UTF-16 unit is at most 3 UTF-8 bytes
  char* in_ptr = const_cast<char*>(bytes.data() + kBom);
  std::size_t in_left = bytes.size() - kBom;
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  if (iconv(static_cast<iconv_t>(cd.get()), &in_ptr, &in_left, &out_ptr, &out_left) ==
      static_cast<std::size_t>(-1)) {
    const std::size_t offset = static_cast<std::size_t>(in_ptr - bytes.data());
    return encoding_error(std::string("invalid ") + from + " (" +
                              (errno == EINVAL ? "a surrogate pair is cut off" : "a lone surrogate") + ")",
                          offset);
  }
  out.resize(out.size() - out_left);
  Utf8Text converted;
  converted.text = std::move(out);
  converted.note = std::string("the input is ") +
                   (little ? "UTF-16 LE with a byte order mark (what Windows PowerShell 5's "
                             "Out-File and '>' write)"
                           : "UTF-16 BE with a byte order mark") +
                   "; read as UTF-8";
  return std::optional<Utf8Text>(std::move(converted));
}

bool looks_like_utf16_without_bom(std::string_view bytes) {
  return bytes.size() >= 4 && ((bytes[0] != '\0' && bytes[1] == '\0' && bytes[3] == '\0') ||
                               (bytes[0] == '\0' && bytes[1] != '\0' && bytes[2] == '\0'));
}

bool relabel_utf16_declaration(std::string& xml) {
  if (!xml.starts_with("<?xml")) return false;
  const std::size_t end = xml.find("?>");
  if (end == std::string::npos) return false;
  const std::string_view declaration = std::string_view(xml).substr(0, end);
  const std::size_t name = declaration.find("encoding");
  if (name == std::string_view::npos) return false;
  const std::size_t quote = declaration.find_first_of("\"'", name);
  if (quote == std::string_view::npos) return false;
  const std::size_t close = declaration.find(declaration[quote], quote + 1);
  if (close == std::string_view::npos) return false;
  const std::string_view value = declaration.substr(quote + 1, close - quote - 1);
  if (!starts_with_nocase(value, "UTF-16") && !starts_with_nocase(value, "UTF16") &&
      !starts_with_nocase(value, "UCS-2") && !starts_with_nocase(value, "Unicode")) {
    return false;
  }
  xml.replace(quote + 1, close - quote - 1, "UTF-8");
  return true;
}

}  // namespace saml
