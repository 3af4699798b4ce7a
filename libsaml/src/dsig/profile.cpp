#include "dsig/profile.h"

#include <string>
#include <string_view>

#include "saml/xml.h"
#include "saml/rules.h"

namespace saml::detail {
namespace {

std::string node_name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

// Which elements may carry a signature: the root Response and an Assertion directly under it.
bool is_signable_parent(const xmlNode* parent) {
  if (parent == nullptr || parent->type != XML_ELEMENT_NODE) return false;
  const xmlNode* root = xmlDocGetRootElement(parent->doc);
  if (parent == root) return is_element(parent, ns::protocol, "Response");
  return is_element(parent, ns::assertion, "Assertion") && parent->parent == root &&
         is_element(root, ns::protocol, "Response");
}

std::size_t count_element_children(const xmlNode* parent) {
  std::size_t count = 0;
  for (const xmlNode* child = parent->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) ++count;
  }
  return count;
}

class ProfileChecker {
 public:
  ProfileChecker(xmlDoc* doc, const DsigPolicy& policy, SignatureShape& shape, SignatureReport& report)
      : doc_(doc), policy_(policy), shape_(shape), report_(report) {}

  std::vector<Finding> run() {
    check_placement();
    const xmlNode* signed_info = first_child(shape_.signature, ns::dsig, "SignedInfo");
    if (signed_info == nullptr || shape_.signature->children == nullptr ||
        first_element(shape_.signature) != signed_info) {
      fail(RuleId::reference_not_parent, "ds:Signature has no ds:SignedInfo as its first child", shape_.signature);
      return std::move(findings_);
    }
    check_canonicalization(signed_info);
    check_signature_method(signed_info);
    check_reference(signed_info);
    check_key_info();
    if (first_child(shape_.signature, ns::dsig, "SignatureValue") == nullptr) {
      fail(RuleId::reference_not_parent, "ds:Signature has no ds:SignatureValue", shape_.signature);
    }
    return std::move(findings_);
  }

 private:
  static const xmlNode* first_element(const xmlNode* parent) {
    for (const xmlNode* child = parent->children; child; child = child->next) {
      if (child->type == XML_ELEMENT_NODE) return child;
    }
    return nullptr;
  }

  void fail(RuleId rule, std::string message, const xmlNode* at, std::string_view attr = {}) {
    findings_.push_back(make_finding(rule, std::move(message), location_of(at, attr)));
  }

  void check_placement() {
    const xmlNode* parent = shape_.signature->parent;
    report_.signed_node = parent;
    if (parent && parent->type == XML_ELEMENT_NODE) {
      report_.signed_element = node_name(parent);
      attribute_into(parent, "ID", report_.signed_id);
    }
    if (!is_signable_parent(parent)) {
      fail(RuleId::signature_misplaced,
           "ds:Signature inside <" + (report_.signed_element.empty() ? std::string("?") : report_.signed_element) +
               ">: only the root Response and the Assertion directly under it may be signed",
           shape_.signature);
      return;
    }
    if (count_children(parent, ns::dsig, "Signature") > 1) {
      fail(RuleId::signature_misplaced, "<" + report_.signed_element + "> carries more than one ds:Signature", shape_.signature);
    }
  }

  void check_canonicalization(const xmlNode* signed_info) {
    const xmlNode* c14n = first_child(signed_info, ns::dsig, "CanonicalizationMethod");
    if (c14n == nullptr) {
      fail(RuleId::algorithm_unsupported, "ds:SignedInfo has no ds:CanonicalizationMethod", signed_info);
      return;
    }
    attribute_into(c14n, "Algorithm", report_.c14n_method);
    if (!is_allowed_c14n(report_.c14n_method)) {
      fail(RuleId::transform_not_allowed, "canonicalization '" + report_.c14n_method +
                         "' is not allowed; only exclusive or inclusive (1.0, 1.1) c14n without comments",
           c14n, "Algorithm");
    } else if (first_element(c14n) != nullptr && is_inclusive_c14n(report_.c14n_method)) {
      fail(RuleId::transform_not_allowed, "inclusive c14n takes no parameters; <" + node_name(first_element(c14n)) +
                         "> inside ds:CanonicalizationMethod", c14n);
    }
  }

