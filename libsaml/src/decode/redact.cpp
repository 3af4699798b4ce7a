// Redaction: personal values become "redacted:" + 8 hex digits of their SHA-256, so the
// same value gets the same token everywhere (summary, JSON, XML, diff) and across runs.
#include "decode/redact.h"

#include <openssl/evp.h>

#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "saml/decode.h"
#include "saml/xml.h"
#include "util/email_address.h"

namespace saml {
namespace {

// Collects every replacement, so that messages quoting a value can be redacted too.
class Redactor {
 public:
  void personal(std::string& text) {
    if (text.empty()) return;
    std::string token = redact_value(text);
    replaced_.emplace(text, token);
    text = std::move(token);
  }
  void if_email(std::string& text) {
    if (looks_like_email(text)) personal(text);
  }
  void in_message(std::string& message) const {
    for (const auto& [original, token] : replaced_) {
      for (auto at = message.find(original); at != std::string::npos;
           at = message.find(original, at + token.size())) {
        message.replace(at, original.size(), token);
      }
    }
  }

 private:
  std::map<std::string, std::string> replaced_;
};

void redact_assertion(Assertion& assertion, Redactor& r) {
  r.if_email(assertion.issuer);
  if (assertion.has_name_id) r.personal(assertion.name_id);
  for (SubjectConfirmation& confirmation : assertion.confirmations) r.if_email(confirmation.recipient);
  for (AudienceRestriction& restriction : assertion.conditions.audience_restrictions) {
    for (std::string& audience : restriction.audiences) r.if_email(audience);
  }
  for (Attribute& attribute : assertion.attributes) {
    const bool keep = detail::keeps_values(attribute.name);
    for (std::string& value : attribute.values) {
      if (keep) {
        r.if_email(value);
      } else {
        r.personal(value);
      }
    }
  }
}

void redact_aws(AwsView& aws, Redactor& r) {
  if (aws.role_session_name) r.personal(*aws.role_session_name);
  if (aws.source_identity) r.personal(*aws.source_identity);
  for (PrincipalTag& tag : aws.tags) {
    for (std::string& value : tag.values) r.personal(value);
  }
}

void redact_authn_request(AuthnRequestView& request, Redactor& r) {
  r.if_email(request.issuer);
  r.if_email(request.destination);
  r.if_email(request.assertion_consumer_service_url);
}

std::string text_of(const xmlChar* text) {
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text));
}

void set_text(xmlNode* node, const std::string& text) {
  xmlNodeSetContent(node, reinterpret_cast<const xmlChar*>(text.c_str()));
}

// Text nodes and attribute values that are e-mail addresses, anywhere under `element`'s
// own attributes and direct text children.
void redact_emails_in(xmlNode* element) {
  for (xmlAttr* attr = element->properties; attr != nullptr; attr = attr->next) {
    xmlChar* value = xmlNodeGetContent(reinterpret_cast<xmlNode*>(attr));
    const std::string text = text_of(value);
    xmlFree(value);
    if (looks_like_email(text)) set_text(reinterpret_cast<xmlNode*>(attr), redact_value(text));
  }
  for (xmlNode* child = element->children; child != nullptr; child = child->next) {
    if (!is_text_piece(child)) continue;
    const std::string text = text_of(child->content);
    if (looks_like_email(text)) set_text(child, redact_value(text));
  }
}

bool redacts_whole_text(const xmlNode* element) {
  if (is_element(element, ns::assertion, "NameID")) return true;
  if (!is_element(element, ns::assertion, "AttributeValue")) return false;
  const xmlNode* parent = element->parent;
  return parent == nullptr || !detail::keeps_values(attribute(parent, "Name"));
}

}  // namespace

std::string redact_value(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token = "redacted:";
  for (std::size_t i = 0; i < 4; ++i) {
    token += kHex[digest[i] >> 4];
    token += kHex[digest[i] & 0x0f];
  }
  return token;
}

bool looks_like_email(std::string_view text) { return util::looks_like_email(text); }

void redact_view(DecodeView& view) {
  Redactor r;
  if (view.response) {
    r.if_email(view.response->issuer);
    r.if_email(view.response->destination);
  }
  if (view.assertion) redact_assertion(*view.assertion, r);
  if (view.aws) redact_aws(*view.aws, r);
  if (view.authn_request) redact_authn_request(*view.authn_request, r);
  r.if_email(view.capture.relay_state);
  for (Finding& finding : view.aws_findings) r.in_message(finding.message);
  for (Finding& finding : view.verify_findings) r.in_message(finding.message);
  view.redacted = true;
}

namespace detail {

bool keeps_values(std::string_view attribute_name) {
  return attribute_name == aws_attr::role || attribute_name == aws_attr::session_duration;
}

void redact_document(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  // Whole-text redaction first, outermost elements only: replacing an element's content
  // frees its descendants.
  std::set<const xmlNode*> whole;
  for_each_element(root, [&](const xmlNode* node) {
    if (!redacts_whole_text(node)) return;
    for (const xmlNode* up = node->parent; up != nullptr; up = up->parent) {
      if (whole.count(up) != 0) return;
    }
    whole.insert(node);
  });
  for (const xmlNode* node : whole) {
    const std::string text = text_content(node);
    if (!text.empty()) set_text(const_cast<xmlNode*>(node), redact_value(text));
  }
  std::vector<xmlNode*> elements;
  for_each_element(root, [&](const xmlNode* node) { elements.push_back(const_cast<xmlNode*>(node)); });
  for (xmlNode* element : elements) redact_emails_in(element);
}

}  // namespace detail
}  // namespace saml
