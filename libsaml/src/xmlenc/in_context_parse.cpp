#include "xmlenc/in_context_parse.h"

#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "xml/xml_owned.h"
#include "xmlenc/wrapper.h"

namespace saml::detail {
namespace {

Error not_well_formed(std::string reason) {
  return Error{ErrorKind::Decode, ErrorCode::XmlencContent, "the decrypted content " + std::move(reason), {}};
}

// "<?xml" then white space: an XML declaration (a "<?xml-stylesheet" PI is not one).
bool starts_with_xml_declaration(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) return true;  // only a document entity has a BOM
  return text.size() > 5 && text.substr(0, 5) == "<?xml" &&
         (text[5] == ' ' || text[5] == '\t' || text[5] == '\r' || text[5] == '\n');
}

std::string attribute_escaped(std::string_view value) {
  std::string out;
  for (const char c : value) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '"': out += "&quot;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

struct ContextTags {
  std::string open;   // <samlp:Response xmlns...="...">
  std::string close;  // </samlp:Response>
};

// A prefix for the protocol namespace where none is bound (the EncryptedID of a bare
// Assertion): one not in scope and never written in the plaintext, so the binding it adds
// cannot change how the plaintext parses (an undeclared prefix stays undeclared).
std::string unused_prefix(std::string_view plaintext, const std::vector<std::string>& in_scope) {
  for (int suffix = 0;; ++suffix) {
    std::string prefix = "samlp" + (suffix == 0 ? std::string() : std::to_string(suffix));
    const bool taken = std::find(in_scope.begin(), in_scope.end(), prefix) != in_scope.end() ||
                       plaintext.find(prefix + ":") != std::string_view::npos;
    if (!taken) return prefix;
  }
}

// The synthetic Response's tags, declaring everything in scope at `context`. Its name uses
// a prefix already bound to the protocol namespace there, else one the plaintext cannot see.
ContextTags context_tags(const xmlNode* context, std::string_view plaintext) {
  std::unique_ptr<xmlNs*, XmlFree> in_scope(xmlGetNsList(context->doc, context));
  std::string declarations;
  std::vector<std::string> prefixes;
  std::optional<std::string> protocol_prefix;
  for (xmlNs** ns = in_scope.get(); ns != nullptr && *ns != nullptr; ++ns) {
    const std::string prefix = (*ns)->prefix != nullptr ? reinterpret_cast<const char*>((*ns)->prefix) : "";
    const std::string href = (*ns)->href != nullptr ? reinterpret_cast<const char*>((*ns)->href) : "";
    declarations += " xmlns" + (prefix.empty() ? std::string() : ":" + prefix) + "=\"" + attribute_escaped(href) + "\"";
    if (!protocol_prefix && href == ns::protocol) protocol_prefix = prefix;
    prefixes.push_back(prefix);
  }
  if (!protocol_prefix) {
    protocol_prefix = unused_prefix(plaintext, prefixes);
    declarations += " xmlns:" + *protocol_prefix + "=\"" + std::string(ns::protocol) + "\"";
  }
  const std::string qname = protocol_prefix->empty() ? "Response" : *protocol_prefix + ":Response";
  return ContextTags{"<" + qname + declarations + ">", "</" + qname + ">"};
}

bool is_blank(const xmlNode* text) {
  const std::string content = text->content != nullptr ? reinterpret_cast<const char*>(text->content) : "";
  return content.find_first_not_of(" \t\r\n") == std::string::npos;
}

// Exactly one element and otherwise only white space, comments and PIs, as a document's
// root and prolog; everything but the element is dropped.
Expected<Ok> keep_single_element(xmlNode* root) {
  std::size_t elements = 0;
  for (xmlNode* child = root->children; child != nullptr;) {
    xmlNode* next = child->next;
    if (child->type == XML_ELEMENT_NODE) {
      ++elements;
    } else if ((child->type == XML_TEXT_NODE && !is_blank(child)) || child->type == XML_CDATA_SECTION_NODE) {
      return not_well_formed("has text outside its element");
    } else {
      xmlUnlinkNode(child);
      xmlFreeNode(child);
    }
    child = next;
  }
  if (elements != 1) return not_well_formed("is " + std::to_string(elements) + " elements, not one");
  return Ok{};
}

}  // namespace

Expected<Document> parse_decrypted(std::string_view plaintext, const xmlNode* encrypted_assertion,
                                   const ParseLimits& limits) {
  if (starts_with_xml_declaration(plaintext)) {
    auto parsed = parse_xml(plaintext, limits);
    if (!parsed) return parsed.error();
    auto wrapped = wrap_in_response(*parsed);
    if (!wrapped) return not_well_formed("cannot be copied");
    return std::move(*wrapped);
  }
  const ContextTags tags = context_tags(encrypted_assertion, plaintext);
  // On the plaintext's first line, so line numbers stay those of the plaintext. The
  // plaintext cannot close the synthetic element early: after it, only our end tag follows.
  auto parsed = parse_xml(tags.open + std::string(plaintext) + tags.close, limits);
  if (!parsed) return parsed.error();
  if (auto single = keep_single_element(parsed->root()); !single) return single.error();
  return std::move(*parsed);
}

}  // namespace saml::detail