  void check_signature_method(const xmlNode* signed_info) {
    const xmlNode* method = first_child(signed_info, ns::dsig, "SignatureMethod");
    if (method == nullptr) {
      fail(RuleId::algorithm_unsupported, "ds:SignedInfo has no ds:SignatureMethod", signed_info);
      return;
    }
    attribute_into(method, "Algorithm", report_.signature_method);
    const SignatureAlgorithm algorithm = classify_signature_method(report_.signature_method);
    shape_.key_family = algorithm.family;
    switch (algorithm.verdict) {
      case AlgorithmVerdict::Allowed: break;
      case AlgorithmVerdict::Sha1: judge_sha1("signature method", report_.signature_method, method); break;
      case AlgorithmVerdict::Hmac:
        fail(RuleId::hmac_signature, "HMAC signature method '" + report_.signature_method +
                           "' is always refused: a shared secret lets any verifier forge",
             method, "Algorithm");
        break;
      case AlgorithmVerdict::Unsupported:
        fail(RuleId::algorithm_unsupported, "signature method '" + report_.signature_method + "' is not supported",
             method, "Algorithm");
        break;
    }
  }

  void judge_sha1(std::string_view what, const std::string& uri, const xmlNode* at) {
    Finding finding = make_finding(RuleId::sha1_algorithm, std::string(what) + " '" + uri + "' uses SHA-1" +
                                                 (policy_.allow_sha1 ? " (allowed by --allow-sha1)"
                                                                     : "; refused without --allow-sha1"),
                                   location_of(at, "Algorithm"));
    if (policy_.allow_sha1) finding.severity = Severity::Warning;
    findings_.push_back(std::move(finding));
  }

  void check_reference(const xmlNode* signed_info) {
    const std::size_t references = count_children(signed_info, ns::dsig, "Reference");
    const xmlNode* reference = first_child(signed_info, ns::dsig, "Reference");
    if (references != 1) {
      fail(RuleId::reference_not_parent, "ds:SignedInfo has " + std::to_string(references) +
                         " ds:Reference elements; exactly one is allowed",
           reference ? reference : signed_info);
      if (reference == nullptr) return;
    }
    attribute_into(reference, "URI", report_.reference_uri);
    check_reference_target(reference);
    check_transforms(reference);
    const xmlNode* digest = first_child(reference, ns::dsig, "DigestMethod");
    if (digest == nullptr) {
      fail(RuleId::algorithm_unsupported, "ds:Reference has no ds:DigestMethod", reference);
      return;
    }
    attribute_into(digest, "Algorithm", report_.digest_method);
    switch (classify_digest_method(report_.digest_method)) {
      case AlgorithmVerdict::Allowed: break;
      case AlgorithmVerdict::Sha1: judge_sha1("digest method", report_.digest_method, digest); break;
      case AlgorithmVerdict::Hmac:
      case AlgorithmVerdict::Unsupported:
        fail(RuleId::algorithm_unsupported, "digest method '" + report_.digest_method + "' is not supported", digest, "Algorithm");
        break;
    }
  }

  void check_reference_target(const xmlNode* reference) {
    if (report_.reference_uri.empty()) {  // missing or empty
      fail(RuleId::reference_not_parent, "ds:Reference has an empty or missing URI (it would sign the whole document); "
                     "it must be '#" + report_.signed_id + "'",
           reference, "URI");
      return;
    }
    if (report_.signed_id.empty()) {
      fail(RuleId::reference_not_parent, "the signed element <" + report_.signed_element + "> has no ID attribute", reference, "URI");
      return;
    }
    const std::string_view uri = report_.reference_uri;
    if (uri.front() != '#' || uri.substr(1) != report_.signed_id) {
      fail(RuleId::reference_not_parent, "ds:Reference URI '" + report_.reference_uri + "' does not point at the signed element <" +
                         report_.signed_element + "> ('#" + report_.signed_id + "'): signature wrapping pattern",
           reference, "URI");
      return;
    }
    // The ID must resolve to that very element (not a duplicate or an xml:id elsewhere).
    const xmlAttr* target = xmlGetID(doc_, reinterpret_cast<const xmlChar*>(report_.signed_id.c_str()));
    if (target == nullptr || target->parent != report_.signed_node) {
      fail(RuleId::reference_not_parent, "ID '" + report_.signed_id + "' does not resolve to the signed element <" +
                         report_.signed_element + "> (duplicate or foreign ID)",
           reference, "URI");
    }
  }

