// Keeps libxml2 from printing while this thread parses.
#pragma once

#include <libxml/xmlerror.h>

namespace saml {

// Some libxml2 errors (encoding conversion, I/O) are raised without a parser context and
// would go to the thread's generic handler, which prints to stderr. While alive, this
// replaces the thread's generic and structured handlers with silent ones; the destructor
// restores what was there. Per-thread in libxml2, so other threads are unaffected.
class QuietLibxmlErrors {
 public:
  QuietLibxmlErrors();
  ~QuietLibxmlErrors();
  QuietLibxmlErrors(const QuietLibxmlErrors&) = delete;
  QuietLibxmlErrors& operator=(const QuietLibxmlErrors&) = delete;

 private:
  xmlGenericErrorFunc saved_generic_;
  void* saved_generic_context_;
  xmlStructuredErrorFunc saved_structured_;
  void* saved_structured_context_;
};

}  // namespace saml
