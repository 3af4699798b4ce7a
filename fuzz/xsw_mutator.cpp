#include "xsw_mutator.h"

#include <libxml/parser.h>

#include <array>
#include <vector>

#include "fuzz_support.h"

namespace fuzz {
namespace {

using DocPtr = std::unique_ptr<xmlDoc, saml::XmlDocDeleter>;

const xmlChar* xml_text(const char* text) { return reinterpret_cast<const xmlChar*>(text); }
const xmlChar* xml_text(std::string_view text) { return reinterpret_cast<const xmlChar*>(text.data()); }

constexpr const char* kDsig = "http://www.w3.org/2000/09/xmldsig#";
constexpr const char* kSamlp = "urn:oasis:names:tc:SAML:2.0:protocol";
constexpr const char* kSaml = "urn:oasis:names:tc:SAML:2.0:assertion";

// Parses like the verifier does: no DTD loading, no entity substitution, no network.
DocPtr parse(std::string_view xml) {
  return DocPtr(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
}

std::string serialize(xmlDoc* doc) {
  xmlChar* bytes = nullptr;
  int size = 0;
  xmlDocDumpMemory(doc, &bytes, &size);
  std::string out(reinterpret_cast<const char*>(bytes), size > 0 ? static_cast<std::size_t>(size) : 0);
  xmlFree(bytes);
  return out;
}

std::vector<xmlNode*> elements_of(xmlDoc* doc) {
  std::vector<xmlNode*> elements;
  xmlNode* root = xmlDocGetRootElement(doc);
  saml::for_each_element(root, [&](const xmlNode* element) { elements.push_back(const_cast<xmlNode*>(element)); });
  return elements;
}

bool is_inside(const xmlNode* node, const xmlNode* ancestor) {
  for (; node != nullptr; node = node->parent) {
    if (node == ancestor) return true;
  }
  return false;
}

template <class T>
T& pick(std::vector<T>& items, std::minstd_rand& rng) {
  return items[rng() % items.size()];
}
template <class T, std::size_t N>
const T& pick(const std::array<T, N>& items, std::minstd_rand& rng) {
  return items[rng() % N];
}

// Puts `node` (unlinked) as the first or last child of `target`, or just before or after it
// (never beside the root), then declares any namespace it uses that is not in scope there.
void insert(xmlNode* node, xmlNode* target, std::minstd_rand& rng) {
  const bool beside_allowed = target->parent != nullptr && target->parent->type == XML_ELEMENT_NODE;
  switch (rng() % (beside_allowed ? 4 : 2)) {
    case 0:
      if (target->children != nullptr) {
        xmlAddPrevSibling(target->children, node);
      } else {
        xmlAddChild(target, node);
      }
      break;
    case 1: xmlAddChild(target, node); break;
    case 2: xmlAddPrevSibling(target, node); break;
    default: xmlAddNextSibling(target, node); break;
  }
  xmlReconciliateNs(target->doc, node);
}

xmlNs* namespace_for(xmlNode* element, const char* href, const char* prefix) {
  xmlNs* ns = xmlSearchNsByHref(element->doc, element, xml_text(href));
  return ns != nullptr ? ns : xmlNewNs(element, xml_text(href), xml_text(prefix));
}

// Values an attacker would like the verifier to report.
constexpr std::array<std::string_view, 5> kEvilTexts = {
    "admin@attacker.test",
    "arn:aws:iam::999999999999:saml-provider/Evil,arn:aws:iam::999999999999:role/Evil",
    "urn:amazon:webservices:evil", "2099-01-01T00:00:00Z", "http://attacker.test/idp",
};
constexpr std::array<std::string_view, 10> kAlgorithms = {
    "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
    "http://www.w3.org/2000/09/xmldsig#hmac-sha1",
    "http://www.w3.org/2000/09/xmldsig#sha1",
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
    "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
    "http://www.w3.org/TR/1999/REC-xpath-19991116",
    "http://www.w3.org/TR/1999/REC-xslt-19991116",
    "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
    "http://www.w3.org/2001/10/xml-exc-c14n#",
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
};
struct Wrapper {
  const char* href;
  const char* prefix;
  const char* name;
};
constexpr std::array<Wrapper, 6> kWrappers = {{
    {kSamlp, "saml2p", "Extensions"}, {kSaml, "saml2", "Advice"}, {kDsig, "ds", "Object"},
    {kSaml, "saml2", "Evidence"}, {kSamlp, "saml2p", "Response"}, {"urn:x-attacker", "x", "Wrap"},
}};
constexpr std::array<std::string_view, 6> kNames = {"Assertion", "Response", "Signature",
                                                    "Extensions", "Object", "Issuer"};

std::string id_of(xmlNode* element) {
  xmlChar* id = xmlGetNoNsProp(element, xml_text("ID"));
  std::string text = id != nullptr ? reinterpret_cast<const char*>(id) : "";
  xmlFree(id);
  return text;
}

// An element with text, or nullptr.
xmlNode* text_holder(std::vector<xmlNode*>& elements, std::minstd_rand& rng) {
  std::vector<xmlNode*> holders;
  for (xmlNode* element : elements) {
    if (element->children != nullptr && element->children->type == XML_TEXT_NODE) holders.push_back(element);
  }
  return holders.empty() ? nullptr : pick(holders, rng);
}

}  // namespace

XswMutator::XswMutator(std::string_view original_response)
    : original_(parse(original_response)),
      idp_key_(load_signing_key(fixture::idp_rsa_key, fixture::idp_rsa_crt)),
      attacker_key_(load_signing_key(fixture::attacker_rsa_key, fixture::attacker_rsa_crt)) {
  FUZZ_CHECK(original_ != nullptr, "the signed fixture must parse");
  for (xmlNode* element : elements_of(original_.get())) {
    if (saml::is_element(element, saml::ns::assertion, "Assertion")) unsigned_assertion_ = element;
  }
  FUZZ_CHECK(unsigned_assertion_ != nullptr, "the signed fixture must hold an Assertion");
  xmlNode* signature = const_cast<xmlNode*>(saml::first_child(unsigned_assertion_, saml::ns::dsig, "Signature"));
  FUZZ_CHECK(signature != nullptr, "the fixture's Assertion must be signed");
  xmlUnlinkNode(signature);
  xmlFreeNode(signature);
}

bool XswMutator::edit(xmlDoc* doc, std::minstd_rand& rng) const {
  std::vector<xmlNode*> elements = elements_of(doc);
  if (elements.empty()) return false;
  xmlNode* root = elements.front();
  xmlNode* a = pick(elements, rng);
  xmlNode* b = pick(elements, rng);
  switch (rng() % 12) {
    case 0:  // move a into or beside b
      if (a == root || is_inside(b, a)) return false;
      xmlUnlinkNode(a);
      insert(a, b, rng);
      return true;
    case 1:  // copy a into or beside b
      insert(xmlDocCopyNode(a, doc, 1), b, rng);
      return true;
    case 2: {  // wrap a
      const Wrapper& w = pick(kWrappers, rng);
      xmlNode* wrapper = xmlNewDocNode(doc, nullptr, xml_text(w.name), nullptr);
      if (a == root) {
        xmlDocSetRootElement(doc, wrapper);
      } else {
        xmlReplaceNode(a, wrapper);
      }
      xmlSetNs(wrapper, namespace_for(wrapper, w.href, w.prefix));
      xmlAddChild(wrapper, a);
      xmlReconciliateNs(doc, wrapper);
      return true;
    }
    case 3:  // delete a
      if (a == root) return false;
      xmlUnlinkNode(a);
      xmlFreeNode(a);
      return true;
    case 4:  // rename a, sometimes into another namespace
      xmlNodeSetName(a, xml_text(pick(kNames, rng)));
      if (rng() % 2 == 0) {
        const Wrapper& w = pick(kWrappers, rng);
        xmlSetNs(a, namespace_for(a, w.href, w.prefix));
      }
      return true;
    case 5: {  // give a the ID of b, a fresh ID, an xml:id, or none
      const std::string id = id_of(b);
      switch (rng() % 4) {
        case 0: xmlSetProp(a, xml_text("ID"), xml_text(id.empty() ? "idFuzz" : id.c_str())); break;
        case 1: xmlSetProp(a, xml_text("ID"), xml_text("idFuzz")); break;
        case 2: xmlSetNsProp(a, xmlSearchNs(doc, a, xml_text("xml")), xml_text("id"), xml_text(id.c_str())); break;
        default: xmlUnsetProp(a, xml_text("ID")); break;
      }
      return true;
    }
    case 6: {  // replace a text with an attacker's value
      xmlNode* holder = text_holder(elements, rng);
      if (holder == nullptr) return false;
      xmlNodeSetContent(holder, xml_text(pick(kEvilTexts, rng)));
      return true;
    }
    case 7: {  // split a text with a comment, or turn it into CDATA: same canonical text
      xmlNode* holder = text_holder(elements, rng);
      if (holder == nullptr || holder->children->content == nullptr) return false;
      xmlNode* text = holder->children;
      const std::string content = reinterpret_cast<const char*>(text->content);
      const std::size_t cut = content.empty() ? 0 : rng() % content.size();
      if (rng() % 2 == 0) {
        xmlNodeSetContent(text, xml_text(content.substr(0, cut).c_str()));
        xmlNode* comment = xmlNewDocComment(doc, xml_text(""));
        xmlAddNextSibling(text, comment);
        xmlAddNextSibling(comment, xmlNewDocText(doc, xml_text(content.substr(cut).c_str())));
      } else {
        xmlReplaceNode(text, xmlNewCDataBlock(doc, text->content, static_cast<int>(content.size())));
        xmlFreeNode(text);
      }
      return true;
    }
    case 8: {  // change an Algorithm or URI of a signature element
      if (a->ns == nullptr || !xmlStrEqual(a->ns->href, xml_text(kDsig))) return false;
      if (xmlHasProp(a, xml_text("URI")) != nullptr && rng() % 2 == 0) {
        const std::string id = id_of(b);
        xmlSetProp(a, xml_text("URI"), xml_text(("#" + id).c_str()));
      } else {
        xmlSetProp(a, xml_text("Algorithm"), xml_text(pick(kAlgorithms, rng)));
      }
      return true;
    }
    case 9:  // an attacker signs a with their own key
      if (id_of(a).empty()) xmlSetProp(a, xml_text("ID"), xml_text("idAttacker"));
      return sign_element(a, *attacker_key_);
    case 10: {  // the IdP's genuine signed assertion, placed anywhere
      xmlNode* copy = xmlDocCopyNode(unsigned_assertion_, doc, 1);
      if (rng() % 2 == 0) xmlSetProp(copy, xml_text("ID"), xml_text("idResigned"));
      insert(copy, b, rng);
      return sign_element(copy, *idp_key_);
    }
    default: {  // add a second, unsigned assertion made from the attacker's values
      xmlNode* copy = xmlDocCopyNode(unsigned_assertion_, doc, 1);
      xmlSetProp(copy, xml_text("ID"), xml_text("idEvil"));
      insert(copy, b, rng);
      std::vector<xmlNode*> inside;
      saml::for_each_element(copy, [&](const xmlNode* e) { inside.push_back(const_cast<xmlNode*>(e)); });
      xmlNode* holder = text_holder(inside, rng);
      if (holder != nullptr) xmlNodeSetContent(holder, xml_text(pick(kEvilTexts, rng)));
      return true;
    }
  }
}

std::string XswMutator::mutate(std::string_view xml, unsigned seed) const {
  DocPtr doc = parse(xml);
  if (doc == nullptr || xmlDocGetRootElement(doc.get()) == nullptr) return {};
  std::minstd_rand rng(seed);
  const int edits = 1 + static_cast<int>(rng() % 3);
  bool changed = false;
  for (int i = 0; i < edits; ++i) changed = edit(doc.get(), rng) || changed;
  return changed ? serialize(doc.get()) : std::string();
}

std::string XswMutator::cross_over(std::string_view xml, std::string_view donor, unsigned seed) const {
  DocPtr doc = parse(xml);
  DocPtr other = parse(donor);
  if (doc == nullptr || other == nullptr) return {};
  std::vector<xmlNode*> targets = elements_of(doc.get());
  std::vector<xmlNode*> sources = elements_of(other.get());
  if (targets.empty() || sources.empty()) return {};
  std::minstd_rand rng(seed);
  insert(xmlDocCopyNode(pick(sources, rng), doc.get(), 1), pick(targets, rng), rng);
  return serialize(doc.get());
}

}  // namespace fuzz
