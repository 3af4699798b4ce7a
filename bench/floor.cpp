#include "floor.h"

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstring>
#include <stdexcept>

#include "floor_checks.h"

namespace samlbench {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct X509Deleter {
  void operator()(X509* cert) const { X509_free(cert); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

}  // namespace

std::string floor_decode_base64(std::string_view text) {
  std::string out((text.size() / 4 + 1) * 3, '\0');
  EVP_ENCODE_CTX* ctx = EVP_ENCODE_CTX_new();
  EVP_DecodeInit(ctx);
  int length = 0;
  int tail = 0;
  const int rc = EVP_DecodeUpdate(ctx, reinterpret_cast<unsigned char*>(out.data()), &length,
                                  reinterpret_cast<const unsigned char*>(text.data()),
                                  static_cast<int>(text.size()));
  const int final_rc = EVP_DecodeFinal(ctx, reinterpret_cast<unsigned char*>(out.data()) + length, &tail);
  EVP_ENCODE_CTX_free(ctx);
  if (rc < 0 || final_rc < 0) return {};
  out.resize(static_cast<std::size_t>(length + tail));
  return out;
}

namespace {


std::string text_of(const xmlNode* element) {
  xmlChar* raw = xmlNodeGetContent(element);
  std::string text = raw ? reinterpret_cast<const char*>(raw) : "";
  xmlFree(raw);
  return text;
}

// The node set of a same-document Reference with the enveloped-signature transform:
// the subtree of `include` without the subtree of `exclude`.
struct Subtree {
  const xmlNode* include;
  const xmlNode* exclude;
};

int in_subtree(void* data, xmlNodePtr node, xmlNodePtr parent) {
  const auto* set = static_cast<const Subtree*>(data);
  // Namespace nodes are xmlNs, not xmlNode: judge them by their element.
  const xmlNode* at = (node != nullptr && node->type != XML_NAMESPACE_DECL) ? node : parent;
  for (; at != nullptr; at = at->parent) {
    if (at == set->exclude) return 0;
    if (at == set->include) return 1;
  }
  return 0;
}

// Canonical bytes go straight into a digest context: nothing is buffered.
int feed_digest(void* context, const char* buffer, int length) {
  if (EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(context), buffer, static_cast<std::size_t>(length)) != 1) return -1;
  return length;
}

bool canonicalize_into(xmlDoc* doc, Subtree set, xmlChar** inclusive_prefixes, EVP_MD_CTX* md) {
  xmlOutputBuffer* out = xmlOutputBufferCreateIO(feed_digest, nullptr, md, nullptr);
  if (out == nullptr) return false;
  const int rc = xmlC14NExecute(doc, in_subtree, &set, XML_C14N_EXCLUSIVE_1_0, inclusive_prefixes, 0, out);
  return xmlOutputBufferClose(out) >= 0 && rc >= 0;
}

}  // namespace

Floor::Floor(const std::string& cert_pem, std::time_t now) : now_(now) {
  std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(cert_pem.data(), static_cast<int>(cert_pem.size())));
  std::unique_ptr<X509, X509Deleter> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!cert) throw std::runtime_error("floor: cannot read the certificate");
  key_.reset(X509_get_pubkey(cert.get()));
  if (!key_) throw std::runtime_error("floor: the certificate has no usable public key");
}

bool Floor::verify_base64(std::string_view base64) const { return verify_xml(floor_decode_base64(base64)); }

bool Floor::verify_xml(std::string_view xml) const {
  std::unique_ptr<xmlDoc, DocDeleter> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, XML_PARSE_NONET));
  if (!doc) return false;
  const xmlNode* response = xmlDocGetRootElement(doc.get());
  const xmlNode* assertion = child_named(response, "Assertion");
  const xmlNode* signature = child_named(assertion, "Signature");
  const xmlNode* signed_info = child_named(signature, "SignedInfo");
  const xmlNode* digest_value = child_named(child_named(signed_info, "Reference"), "DigestValue");
  const xmlNode* signature_value = child_named(signature, "SignatureValue");
  if (digest_value == nullptr || signature_value == nullptr) return false;

  // Okta's Reference transform names "xs" as an inclusive prefix.
  static xmlChar xs[] = "xs";
  xmlChar* prefixes[] = {xs, nullptr};
  MdCtxPtr md(EVP_MD_CTX_new());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  if (!md || EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr) != 1 ||
      !canonicalize_into(doc.get(), {assertion, signature}, prefixes, md.get()) ||
      EVP_DigestFinal_ex(md.get(), digest, &digest_length) != 1) {
    return false;
  }
  const std::string expected = floor_decode_base64(text_of(digest_value));
  if (expected.size() != digest_length || std::memcmp(expected.data(), digest, digest_length) != 0) return false;

  MdCtxPtr verify(EVP_MD_CTX_new());
  const std::string signature_bytes = floor_decode_base64(text_of(signature_value));
  return verify && EVP_DigestVerifyInit(verify.get(), nullptr, EVP_sha256(), nullptr, key_.get()) == 1 &&
         canonicalize_into(doc.get(), {signed_info, nullptr}, nullptr, verify.get()) &&
         EVP_DigestVerifyFinal(verify.get(), reinterpret_cast<const unsigned char*>(signature_bytes.data()),
                               signature_bytes.size()) == 1 &&
         floor_saml_checks(response, assertion, now_);
}

}  // namespace samlbench