  void check_transforms(const xmlNode* reference) {
    const xmlNode* transforms = first_child(reference, ns::dsig, "Transforms");
    if (transforms == nullptr) {
      fail(RuleId::transform_not_allowed, "ds:Reference has no transforms; the enveloped-signature transform is required",
           reference);
      return;
    }
    if (count_element_children(transforms) != count_children(transforms, ns::dsig, "Transform")) {
      fail(RuleId::transform_not_allowed, "ds:Transforms holds elements other than ds:Transform", transforms);
    }
    bool enveloped = false;
    bool c14n = false;
    std::string uri;  // one buffer for every Transform's Algorithm
    for (auto* transform = first_child(transforms, ns::dsig, "Transform"); transform;
         transform = next_sibling(transform, ns::dsig, "Transform")) {
      uri.clear();
      attribute_into(transform, "Algorithm", uri);
      if (uri == algo::enveloped && !enveloped) {
        enveloped = true;
        if (first_element(transform) != nullptr) {
          fail(RuleId::transform_not_allowed, "the enveloped-signature transform must be empty", transform);
        }
      } else if (is_allowed_c14n(uri) && !c14n) {
        c14n = true;
        report_.reference_c14n_method = uri;
        check_c14n_parameters(uri, transform);
      } else {
        fail(RuleId::transform_not_allowed, "transform '" + uri + "' is not allowed (only enveloped-signature and one "
                       "exclusive or inclusive c14n without comments, once each)",
             transform, "Algorithm");
      }
    }
    if (!enveloped) {
      fail(RuleId::transform_not_allowed, "the enveloped-signature transform is missing", transforms);
    }
  }

  // exc-c14n takes only an optional InclusiveNamespaces PrefixList; inclusive c14n nothing.
  void check_c14n_parameters(std::string_view uri, const xmlNode* transform) {
    const bool exclusive = uri == algo::exc_c14n;
    for (const xmlNode* child = transform->children; child; child = child->next) {
      if (child->type != XML_ELEMENT_NODE) continue;
      if (!exclusive || !is_element(child, algo::exc_c14n, "InclusiveNamespaces")) {
        fail(RuleId::transform_not_allowed, "unexpected <" + node_name(child) + "> inside the " + std::string(exclusive ? "exclusive" : "inclusive") +
                           " c14n transform", child);
      }
    }
  }

  void check_key_info() {
    const xmlNode* key_info = first_child(shape_.signature, ns::dsig, "KeyInfo");
    if (key_info == nullptr) return;
    for_each_element(key_info, [&](const xmlNode* node) {
      if (is_element(node, ns::dsig, "RetrievalMethod") ||
          is_element(node, "http://www.w3.org/2009/xmldsig11#", "KeyInfoReference")) {
        fail(RuleId::keyinfo_retrieval, "ds:KeyInfo contains <" + node_name(node) +
                           ">: samlkit never fetches keys and refuses the signature",
             node);
      }
      if (is_element(node, ns::dsig, "X509Certificate")) {
        shape_.keyinfo_certificates.push_back(node);
      }
    });
  }

  xmlDoc* doc_;
  const DsigPolicy& policy_;
  SignatureShape& shape_;
  SignatureReport& report_;
  std::vector<Finding> findings_;
};

}  // namespace

std::vector<Finding> check_signature_profile(xmlDoc* doc, const xmlNode* signature, const DsigPolicy& policy,
                                             SignatureShape& shape, SignatureReport& report) {
  shape.signature = signature;
  return ProfileChecker(doc, policy, shape, report).run();
}

}  // namespace saml::detail
