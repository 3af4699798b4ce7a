#include "util/libxml_init.h"

#include <libxml/parser.h>

#include <mutex>

namespace saml::util {

void ensure_libxml_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace saml::util
