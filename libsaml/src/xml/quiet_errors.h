// Keeps libxml2 from printing while this thread parses, canonicalises or decrypts.
#pragma once

#include <libxml/xmlerror.h>

#include <string>

namespace saml {

// Some libxml2 errors (encoding conversion, I/O) are raised without a parser context and
// would go to the thread's generic handler, which prints to stderr. While alive, this
// replaces the thread's generic and structured handlers with silent ones; the destructor
// restores what was there. Per-thread in libxml2, so other threads are unaffected. (xmlsec
// runs libxml2's canonicalisation, whose errors - "C14N error : Relative namespace ..." -
// would otherwise reach stderr.)
class QuietLibxmlErrors {
 public:
  QuietLibxmlErrors();
  ~QuietLibxmlErrors();
  QuietLibxmlErrors(const QuietLibxmlErrors&) = delete;
  QuietLibxmlErrors& operator=(const QuietLibxmlErrors&) = delete;

  // The first error libxml2 raised while this was alive, printable, or "" if none: what a
  // caller adds to a message that would otherwise say less.
  const std::string& first_error() const { return first_error_; }

 private:
  static void record(void* self, xmlError* error);

  std::string first_error_;
  xmlGenericErrorFunc saved_generic_;
  void* saved_generic_context_;
  xmlStructuredErrorFunc saved_structured_;
  void* saved_structured_context_;
};

}  // namespace saml
