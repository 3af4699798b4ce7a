// The identity and AWS view of a message: who signs in, as which role, for how long, with
// which tags; every value escaped and marked with whether a trusted signature covers it.
#include <string>
#include <vector>

#include "decode/names.h"
#include "report/html/html_parts.h"
#include "time/duration_text.h"

namespace saml::html {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

class IdentityWriter {
 public:
  explicit IdentityWriter(const DecodeView& view) : view_(view) {}

  // One row of the facts table: label, escaped value, and whether it is signed.
  void row(const std::string& label, const std::string& text) {
    rows_ += "<tr><th scope=\"row\">" + html_escape(label) + "</th><td>" + html_escape(text) + "</td><td>" + mark() +
             "</td></tr>\n";
  }
  std::string facts() const {
    if (rows_.empty()) return "";
    return "<table class=\"facts\">\n<thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Value</th>"
           "<th scope=\"col\">Signed</th></tr></thead>\n<tbody>\n" + rows_ + "</tbody>\n</table>\n";
  }
  std::string mark() const {
    const xmlNode* node = view_.assertion ? view_.assertion->node : nullptr;
    if (view_.verified(node)) return "<span class=\"m-signed\">&#10004; signed</span>";
    return view_.trust_given ? "<span class=\"m-unsigned\">&#10006; NOT verified</span>"
                             : "<span class=\"m-unverified\">? not checked (no trusted key)</span>";
  }

 private:
  const DecodeView& view_;
  std::string rows_;
};

std::string roles_table(const AwsView& aws, const IdentityWriter& writer) {
  if (aws.roles.empty()) return "<p>No usable Role value: AWS has no role to assume.</p>\n";
  std::string out = "<table class=\"roles\">\n<caption>Roles (" + std::to_string(aws.roles.size()) +
                    ")</caption>\n<thead><tr><th scope=\"col\">Account</th><th scope=\"col\">Role</th>"
                    "<th scope=\"col\">SAML provider</th><th scope=\"col\">Partition</th><th scope=\"col\">Signed</th></tr></thead>\n<tbody>\n";
  for (const RolePair& pair : aws.roles) {
    out += "<tr><td>" + html_escape(pair.role.account) + "</td><td>" + html_escape(pair.role.to_string()) + "</td><td>" +
           html_escape(pair.provider.to_string()) + "</td><td>" + html_escape(pair.role.partition) + "</td><td>" +
           writer.mark() + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string tags_table(const AwsView& aws) {
  if (aws.tags.empty()) return "";
  std::string out = "<table class=\"tags\">\n<caption>Session tags (" + std::to_string(aws.tags.size()) +
                    ")</caption>\n<thead><tr><th scope=\"col\">Key</th><th scope=\"col\">Values</th>"
                    "<th scope=\"col\">Transitive</th></tr></thead>\n<tbody>\n";
  for (const PrincipalTag& tag : aws.tags) {
    bool transitive = false;
    for (const std::string& key : aws.transitive_tag_keys) transitive = transitive || key == tag.key;
    out += "<tr><th scope=\"row\">" + html_escape(tag.key) + "</th><td>" + html_escape(join(tag.values)) + "</td><td>" +
           (transitive ? "yes" : "no") + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

// The hook for role trust data: what IAM decides per role, as the caller computed it.
std::string iam_table(const std::vector<HtmlIamOutcome>& iam) {
  if (iam.empty()) return "";
  std::string out = "<table class=\"iam\">\n<caption>IAM outcome per role</caption>\n<thead><tr><th scope=\"col\">Role</th>"
                    "<th scope=\"col\">Outcome</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n";
  for (const HtmlIamOutcome& outcome : iam) {
    out += "<tr><th scope=\"row\">" + html_escape(outcome.role_arn) + "</th><td>" +
           (outcome.allowed ? "<span class=\"pass\">&#10004; allowed</span>" : "<span class=\"fail\">&#10006; denied</span>") +
           "</td><td>" + html_escape(outcome.reason) + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string other_attributes(const Assertion& assertion) {
  std::string rows;
  for (const Attribute& attribute : assertion.attributes) {
    if (detail::is_aws_attribute(attribute.name)) continue;
    rows += "<tr><th scope=\"row\">" + html_escape(attribute.friendly_name.empty() ? attribute.name : attribute.friendly_name) +
            "</th><td>" + html_escape(join(attribute.values)) + "</td></tr>\n";
  }
  if (rows.empty()) return "";
  return "<table class=\"attributes\">\n<caption>Other attributes</caption>\n<thead><tr><th scope=\"col\">Name</th>"
         "<th scope=\"col\">Values</th></tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n";
}

}  // namespace

std::string identity_section(const DecodeView& view, const std::vector<HtmlIamOutcome>& iam, std::string_view id_prefix) {
  if (!view.assertion && iam.empty()) return "";
  const std::string id(id_prefix);
  std::string out = "<section class=\"identity\" aria-labelledby=\"" + id + "-id-h\">\n<h3 id=\"" + id +
                    "-id-h\">Identity and AWS</h3>\n";
  IdentityWriter writer(view);
  if (view.assertion) {
    const Assertion& a = *view.assertion;
    writer.row("Issuer", a.has_issuer ? a.issuer : "(none)");
    std::string name_id = a.has_name_id ? a.name_id : "(none)";
    if (!a.name_id_format.empty()) name_id += " (" + detail::urn_short_name(a.name_id_format) + ")";
    writer.row("NameID", name_id);
  }
  if (view.aws) {
    const AwsView& aws = *view.aws;
    writer.row("Session name", aws.role_session_name.value_or("(none)"));
    writer.row("Session duration", session_duration_text(aws.session_duration));
    writer.row("SourceIdentity", aws.source_identity.value_or("(none)"));
  }
  out += writer.facts();
  if (view.aws) out += roles_table(*view.aws, writer) + tags_table(*view.aws);
  out += iam_table(iam);
  if (view.assertion) out += other_attributes(*view.assertion);
  return out + "</section>\n";
}

}  // namespace saml::html
