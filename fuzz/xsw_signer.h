// Signing inside the verify-xsw harness with xmlsec's C API, as an IdP (or an attacker
// with their own key) would: enveloped signature, exclusive c14n, RSA-SHA256, SHA-256.
#pragma once

#include <libxml/tree.h>
#include <xmlsec/keys.h>

#include <memory>
#include <string_view>

namespace fuzz {

struct XmlSecKeyDeleter {
  void operator()(xmlSecKey* key) const { xmlSecKeyDestroy(key); }
};
using XmlSecKeyPtr = std::unique_ptr<xmlSecKey, XmlSecKeyDeleter>;

// A private key and its certificate, both PEM. Call only after xmlsec is initialised
// (the library does it on its first signature check). Traps when the key does not load.
XmlSecKeyPtr load_signing_key(std::string_view key_pem, std::string_view cert_pem);

// Signs `element` by its ID attribute (which it must have), putting the ds:Signature right
// after its first child when that is an Issuer, else first. False when xmlsec refuses (an ID
// that is not unique, for instance); the document may then hold an unsigned template.
bool sign_element(xmlNode* element, const xmlSecKey& key);

}  // namespace fuzz
