// UTF-16 text with a byte order mark (what Windows PowerShell 5's Out-File and '>' write),
// read as UTF-8 so that the other capture forms can be told apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "saml/error.h"

namespace saml {

struct Utf8Text {
  std::string text;  // UTF-8, without the byte order mark
  std::string note;  // says what was converted, for Capture::notes
};

// Nothing when `bytes` does not start with a UTF-16 byte order mark (FF FE or FE FF).
// Text that is not valid UTF-16 is an error "capture.encoding" with the byte offset.
Expected<std::optional<Utf8Text>> utf16_to_utf8(std::string_view bytes);

// Whether the text looks like UTF-16 written without a byte order mark ("<\0" or "\0<"
// at the start), which is refused with an explanation rather than guessed.
bool looks_like_utf16_without_bom(std::string_view bytes);

// An XML declaration that names a UTF-16 encoding would make libxml2 refuse the converted
// text; it is made to name UTF-8. The canonical form a signature covers has no XML
// declaration, so signatures verify the same. Returns whether the declaration changed.
bool relabel_utf16_declaration(std::string& xml);

}  // namespace saml
