#include "verdict_checks.h"

#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "fuzz_support.h"

namespace fuzz {
namespace {

// Written out here rather than taken from the library, so the harness is an independent
// statement of the profile.
constexpr std::string_view kExcC14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
// Inclusive c14n 1.0 and 1.1 without comments (OpenSAML's profile allows them too).
constexpr std::array<std::string_view, 3> kC14nMethods = {
    kExcC14n,
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
    "http://www.w3.org/2006/12/xml-c14n11",
};
constexpr std::string_view kEnveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
constexpr std::array<std::string_view, 6> kSignatureMethods = {
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512",
};
constexpr std::array<std::string_view, 3> kDigestMethods = {
    "http://www.w3.org/2001/04/xmlenc#sha256",
    "http://www.w3.org/2001/04/xmldsig-more#sha384",
    "http://www.w3.org/2001/04/xmlenc#sha512",
};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view uri) {
  return std::find(list.begin(), list.end(), uri) != list.end();
}

bool has_element_child(const xmlNode* element) {
  for (const xmlNode* child = element->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) return true;
  }
  return false;
}

std::string algorithm_of(const xmlNode* element) {
  return element != nullptr ? saml::attribute(element, "Algorithm") : std::string();
}

// ID and xml:id attributes anywhere in the document with this value.
std::size_t id_uses(const xmlNode* root, const std::string& id) {
  std::size_t uses = 0;
  saml::for_each_element(root, [&](const xmlNode* element) {
    for (const xmlAttr* attr = element->properties; attr != nullptr; attr = attr->next) {
      const std::string_view name = reinterpret_cast<const char*>(attr->name);
      const bool plain_id = attr->ns == nullptr && name == "ID";
      const bool xml_id = attr->ns != nullptr && name == "id" &&
                          std::string_view(reinterpret_cast<const char*>(attr->ns->href)) ==
                              "http://www.w3.org/XML/1998/namespace";
      if (!plain_id && !xml_id) continue;
      xmlChar* value = xmlNodeListGetString(element->doc, attr->children, 1);
      if (value != nullptr && id == reinterpret_cast<const char*>(value)) ++uses;
      xmlFree(value);
    }
  });
  return uses;
}

void check_signature_element(const xmlNode* signature, const std::string& id,
                             const saml::SignatureReport& report) {
  const xmlNode* signed_info = saml::first_child(signature, saml::ns::dsig, "SignedInfo");
  FUZZ_CHECK(signed_info != nullptr, "a verified signature has no SignedInfo");
  const xmlNode* c14n = saml::first_child(signed_info, saml::ns::dsig, "CanonicalizationMethod");
  FUZZ_CHECK(listed(kC14nMethods, algorithm_of(c14n)), "a verified SignedInfo is canonicalized with " + algorithm_of(c14n));
  FUZZ_CHECK(algorithm_of(c14n) == report.c14n_method, "the report's CanonicalizationMethod is not the one written");
  const std::string method = algorithm_of(saml::first_child(signed_info, saml::ns::dsig, "SignatureMethod"));
  FUZZ_CHECK(method == report.signature_method, "the report's SignatureMethod is not the one written");
  FUZZ_CHECK(listed(kSignatureMethods, method), "a verified signature uses " + method);
  FUZZ_CHECK(saml::count_children(signed_info, saml::ns::dsig, "Reference") == 1,
             "a verified signature has more than one Reference");
  const xmlNode* reference = saml::first_child(signed_info, saml::ns::dsig, "Reference");
  FUZZ_CHECK(saml::optional_attribute(reference, "URI") == "#" + id,
             "a verified Reference does not point at its parent #" + id);
  const std::string digest = algorithm_of(saml::first_child(reference, saml::ns::dsig, "DigestMethod"));
  FUZZ_CHECK(listed(kDigestMethods, digest), "a verified Reference uses digest " + digest);
  const xmlNode* transforms = saml::first_child(reference, saml::ns::dsig, "Transforms");
  FUZZ_CHECK(transforms != nullptr, "a verified Reference has no transforms");
  bool enveloped = false;
  std::size_t c14n_transforms = 0;
  for (const xmlNode* child = transforms->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    const std::string uri = algorithm_of(child);
    FUZZ_CHECK(saml::is_element(child, saml::ns::dsig, "Transform") && (uri == kEnveloped || listed(kC14nMethods, uri)),
               "a verified Reference has the transform " + uri);
    enveloped = enveloped || uri == kEnveloped;
    if (uri == kEnveloped) continue;
    ++c14n_transforms;
    FUZZ_CHECK(uri == kExcC14n || !has_element_child(child), "a verified inclusive c14n transform has parameters");
  }
  FUZZ_CHECK(enveloped, "a verified Reference lacks the enveloped-signature transform");
  FUZZ_CHECK(c14n_transforms <= 1, "a verified Reference has more than one c14n transform");
}

