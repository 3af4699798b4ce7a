// is_saml_request: a flow's request half (SAMLRequest) told apart from its Responses.
#include <libxml/xmlreader.h>

#include <climits>
#include <memory>
#include <string_view>

#include "saml/capture.h"
#include "util/libxml_init.h"

namespace saml {
namespace {

struct ReaderFreer {
  void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};

// The local name of the root element, read by libxml2's pull parser, which stops there
// (no tree is built). Empty when the XML has no element before an error.
std::string root_local_name(const std::string& xml) {
  if (xml.size() > static_cast<std::size_t>(INT_MAX)) return "";
  util::ensure_libxml_initialised();
  const std::unique_ptr<xmlTextReader, ReaderFreer> reader(xmlReaderForMemory(
      xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!reader) return "";
  while (xmlTextReaderRead(reader.get()) == 1) {
    if (xmlTextReaderNodeType(reader.get()) == XML_READER_TYPE_ELEMENT) {
      const xmlChar* name = xmlTextReaderConstLocalName(reader.get());
      return name != nullptr ? reinterpret_cast<const char*>(name) : "";
    }
  }
  return "";
}

}  // namespace

bool is_saml_request(const Capture& capture) {
  if (!capture.origin.field.empty()) return capture.origin.field == "SAMLRequest";
  const std::string root = root_local_name(capture.xml);
  return std::string_view(root).ends_with("Request");
}

}  // namespace saml
