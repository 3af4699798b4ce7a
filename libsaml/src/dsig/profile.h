// The signature profile: the XSW defences, checked on the tree before any cryptography.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "dsig/algorithms.h"
#include "saml/dsig.h"

namespace saml::detail {

// What the profile check learnt about one ds:Signature.
struct SignatureShape {
  const xmlNode* signature = nullptr;
  const xmlNode* parent = nullptr;
  std::string parent_name;
  std::string parent_id;
  std::string reference_uri;
  std::string signature_method;
  std::string digest_method;
  std::string c14n_method;
  std::string reference_c14n_method;  // the Reference's c14n transform, if it has one
  KeyFamily key_family = KeyFamily::None;
  std::vector<std::string> keyinfo_certificates_der;
};

// Appends a finding for every profile violation of `signature`; the shape is filled as
// far as the structure allows. No findings of severity error means the profile holds.
std::vector<Finding> check_signature_profile(xmlDoc* doc, const xmlNode* signature,
                                             const DsigPolicy& policy, SignatureShape& shape);

}  // namespace saml::detail
