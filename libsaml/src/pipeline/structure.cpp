#include "pipeline/structure.h"

#include <string>

#include "saml/rules.h"

namespace saml {
namespace {

// Every saml:Assertion and saml:EncryptedAssertion under root, in one walk of the tree.
struct AssertionElements {
  std::vector<const xmlNode*> plain;
  std::vector<const xmlNode*> encrypted;
};

AssertionElements assertion_elements(const xmlNode* root) {
  AssertionElements found;
  for_each_element(root, [&](const xmlNode* node) {
    if (is_element(node, ns::assertion, "Assertion")) {
      found.plain.push_back(node);
    } else if (is_element(node, ns::assertion, "EncryptedAssertion")) {
      found.encrypted.push_back(node);
    }
  });
  return found;
}

std::string element_name(const xmlNode* node) {
  std::string name = reinterpret_cast<const char*>(node->name);
  if (node->ns != nullptr && node->ns->href != nullptr) {
    name = "{" + std::string(reinterpret_cast<const char*>(node->ns->href)) + "}" + name;
  }
  return name;
}

std::string lines_of(const std::vector<const xmlNode*>& nodes) {
  std::string text;
  for (const xmlNode* node : nodes) {
    const Location where = location_of(node);
    text += (text.empty() ? "" : ", ") + where.element + " (line " + std::to_string(where.line) + ")";
  }
  return text;
}

}  // namespace

Expected<Ok> require_saml_root(const Document& doc) {
  const xmlNode* root = doc.root();
  const auto text = [](const xmlChar* value) {
    return value != nullptr ? std::string(reinterpret_cast<const char*>(value)) : std::string();
  };
  const std::string ns_uri = root != nullptr && root->ns != nullptr ? text(root->ns->href) : "";
  if (ns_uri == ns::protocol || ns_uri == ns::assertion) return Ok{};
  return Error{ErrorKind::Decode, ErrorCode::DecodeNotSaml,
               "this is XML but not a SAML message: its root element <" +
                   (root != nullptr ? text(root->name) : std::string()) + "> is in " +
                   (ns_uri.empty() ? std::string("no namespace") : "namespace " + ns_uri),
               location_of(root)};
}

AssertionSlot find_assertion_slot(const Document& doc, std::vector<Finding>& findings) {
  const xmlNode* root = doc.root();
  if (root == nullptr || !is_element(root, ns::protocol, "Response")) {
    findings.push_back(make_finding(
        RuleId::root_not_response,
        root == nullptr ? "the document has no root element"
                        : "the root element is " + element_name(root) + ", not samlp:Response",
        root == nullptr ? Location{} : location_of(root)));
    return {};
  }

  // Encrypted and plaintext assertions count together: one of each is two assertions.
  AssertionElements found = assertion_elements(root);
  const std::vector<const xmlNode*>& encrypted = found.encrypted;
  std::vector<const xmlNode*>& assertions = found.plain;
  assertions.insert(assertions.end(), encrypted.begin(), encrypted.end());
  if (assertions.empty()) {
    findings.push_back(make_finding(RuleId::not_one_assertion, "the Response contains no Assertion",
                                    location_of(root)));
    return {};
  }
  if (assertions.size() > 1) {
    findings.push_back(make_finding(RuleId::not_one_assertion,
                                    "the document contains " + std::to_string(assertions.size()) +
                                        " Assertion or EncryptedAssertion elements: " + lines_of(assertions),
                                    location_of(assertions[1])));
    return {};
  }
  const xmlNode* only = assertions.front();
  if (only->parent != root) {
    findings.push_back(make_finding(RuleId::not_one_assertion,
                                    "the only " + std::string(reinterpret_cast<const char*>(only->name)) +
                                        " is at " + location_of(only).element +
                                        ", not a direct child of the Response",
                                    location_of(only)));
    return {};
  }
  return encrypted.empty() ? AssertionSlot{only, nullptr} : AssertionSlot{nullptr, only};
}

const xmlNode* check_decrypted_assertion(const Document& decrypted, std::vector<Finding>& findings) {
  const xmlNode* element = decrypted.root() != nullptr ? decrypted.root()->children : nullptr;
  if (element == nullptr) return nullptr;
  if (!is_element(element, ns::assertion, "Assertion")) {
    findings.push_back(make_finding(RuleId::not_one_assertion,
                                    "the EncryptedAssertion decrypts to " + element_name(element) +
                                        ", not saml:Assertion",
                                    location_of(element)));
    return nullptr;
  }
  const AssertionElements found = assertion_elements(element);
  std::vector<const xmlNode*> nested;
  for (const std::vector<const xmlNode*>* nodes : {&found.plain, &found.encrypted}) {
    for (const xmlNode* node : *nodes) {
      if (node != element) nested.push_back(node);
    }
  }
  if (!nested.empty()) {
    findings.push_back(make_finding(RuleId::not_one_assertion,
                                    "the decrypted Assertion contains " + std::to_string(nested.size()) +
                                        " more Assertion or EncryptedAssertion elements: " + lines_of(nested),
                                    location_of(nested.front())));
    return nullptr;
  }
  return element;
}

}  // namespace saml
