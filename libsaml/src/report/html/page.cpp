// The page frame of the HTML reports (head, policy, style, rules) and the findings list.
#include <openssl/evp.h>

#include <string>

#include "report/html/html_parts.h"
#include "saml/report.h"
#include "saml/rules.h"
#include "util/base64_text.h"

namespace saml::html {
namespace {

// The page's only style. The Content-Security-Policy allows exactly this block by its
// SHA-256, so an injected style or script never applies; colours come with text marks.
constexpr std::string_view kStyle = R"css(
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#5a5a5a;--line:#c8c8c8;--pass:#0a6b2d;--fail:#a4161a;--warn:#7a4a00;--info:#1f4e99;--win:#d4efd9;--code:#f3f3f3}
@media (prefers-color-scheme:dark){:root{--bg:#151515;--fg:#e8e8e8;--muted:#b0b0b0;--line:#474747;--pass:#74d492;--fail:#ff9090;--warn:#f2bb61;--info:#94b9f7;--win:#1d3d25;--code:#232323}}
body{font:15px/1.45 system-ui,sans-serif;background:var(--bg);color:var(--fg);margin:0 auto;max-width:76rem;padding:0 1rem 3rem}
a{color:var(--info)}:focus-visible{outline:3px solid var(--info);outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:.5rem;background:var(--bg);padding:.3rem .6rem}
header{padding:.5rem 0}h1{margin:.3rem 0}
section.message{border-top:2px solid var(--line);margin-top:2rem}
.verdict{font-size:1.25rem;font-weight:700}.pass{color:var(--pass)}.fail{color:var(--fail)}.unknown{color:var(--warn)}
.sev-error{color:var(--fail)}.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}
ol.findings>li{margin:.4rem 0}.fix{margin:.1rem 0 0;color:var(--fg)}.where{color:var(--muted)}
table{border-collapse:collapse;margin:.4rem 0}th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right}code,pre{font-family:ui-monospace,monospace;background:var(--code)}
pre{padding:.5rem;white-space:pre-wrap;overflow-wrap:anywhere}
.esc{border:1px dashed currentColor;font-family:ui-monospace,monospace;font-size:.85em;color:var(--warn)}
summary{cursor:pointer}ul.tree{list-style:none;padding-left:1.1rem;margin:0}ul.tree li{margin:.1rem 0}
.m-signed{color:var(--pass)}.m-unverified{color:var(--warn)}.m-unsigned{color:var(--fail)}
.value{color:var(--muted)}
svg.timeline{width:100%;height:auto;max-width:60rem}svg text{fill:var(--fg);font:12px system-ui,sans-serif}
svg .window{fill:var(--win)}svg .axis{stroke:var(--muted)}svg .tick{stroke:var(--fg)}svg .dot{fill:var(--fg)}
svg .dot.now{fill:var(--fail)}svg .dot.captured{fill:var(--info)}
.views>table{display:none}.views>table:first-of-type{display:table}
.views:has(>table:target)>table:first-of-type{display:none}.views>table:target{display:table!important}
)css";

// 'sha256-...' of the style block, as the CSP names it.
std::string style_hash() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(kStyle.data(), kStyle.size(), digest, &length, EVP_sha256(), nullptr);
  return "'sha256-" + detail::encode_base64(std::string_view(reinterpret_cast<const char*>(digest), length)) + "'";
}

std::string rule_entry(const Rule& rule) {
  const std::string id(rule.id);
  return "<dt id=\"rule-" + id + "\"><code>" + id + "</code> " + html_escape(rule.title) + " (" +
         severity_badge(rule.severity) + ")</dt>\n<dd><p>" + html_escape(rule.explanation) +
         "</p><p><strong>Fix:</strong> " + html_escape(rule.fix) + "</p>" +
         // A page may hold messages of both AWS profiles: the glossary gives each fix.
         (rule.identity_center_fix.empty()
              ? std::string()
              : "<p><strong>Fix (IAM Identity Center):</strong> " + html_escape(rule.identity_center_fix) + "</p>") +
         "<p><strong>Reference:</strong> " + html_escape(rule.reference) + "</p></dd>\n";
}

}  // namespace

std::string page_begin(std::string_view title, std::string_view intro) {
  // No script, no fetch of any kind: default-src 'none' covers images, fonts, frames and
  // connections; forms and <base> are refused too.
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src " +
         style_hash() +
         "; base-uri 'none'; form-action 'none'\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"color-scheme\" content=\"light dark\">\n<title>" +
         html_escape(title) + "</title>\n<style>" + std::string(kStyle) +
         "</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n"
         "<header>\n<h1>" +
         html_escape(title) + "</h1>\n" + std::string(intro) + "</header>\n<main id=\"main\">\n";
}

std::string page_end(const RuleIds& rules) {
  std::string out;
  if (!rules.empty()) {
    out += "<section id=\"rules\" aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">Rules named above</h2>\n<dl>\n";
    for (const std::string& id : rules) {
      if (const Rule* rule = find_rule(id)) out += rule_entry(*rule);
    }
    out += "</dl>\n</section>\n";
  }
  return out + "</main>\n<footer><p>Written by samlkit. This page loads nothing and runs no "
               "script; it is safe to keep offline.</p></footer>\n</body>\n</html>\n";
}

std::string severity_badge(Severity severity) {
  const char* mark = severity == Severity::Error ? "&#10006;" : severity == Severity::Warning ? "&#9888;" : "&#8505;";
  return std::string("<span class=\"sev sev-") + severity_name(severity) + "\">" + mark + " " +
         severity_name(severity) + "</span>";
}

std::string verdict_badge(std::string_view kind, std::string_view word) {
  const char* mark = kind == "pass" ? "&#10004;" : kind == "fail" ? "&#10006;" : "?";
  return "<p class=\"verdict " + std::string(kind) + "\">" + mark + " " + html_escape(word) + "</p>\n";
}

std::string findings_list(const std::vector<Finding>& findings, Profile profile, RuleIds& rules) {
  if (findings.empty()) return "<p class=\"no-findings\">No findings.</p>\n";
  std::string out = "<ol class=\"findings\">\n";
  for (const Finding& finding : findings) {
    const Rule* rule = find_rule(finding.rule_id);
    out += "<li class=\"finding\">" + severity_badge(finding.severity) + " ";
    if (rule != nullptr) {
      rules.insert(finding.rule_id);
      out += "<a class=\"rule\" href=\"#rule-" + html_escape(finding.rule_id) + "\"><code>" +
             html_escape(finding.rule_id) + "</code></a> <strong>" + html_escape(rule->title) + "</strong>: ";
    } else {
      out += "<code class=\"rule\">" + html_escape(finding.rule_id) + "</code>: ";
    }
    out += html_escape(finding.message);
    const std::string where = html_escape(saml::location_text(finding.where));
    if (!where.empty()) out += " <span class=\"where\">(at " + where + ")</span>";
    if (rule != nullptr) out += "<p class=\"fix\"><strong>Fix:</strong> " + html_escape(std::string(rule->fix_for(profile))) + "</p>";
    out += "</li>\n";
  }
  return out + "</ol>\n";
}

}  // namespace saml::html
