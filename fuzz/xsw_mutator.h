// The structure-aware mutator of the verify-xsw harness: it edits a signed Response as a
// tree the way signature-wrapping attacks do (move, copy, wrap, delete, rename, re-ID,
// edit text, insert comments and CDATA, change signature algorithms and references,
// sign with an attacker key, or insert a freshly IdP-signed copy of the original
// assertion) so the fuzzer explores wrapping shapes instead of broken XML.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <random>
#include <string>
#include <string_view>

#include "saml/xml.h"
#include "xsw_signer.h"

namespace fuzz {

class XswMutator {
 public:
  // `original_response` is the signed fixture; its Assertion, without the signature, is
  // what the IdP re-signs.
  explicit XswMutator(std::string_view original_response);

  // One to three tree edits of `xml`; empty when `xml` does not parse as XML.
  std::string mutate(std::string_view xml, unsigned seed) const;
  // A subtree of `donor` copied to a random place in `xml`; empty when either does not parse.
  std::string cross_over(std::string_view xml, std::string_view donor, unsigned seed) const;

 private:
  bool edit(xmlDoc* doc, std::minstd_rand& rng) const;

  std::unique_ptr<xmlDoc, saml::XmlDocDeleter> original_;  // owns the template below
  xmlNode* unsigned_assertion_ = nullptr;
  XmlSecKeyPtr idp_key_;
  XmlSecKeyPtr attacker_key_;
};

}  // namespace fuzz