void check_verified(const saml::SignatureReport& report, const xmlNode* root, const saml::TrustStore& trust) {
  const xmlNode* parent = report.signed_node;
  FUZZ_CHECK(parent != nullptr, "a verified signature has no signed node");
  const std::string id = saml::attribute(parent, "ID");
  FUZZ_CHECK(!id.empty() && id == report.signed_id, "the signed node's ID is not the reported one");
  FUZZ_CHECK(report.signed_element == reinterpret_cast<const char*>(parent->name),
             "the signed element's name is not the reported one");
  FUZZ_CHECK(id_uses(root, id) == 1, "the signed ID " + id + " is not unique in the document");
  // The ds:Signature whose Reference is this ID must be an immediate child of the signed node.
  std::size_t own_signatures = 0;
  for (const xmlNode* child = saml::first_child(parent, saml::ns::dsig, "Signature"); child != nullptr;
       child = saml::next_sibling(child, saml::ns::dsig, "Signature")) {
    check_signature_element(child, id, report);
    ++own_signatures;
  }
  FUZZ_CHECK(own_signatures == 1, "a verified element does not have exactly one ds:Signature child");
  FUZZ_CHECK(listed(kDigestMethods, report.digest_method), "a verified signature reports digest " + report.digest_method);
  FUZZ_CHECK(listed(kC14nMethods, report.c14n_method), "a verified signature reports c14n " + report.c14n_method);
  FUZZ_CHECK(report.key_used.has_value(), "a verified signature names no key");
  const auto& keys = trust.keys();
  FUZZ_CHECK(std::any_of(keys.begin(), keys.end(),
                         [&](const saml::TrustedKey& key) {
                           return key.certificate.fingerprint == report.key_used->fingerprint;
                         }),
             "a signature was verified with a key that is not in the trust store");
}

}  // namespace

void check_verdict(const saml::Verdict& verdict, const saml::TrustStore& trust) {
  for (const saml::Finding& finding : verdict.findings) {
    FUZZ_CHECK(!finding.rule_id.empty() && !finding.message.empty(), "a finding without rule or message");
  }
  FUZZ_CHECK(verdict.accepted == !saml::has_errors(verdict.findings),
             "accepted disagrees with the findings' severities");
  const saml::DsigResult& dsig = verdict.signatures;
  for (const xmlNode* covered : dsig.covered) {
    FUZZ_CHECK(std::any_of(dsig.signatures.begin(), dsig.signatures.end(),
                           [&](const saml::SignatureReport& report) {
                             return report.signed_node == covered &&
                                    report.status == saml::SignatureStatus::Verified;
                           }),
               "a covered node is not the signed node of a verified signature");
  }
  if (verdict.assertion.has_value()) {
    FUZZ_CHECK(dsig.covers(verdict.assertion->node), "the model was read from an uncovered assertion");
  }
  if (!verdict.accepted) return;

  FUZZ_CHECK(verdict.document != nullptr && verdict.document->root() != nullptr, "an accept without a document");
  const xmlNode* root = verdict.document->root();
  FUZZ_CHECK(saml::is_element(root, saml::ns::protocol, "Response"), "an accepted document is not a Response");
  FUZZ_CHECK(verdict.assertion.has_value() && verdict.aws.has_value(), "an accept without assertion or AWS view");
  FUZZ_CHECK(verdict.assertion->node->parent == root, "the accepted assertion is not a child of the Response");
  FUZZ_CHECK(saml::count_children(root, saml::ns::assertion, "Assertion") == 1,
             "an accepted Response does not hold exactly one Assertion");
  std::size_t verified = 0;
  for (const saml::SignatureReport& report : dsig.signatures) {
    if (report.status != saml::SignatureStatus::Verified) continue;
    check_verified(report, root, trust);
    ++verified;
  }
  FUZZ_CHECK(verified > 0, "an accept without a verified signature");
}

}  // namespace fuzz
