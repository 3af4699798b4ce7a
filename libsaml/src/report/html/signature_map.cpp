// The signature map: the XML tree folded to its elements, each marked with what vouches for
// it, then every ds:Signature with its algorithms, keys and (kept) canonical bytes.
#include <string>
#include <vector>

#include "report/html/html_parts.h"
#include "saml/report.h"

namespace saml::html {
namespace {

// Enough for any real message; an attack with thousands of elements is cut, and says so.
constexpr std::size_t kMaxElements = 1500;
constexpr std::size_t kMaxValueChars = 160;

std::string text_of(const xmlChar* text) {
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text));
}

std::string qualified_name(const xmlNode* node) {
  const std::string prefix = node->ns != nullptr ? text_of(node->ns->prefix) : "";
  return (prefix.empty() ? "" : prefix + ":") + text_of(node->name);
}

bool has_element_children(const xmlNode* node) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) return true;
  }
  return false;
}

bool inside(const xmlNode* node, const xmlNode* ancestor) {
  for (; node != nullptr; node = node->parent) {
    if (node == ancestor) return true;
  }
  return false;
}

std::string key_text(const CertificateInfo& key) {
  const std::string fingerprint = format_fingerprint(key.fingerprint);
  return key.subject + ", SHA-256 " + fingerprint.substr(0, 23) + "...";
}

class MapWriter {
 public:
  explicit MapWriter(const DecodeView& view) : view_(view) {
    for (const SignatureReport& s : view.signatures.signatures) {
      if (s.status == SignatureStatus::Verified && s.signed_node != nullptr) any_verified_ = true;
    }
  }

  std::string tree(const xmlNode* root) {
    std::string out = "<ul class=\"tree\">\n";
    element(root, out);
    return out + "</ul>\n";
  }
  std::size_t cut() const { return cut_; }

 private:
  // The signature (1-based, as listed below the map) whose signed element holds the node.
  std::size_t signature_over(const xmlNode* node, bool verified) const {
    const auto& list = view_.signatures.signatures;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if ((list[i].status == SignatureStatus::Verified) == verified && list[i].signed_node != nullptr &&
          inside(node, list[i].signed_node)) {
        return i + 1;
      }
    }
    return 0;
  }

  std::string mark(const xmlNode* node) const {
    if (is_element(node, ns::dsig, "Signature")) {
      const auto& list = view_.signatures.signatures;
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].signed_node == node->parent) {
          return "<span class=\"m-sig\">[signature #" + std::to_string(i + 1) + ": " +
                 signature_status_name(list[i].status) + "]</span>";
        }
      }
    }
    if (view_.verified(node)) {
      const std::size_t k = signature_over(node, true);
      std::string by = k > 0 ? " #" + std::to_string(k) : "";
      // The signed element itself names the key; what it contains points to it.
      const auto& list = view_.signatures.signatures;
      if (k > 0 && list[k - 1].signed_node == node && list[k - 1].key_used) {
        by = " by signature #" + std::to_string(k) + ", key " + key_text(*list[k - 1].key_used);
      }
      return "<span class=\"m-signed\">[&#10004; signed" + html_escape(by) + "]</span>";
    }
    if (const std::size_t k = signature_over(node, false)) {
      return "<span class=\"m-unverified\">[&#9888; signed, not verified: signature #" + std::to_string(k) + " " +
             signature_status_name(view_.signatures.signatures[k - 1].status) + "]</span>";
    }
    return any_verified_ ? "<span class=\"m-unsigned\">[&#10006; outside the verified part]</span>"
                         : "<span class=\"m-unsigned\">[&#10006; unsigned]</span>";
  }

  std::string label(const xmlNode* node) const {
    std::string out = "<code>" + html_escape("<" + qualified_name(node) + ">") + "</code>";
    if (const auto id = optional_attribute(node, "ID")) out += " ID <code>" + html_escape(*id) + "</code>";
    return out + " " + mark(node);
  }

  std::string value(const xmlNode* node) const {
    if (view_.redacted) return " <span class=\"value\">(value hidden by --redact)</span>";
    std::string text = text_content(node);
    if (text.empty()) return "";
    if (text.size() > kMaxValueChars) {
      std::size_t cut = kMaxValueChars;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
      text = text.substr(0, cut) + "...";
    }
    return " <span class=\"value\">= " + html_escape(text) + "</span>";
  }

  void element(const xmlNode* node, std::string& out) {
    if (++shown_ > kMaxElements) {
      ++cut_;
      return;
    }
    if (!has_element_children(node)) {
      out += "<li>" + label(node) + value(node) + "</li>\n";
      return;
    }
    // Signatures and their parts fold shut: what they vouch for is marked on the elements.
    const bool open = !is_element(node, ns::dsig, "Signature");
    out += std::string("<li><details") + (open ? " open" : "") + "><summary>" + label(node) +
           "</summary>\n<ul class=\"tree\">\n";
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_ELEMENT_NODE) element(child, out);
    }
    out += "</ul>\n</details></li>\n";
  }

  const DecodeView& view_;
  bool any_verified_ = false;
  std::size_t shown_ = 0;
  std::size_t cut_ = 0;
};

