#include "xml/quiet_errors.h"

#include <libxml/globals.h>

namespace saml {
namespace {

void ignore_generic(void* /*context*/, const char* /*format*/, ...) {}
void ignore_structured(void* /*context*/, xmlError* /*error*/) {}

}  // namespace

QuietLibxmlErrors::QuietLibxmlErrors()
    : saved_generic_(xmlGenericError),
      saved_generic_context_(xmlGenericErrorContext),
      saved_structured_(xmlStructuredError),
      saved_structured_context_(xmlStructuredErrorContext) {
  xmlSetGenericErrorFunc(nullptr, ignore_generic);
  xmlSetStructuredErrorFunc(nullptr, ignore_structured);
}

QuietLibxmlErrors::~QuietLibxmlErrors() {
  xmlSetGenericErrorFunc(saved_generic_context_, saved_generic_);
  xmlSetStructuredErrorFunc(saved_structured_context_, saved_structured_);
}

}  // namespace saml
