// What the xmlsec floor does with one parsed response, shared by the floor (xmlsec_floor.h,
// many responses in one process) and the minimal one-shot program (oneshot_xmlsec.cpp), so
// that both references verify the same thing. Nothing here initialises xmlsec: the caller
// has done it, each its own way.
#pragma once

#include <libxml/tree.h>

#include <ctime>
#include <string_view>

struct _xmlSecKey;

namespace samlbench {

// The certificate's public key as a bare xmlsec key (the pinned key: no certificate, so
// KeyInfo is never consulted); nullptr when the PEM holds no usable certificate.
_xmlSecKey* load_bare_xmlsec_key(std::string_view cert_pem);

// True when the Assertion's signature verifies with `key` (its ID registered, the
// signature's Reference naming it, xmlSecDSigCtxVerify with the key lent to a context on
// the stack) and the SAML checks pass at `now`.
bool xmlsec_verify_document(xmlDoc* doc, _xmlSecKey* key, std::time_t now);

}  // namespace samlbench
