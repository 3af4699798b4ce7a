#include "xml/quiet_errors.h"

#include <libxml/globals.h>

#include "util/printable.h"

namespace saml {
namespace {

void ignore_generic(void* /*context*/, const char* /*format*/, ...) {}

}  // namespace

void QuietLibxmlErrors::record(void* self, xmlError* error) {
  auto* quiet = static_cast<QuietLibxmlErrors*>(self);
  if (quiet == nullptr || error == nullptr || error->message == nullptr || !quiet->first_error_.empty()) {
    return;
  }
  std::string message = error->message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  quiet->first_error_ = util::printable_prefix(message, 200);
}

QuietLibxmlErrors::QuietLibxmlErrors()
    : saved_generic_(xmlGenericError),
      saved_generic_context_(xmlGenericErrorContext),
      saved_structured_(xmlStructuredError),
      saved_structured_context_(xmlStructuredErrorContext) {
  xmlSetGenericErrorFunc(nullptr, ignore_generic);
  xmlSetStructuredErrorFunc(this, record);
}

QuietLibxmlErrors::~QuietLibxmlErrors() {
  xmlSetGenericErrorFunc(saved_generic_context_, saved_generic_);
  xmlSetStructuredErrorFunc(saved_structured_context_, saved_structured_);
}

}  // namespace saml
