#include "xmlsec_floor.h"

#include <libxml/parser.h>
#include <xmlsec/keys.h>

#include <stdexcept>

#include "floor.h"
#include "util/xmlsec_runtime.h"
#include "xmlsec_floor_verify.h"

namespace samlbench {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

}  // namespace

XmlsecFloor::XmlsecFloor(const std::string& cert_pem, std::time_t now) : now_(now) {
  saml::detail::ensure_xmlsec_initialised();  // the process's one xmlsec initialisation
  key_ = load_bare_xmlsec_key(cert_pem);
  if (key_ == nullptr) throw std::runtime_error("xmlsec floor: cannot load the certificate's public key");
}

XmlsecFloor::~XmlsecFloor() { xmlSecKeyDestroy(key_); }

bool XmlsecFloor::verify_base64(std::string_view base64) const { return verify_xml(floor_decode_base64(base64)); }

bool XmlsecFloor::verify_xml(std::string_view xml) const {
  std::unique_ptr<xmlDoc, DocDeleter> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, XML_PARSE_NONET));
  return doc && xmlsec_verify_document(doc.get(), key_, now_);
}

}  // namespace samlbench
