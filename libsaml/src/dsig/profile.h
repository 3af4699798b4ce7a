// The signature profile: the XSW defences, checked on the tree before any cryptography.
#pragma once

#include <libxml/tree.h>

#include <vector>

#include "dsig/algorithms.h"
#include "saml/dsig.h"

namespace saml::detail {

// What the profile check learnt about one ds:Signature besides what it writes in the
// SignatureReport (the signed element, its ID, the algorithms, the Reference URI).
struct SignatureShape {
  const xmlNode* signature = nullptr;
  KeyFamily key_family = KeyFamily::None;
  // Each KeyInfo X509Certificate element: the signature stage recognises its text as a
  // trusted certificate's, or decodes it.
  std::vector<const xmlNode*> keyinfo_certificates;
};

// Appends a finding for every profile violation of `signature`; the shape and the report's
// signed element, ID, algorithms and Reference URI are filled as far as the structure
// allows. No findings of severity error means the profile holds.
std::vector<Finding> check_signature_profile(xmlDoc* doc, const xmlNode* signature, const DsigPolicy& policy,
                                             SignatureShape& shape, SignatureReport& report);

}  // namespace saml::detail
