#include "capture/html_form.h"

#include <libxml/HTMLparser.h>

#include <climits>
#include <memory>

#include "capture/binding.h"
#include "capture/sniff.h"
#include "util/libxml_init.h"
#include "util/printable.h"

namespace saml {
namespace {

struct DocFreer {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

bool named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

std::string upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

void collect_inputs(const xmlNode* node, std::vector<HtmlInput>& inputs) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (named(child, "input") && xmlHasProp(child, reinterpret_cast<const xmlChar*>("name"))) {
      inputs.push_back(HtmlInput{attribute(child, "name"), attribute(child, "value")});
    }
    collect_inputs(child, inputs);
  }
}

bool carries_saml(const HtmlForm& form) {
  for (const HtmlInput& input : form.inputs) {
    if (is_message_field(input.name)) return true;
  }
  return false;
}

// Depth first, in document order: the first form carrying a SAML field.
const xmlNode* first_saml_form(const xmlNode* node, HtmlForm& found) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (named(child, "form")) {
      HtmlForm form;
      collect_inputs(child, form.inputs);
      if (carries_saml(form)) {
        form.action = attribute(child, "action");
        const std::string method = attribute(child, "method");
        form.method = method.empty() ? "GET" : upper(method);
        found = std::move(form);
        return child;
      }
    }
    if (const xmlNode* form = first_saml_form(child, found)) return form;
  }
  return nullptr;
}

std::string title_of(const xmlNode* node) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (named(child, "title")) {
      xmlChar* text = xmlNodeGetContent(child);
      std::string title = text != nullptr ? reinterpret_cast<const char*>(text) : "";
      xmlFree(text);
      return title;
    }
    std::string title = title_of(child);
    if (!title.empty()) return title;
  }
  return "";
}

// Skips an XML declaration, comments and whitespace (XHTML pages such as Shibboleth's).
std::string_view skip_prolog(std::string_view text) {
  for (;;) {
    text = skip_bom_and_space(text);
    const char* close = text.starts_with("<?") ? "?>" : text.starts_with("<!--") ? "-->" : nullptr;
    if (close == nullptr) return text;
    const std::size_t end = text.find(close);
    if (end == std::string_view::npos) return text;
    text.remove_prefix(end + std::string_view(close).size());
  }
}

}  // namespace

bool looks_like_html(std::string_view text) {
  text = skip_prolog(text);
  for (const std::string_view start : {"<!doctype html", "<html", "<head", "<body", "<form"}) {
    if (starts_with_nocase(text, start)) {
      // "<html" must not be the start of another name ("<htmlfoo").
      const char next = text.size() > start.size() ? text[start.size()] : '>';
      if (is_ascii_space(next) || next == '>' || next == '/') return true;
    }
  }
  return false;
}

Expected<HtmlForm> find_saml_form(std::string_view html) {
  if (html.size() > static_cast<std::size_t>(INT_MAX)) {
    return Error{ErrorKind::Limit, "capture.size", "the HTML page is too large", {}};
  }
  util::ensure_libxml_initialised();
  // HTML_PARSE_NONET: nothing is fetched; NOERROR/NOWARNING: real pages are seldom valid
  // and the library must not print. HUGE: a SAMLResponse value can exceed libxml2's
  // default text limit; the capture stage has already bounded the page's size.
  const std::unique_ptr<xmlDoc, DocFreer> doc(htmlReadMemory(
      html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
          XML_PARSE_HUGE));
  if (!doc) {
    return Error{ErrorKind::Decode, "capture.html", "libxml2 could not read the HTML page", {}};
  }
  HtmlForm form;
  if (first_saml_form(reinterpret_cast<const xmlNode*>(doc.get()), form) == nullptr) {
    const std::string title = title_of(reinterpret_cast<const xmlNode*>(doc.get()));
    return Error{ErrorKind::Decode, "capture.html",
                 "this HTML page has no form with a SAMLResponse or SAMLRequest field" +
                     (title.empty() ? std::string(" (and no title)")
                                    : " (its title is \"" + util::printable_prefix(title, 60) + "\")") +
                     ", so it is not the IdP's sign-in form post",
                 {}};
  }
  return form;
}

}  // namespace saml
