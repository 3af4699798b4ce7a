#include "util/xmlsec_runtime.h"

#include <libxml/parser.h>
#include <openssl/crypto.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/xmlsec.h>

#include <mutex>
#include <stdexcept>

namespace saml::detail {
namespace {

thread_local std::string last_xmlsec_error;

// xmlsec reports through this callback instead of printing: the library never prints.
void record_xmlsec_error(const char* /*file*/, int /*line*/, const char* func,
                         const char* error_object, const char* error_subject, int reason,
                         const char* message) {
  std::string text;
  if (func) text += func;
  if (error_object) text += std::string(text.empty() ? "" : ": ") + error_object;
  if (error_subject) text += std::string(" ") + error_subject;
  if (message) text += std::string(": ") + message;
  text += " (reason " + std::to_string(reason) + ")";
  last_xmlsec_error = std::move(text);
}

void initialise_once() {
  // Before any other OpenSSL call: the system openssl.cnf is not read. samlkit's own policy
  // chooses the algorithms, and parsing that file was a tenth of a one-shot saml-verify.
  if (OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr) != 1) {
    throw std::runtime_error("OpenSSL initialisation failed");
  }
  xmlInitParser();
  // Failure here means a broken installation; nothing else can work, so it is fatal
  // for every later call (they see the exception from call_once again).
  if (xmlSecInit() < 0) throw std::runtime_error("xmlsec initialisation failed");
  if (xmlSecCheckVersion() != 1) throw std::runtime_error("xmlsec library version mismatch");
  if (xmlSecCryptoAppInit(nullptr) < 0) throw std::runtime_error("xmlsec crypto app init failed");
  if (xmlSecCryptoInit() < 0) throw std::runtime_error("xmlsec crypto init failed");
  // Set last: initialisation installs xmlsec's printing default.
  xmlSecErrorsSetCallback(record_xmlsec_error);
}

}  // namespace

void ensure_xmlsec_initialised() {
  static std::once_flag once;
  std::call_once(once, initialise_once);
}

std::string take_xmlsec_error() {
  std::string text = std::move(last_xmlsec_error);
  last_xmlsec_error.clear();
  return text;
}

}  // namespace saml::detail
