// The xmlsec floor: the floor's work with xmlsec doing the signature, xmlsec used as well as
// its API allows. The pinned bare key is built once and lent to every context (xmlsec's
// public signKey field; taken back before the context is finalised, so it is never copied);
// the Assertion's ID is registered; no keys manager, so KeyInfo is never read; a context on
// the stack, initialised and finalised per message (xmlsec cannot reset a used one).
// Base64, parse and the SAML checks (floor_checks.h) as in the hand-written floor. samlkit
// keeps xmlsec for the signature, so this is the floor it can reach.
#pragma once

#include <ctime>
#include <memory>
#include <string>
#include <string_view>

struct _xmlSecKey;

namespace samlbench {

class XmlsecFloor {
 public:
  // Loads the certificate's public key once; throws when it cannot. `now` for the checks.
  XmlsecFloor(const std::string& cert_pem, std::time_t now);
  ~XmlsecFloor();
  XmlsecFloor(const XmlsecFloor&) = delete;
  XmlsecFloor& operator=(const XmlsecFloor&) = delete;

  // True when the signature verifies and the SAML checks pass.
  bool verify_base64(std::string_view base64) const;
  bool verify_xml(std::string_view xml) const;

 private:
  _xmlSecKey* key_ = nullptr;
  std::time_t now_;
};

}  // namespace samlbench
