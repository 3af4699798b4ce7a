// The parts of a message's section after its findings, shared by every page.
#include <string>

#include "report/html/html_parts.h"

namespace saml::html {

std::string xml_section(const DecodeView& view, std::string_view id_prefix) {
  if (!view.document) return "";  // refused before parsing (a DOCTYPE): the findings say why
  const std::string id(id_prefix);
  auto xml = pretty_xml(view);
  const std::string body = xml ? "<pre>" + html_escape(*xml) + "</pre>"
                               : "<p>The XML could not be re-indented: " + html_escape(xml.error().message) + "</p>";
  return "<section class=\"xml\" aria-labelledby=\"" + id + "-x-h\">\n<h3 id=\"" + id +
         "-x-h\">Decoded XML</h3>\n<details><summary>Show the XML, re-indented for reading (the signature covers the original "
         "bytes, not this text)</summary>\n" + body + "\n</details>\n</section>\n";
}

std::string message_details(const DecodeView& view, const std::vector<HtmlIamOutcome>& iam, TimePoint now,
                            std::chrono::seconds skew, std::string_view id_prefix) {
  return identity_section(view, iam, id_prefix) + timeline_section(view, now, skew, id_prefix) +
         signature_section(view, id_prefix) + xml_section(view, id_prefix);
}

}  // namespace saml::html
