#include "pipeline/structure.h"

#include <string>

namespace saml {
namespace {

std::vector<const xmlNode*> assertion_elements(const xmlNode* root, std::string_view local_name) {
  std::vector<const xmlNode*> found;
  for_each_element(root, [&](const xmlNode* node) {
    if (is_element(node, ns::assertion, local_name)) found.push_back(node);
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

const xmlNode* find_single_assertion(const Document& doc, std::vector<Finding>& findings) {
  const xmlNode* root = doc.root();
  if (root == nullptr || !is_element(root, ns::protocol, "Response")) {
    findings.push_back(make_finding(
        "XML003",
        root == nullptr ? "the document has no root element"
                        : "the root element is " + element_name(root) + ", not samlp:Response",
        root == nullptr ? Location{} : location_of(root)));
    return nullptr;
  }

  const std::vector<const xmlNode*> encrypted = assertion_elements(root, "EncryptedAssertion");
  for (const xmlNode* node : encrypted) {
    findings.push_back(make_finding(
        "XML005", "EncryptedAssertion found: encrypted assertions are not supported yet",
        location_of(node)));
  }

  const std::vector<const xmlNode*> assertions = assertion_elements(root, "Assertion");
  if (assertions.empty()) {
    if (encrypted.empty()) {
      findings.push_back(make_finding("XML004", "the Response contains no Assertion",
                                      location_of(root)));
    }
    return nullptr;
  }
  if (assertions.size() > 1) {
    findings.push_back(make_finding("XML004",
                                    "the document contains " + std::to_string(assertions.size()) +
                                        " Assertion elements: " + lines_of(assertions),
                                    location_of(assertions[1])));
    return nullptr;
  }
  if (assertions.front()->parent != root) {
    findings.push_back(make_finding("XML004",
                                    "the only Assertion is at " +
                                        location_of(assertions.front()).element +
                                        ", not a direct child of the Response",
                                    location_of(assertions.front())));
    return nullptr;
  }
  return assertions.front();
}

}  // namespace saml
