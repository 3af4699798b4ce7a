#include "dsig/diagnostics.h"

#include <xmlsec/keys.h>
#include <xmlsec/keysdata.h>

#include <array>
#include <utility>

#include "saml/xml.h"
#include "util/base64_text.h"
#include "util/printable.h"

namespace saml::detail {
namespace {

constexpr std::string_view kDsig11 = "http://www.w3.org/2009/xmldsig11#";

bool is_inside(const xmlNode* node, const xmlNode* ancestor) {
  for (; node != nullptr; node = node->parent) {
    if (node == ancestor) return true;
  }
  return false;
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool has_element_child(const xmlNode* element) {
  for (const xmlNode* child = element->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) return true;
  }
  return false;
}

std::string_view text_of(const xmlNode* node) {
  return node->content ? reinterpret_cast<const char*>(node->content) : "";
}

struct Signs {
  bool indented = false;  // whitespace text with line breaks between elements
  bool wrapped = false;   // a value broken into long lines
  bool carriage_return = false;
};

void inspect_text(const xmlNode* element, Signs& signs) {
  for (const xmlNode* child = element->children; child; child = child->next) {
    if (!is_text_piece(child)) continue;
    const std::string_view text = text_of(child);
    if (text.find('\r') != std::string_view::npos) signs.carriage_return = true;
    const std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos) continue;
    if (is_blank(text)) {
      if (has_element_child(element)) signs.indented = true;
    } else if (newline >= 60) {
      signs.wrapped = true;
    }
  }
  for (const xmlAttr* attr = element->properties; attr; attr = attr->next) {
    for (const xmlNode* value = attr->children; value; value = value->next) {
      if (text_of(value).find('\r') != std::string_view::npos) signs.carriage_return = true;
    }
  }
}

std::size_t digest_size(std::string_view method) {
  constexpr std::array<std::pair<std::string_view, std::size_t>, 4> sizes = {{
      {"sha1", 20}, {"sha256", 32}, {"sha384", 48}, {"sha512", 64}}};
  for (const auto& [suffix, size] : sizes) {
    if (method.ends_with(suffix)) return size;
  }
  return 0;
}

std::string truncated_digest_hint(const xmlNode* signature, std::string_view digest_method) {
  const xmlNode* signed_info = first_child(signature, ns::dsig, "SignedInfo");
  const xmlNode* reference = signed_info ? first_child(signed_info, ns::dsig, "Reference") : nullptr;
  const xmlNode* value = reference ? first_child(reference, ns::dsig, "DigestValue") : nullptr;
  const std::size_t expected = digest_size(digest_method);
  if (value == nullptr || expected == 0) return {};
  const auto bytes = decode_base64_text(text_content(value));
  if (!bytes) return "the DigestValue is not valid base64 (truncated or edited?)";
  if (bytes->size() == expected) return {};
  return "the DigestValue is " + std::to_string(bytes->size()) + " bytes where the digest method gives " +
         std::to_string(expected) + ": it looks truncated";
}

void add(std::string& text, std::string_view part) {
  if (part.empty()) return;
  text += text.empty() ? "" : "; ";
  text += part;
}

}  // namespace

std::string digest_failure_hints(const xmlNode* signed_node, const xmlNode* signature,
                                 std::string_view digest_method) {
  std::string hints = truncated_digest_hint(signature, digest_method);
  Signs signs;
  if (signed_node != nullptr) {
    for_each_element(signed_node, [&](const xmlNode* element) {
      if (!is_inside(element, signature)) inspect_text(element, signs);
    });
  }
  if (signs.indented) {
    add(hints, "the signed content has line breaks and indentation between elements: it looks "
               "re-indented (pretty-printed) after signing");
  }
  if (signs.wrapped) add(hints, "a signed value is broken into long lines: it looks re-wrapped after signing");
  if (signs.carriage_return) {
    add(hints, "the signed content holds carriage returns: it looks CRLF-converted after signing");
  }
  return hints;
}

std::string signature_length_hint(const xmlNode* signature, const PinnedKey& key) {
  const xmlNode* value = first_child(signature, ns::dsig, "SignatureValue");
  xmlSecKeyDataPtr data = xmlSecKeyGetValue(key.key.get());
  const xmlSecSize bits = data != nullptr ? xmlSecKeyDataGetSize(data) : 0;
  if (value == nullptr || bits == 0) return {};
  const std::size_t field = (static_cast<std::size_t>(bits) + 7) / 8;
  // XML DSig ECDSA values are r || s, each as long as the field.
  const std::size_t expected = key.evp_type == EVP_PKEY_EC ? 2 * field : field;
  const auto bytes = decode_base64_text(text_content(value));
  if (!bytes) return "; the SignatureValue is not valid base64 (truncated or edited?)";
  if (bytes->size() == expected) return {};
  return "; the SignatureValue is " + std::to_string(bytes->size()) + " bytes, a signature by this key is " +
         std::to_string(expected) + " bytes: it looks truncated";
}

std::string describe_key_info(const xmlNode* signature) {
  const xmlNode* key_info = first_child(signature, ns::dsig, "KeyInfo");
  if (key_info == nullptr) return "no ds:KeyInfo";
  std::string text;
  for (const xmlNode* child = key_info->children; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (is_element(child, ns::dsig, "KeyValue")) {
      const xmlNode* inner = child->children;
      while (inner != nullptr && inner->type != XML_ELEMENT_NODE) inner = inner->next;
      add(text, "a bare ds:KeyValue" + (inner ? " (" + std::string(reinterpret_cast<const char*>(inner->name)) + ")"
                                              : std::string()));
    } else if (is_element(child, ns::dsig, "KeyName")) {
      add(text, "ds:KeyName '" + util::printable_prefix(text_content(child), 64) + "'");
    } else if (!is_element(child, ns::dsig, "X509Data") && !is_element(child, ns::dsig, "RetrievalMethod") &&
               !is_element(child, kDsig11, "KeyInfoReference")) {
      add(text, "<" + std::string(reinterpret_cast<const char*>(child->name)) + ">");
    }
  }
  return text;
}

}  // namespace saml::detail
