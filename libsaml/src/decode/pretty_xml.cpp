// pretty_xml: the decoded XML re-indented by libxml2, on a copy of the document. Only
// whitespace between elements changes (and personal values, under --redact).
#include <memory>
#include <string>
#include <vector>

#include "decode/redact.h"
#include "saml/decode.h"
#include "xml/xml_owned.h"

namespace saml {
namespace {

bool is_blank_text(const xmlNode* node) {
  return node->type == XML_TEXT_NODE && xmlIsBlankNode(node) == 1;
}

// Indentation text between elements would stop libxml2 from indenting afresh.
void remove_indentation(xmlNode* root) {
  std::vector<xmlNode*> blanks;
  for_each_element(root, [&](const xmlNode* element) {
    bool has_element_child = false;
    for (const xmlNode* child = element->children; child != nullptr; child = child->next) {
      if (child->type == XML_ELEMENT_NODE) has_element_child = true;
    }
    if (!has_element_child) return;
    for (xmlNode* child = element->children; child != nullptr; child = child->next) {
      if (is_blank_text(child)) blanks.push_back(child);
    }
  });
  for (xmlNode* blank : blanks) {
    xmlUnlinkNode(blank);
    xmlFreeNode(blank);
  }
}

}  // namespace

Expected<std::string> pretty_xml(const DecodeView& view) {
  // xmlCopyDoc only reads its source; libxml2's signature is not const-qualified.
  xmlDoc* source = const_cast<xmlDoc*>(view.document->get());  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  std::unique_ptr<xmlDoc, XmlDocDeleter> copy(xmlCopyDoc(source, 1));
  if (!copy) return Error{ErrorKind::Limit, ErrorCode::XmlCopy, "libxml2 could not copy the document", {}};
  remove_indentation(xmlDocGetRootElement(copy.get()));
  if (view.redacted) detail::redact_document(copy.get());
  xmlChar* buffer = nullptr;
  int size = 0;
  xmlDocDumpFormatMemoryEnc(copy.get(), &buffer, &size, "UTF-8", 1);
  const detail::XmlString owned(buffer);
  if (!owned || size < 0) {
    return Error{ErrorKind::Limit, ErrorCode::XmlDump, "libxml2 could not write the document", {}};
  }
  return std::string(reinterpret_cast<const char*>(owned.get()), static_cast<std::size_t>(size));
}

}  // namespace saml