std::string canonical_bytes(const SignatureReport& s) {
  if (s.canonical_reference.empty() && s.canonical_signed_info.empty()) return "";
  return "<details><summary>Canonical bytes digested for Reference <code>" + html_escape(s.reference_uri) +
         "</code></summary>\n<pre>" + html_escape(s.canonical_reference) +
         "</pre></details>\n<details><summary>Canonical SignedInfo (what was signed)</summary>\n<pre>" +
         html_escape(s.canonical_signed_info) + "</pre></details>\n";
}

std::string signature_item(const SignatureReport& s, std::size_t number, bool trust_given) {
  std::string out = "<li class=\"signature\"><strong>Signature #" + std::to_string(number) + "</strong> over <code>" +
                    html_escape(s.signed_element) + "</code> ID <code>" + html_escape(s.signed_id) + "</code>: ";
  out += s.status == SignatureStatus::Verified ? "<span class=\"m-signed\">&#10004; " : "<span class=\"m-unverified\">&#9888; ";
  out += std::string(signature_status_name(s.status)) + "</span>";
  if (!trust_given) out += " (no trusted key given)";
  out += "\n<ul>\n<li>Reference URI <code>" + html_escape(s.reference_uri) + "</code>; " + html_escape(saml::location_text(s.where)) + "</li>\n";
  out += "<li>SignatureMethod <code>" + html_escape(s.signature_method) + "</code>, DigestMethod <code>" +
         html_escape(s.digest_method) + "</code>, CanonicalizationMethod <code>" + html_escape(s.c14n_method) + "</code></li>\n";
  if (s.key_used) out += "<li>Verified with the trusted key " + html_escape(key_text(*s.key_used)) + "</li>\n";
  for (std::size_t i = 0; i < s.keyinfo_certificates.size(); ++i) {
    const bool trusted = i < s.keyinfo_trusted.size() && s.keyinfo_trusted[i];
    out += "<li>KeyInfo certificate " + html_escape(key_text(s.keyinfo_certificates[i])) +
           (trusted ? " <span class=\"m-signed\">[&#10004; trusted]</span>" : " <span class=\"m-unsigned\">[&#10006; not trusted]</span>") +
           "</li>\n";
  }
  return out + "</ul>\n" + canonical_bytes(s) + "</li>\n";
}

}  // namespace

std::string signature_section(const DecodeView& view, std::string_view id_prefix) {
  const std::string id(id_prefix);
  std::string out = "<section class=\"signature-map\" aria-labelledby=\"" + id + "-sig-h\">\n<h3 id=\"" + id +
                    "-sig-h\">Signature map</h3>\n<p>Each element says what vouches for it: <span class=\"m-signed\">[&#10004; signed]</span> "
                    "by a verified signature and trusted key, <span class=\"m-unverified\">[&#9888; signed, not verified]</span>, or "
                    "<span class=\"m-unsigned\">[&#10006; unsigned]</span> / outside the verified part. Only signed values can be trusted.</p>\n";
  MapWriter writer(view);
  if (view.document && view.document->root()) out += writer.tree(view.document->root());
  if (view.decrypted_document && view.decrypted_document->root()) {
    out += "<p>The decrypted EncryptedAssertion (placed under a synthetic, unsigned Response):</p>\n" +
           writer.tree(view.decrypted_document->root());
  }
  if (writer.cut() > 0) out += "<p>" + std::to_string(writer.cut()) + " more elements are not shown.</p>\n";
  if (view.signatures.signatures.empty()) return out + "<p>The message carries no ds:Signature.</p>\n</section>\n";
  out += "<ol class=\"signatures\">\n";
  for (std::size_t i = 0; i < view.signatures.signatures.size(); ++i) {
    out += signature_item(view.signatures.signatures[i], i + 1, view.trust_given);
  }
  return out + "</ol>\n</section>\n";
}

}  // namespace saml::html
