// decode_summary: what the message says, on one screen. UNVERIFIED unless trust was given;
// then each value line says whether a trusted signature covers it.
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "decode/names.h"
#include "saml/decode.h"
#include "time/duration_text.h"
#include "report/painter.h"
#include "util/printable.h"

namespace saml {
namespace {

using util::Painter;
using util::terminal_safe;

constexpr std::size_t kLabelWidth = 14;

std::string pad(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

std::string or_none(const std::string& text) { return text.empty() ? "(none)" : text; }

class Summary {
 public:
  Summary(const DecodeView& view, TimePoint now, TimePoint cert_now, const Painter& paint)
      : view_(view), now_(now), cert_now_(cert_now), paint_(paint) {}

  std::string build() {
    header();
    if (view_.response) response(*view_.response);
    if (view_.authn_request) authn_request(*view_.authn_request);
    if (view_.encryption) encryption(*view_.encryption);
    if (view_.assertion) assertion(*view_.assertion);
    if (view_.aws && view_.assertion) aws(*view_.aws);
    if (view_.assertion) other_attributes(*view_.assertion);
    signatures();
    timeline();
    notes();
    return out_;
  }

 private:
  // A labelled value (untrusted text: escaped for the terminal); with trust, says whether
  // the node holding it is covered.
  void value(const std::string& label, const std::string& text, const xmlNode* node,
             std::size_t width = kLabelWidth) {
    painted_value(label, terminal_safe(text), node, width);
  }
  // The same for text already escaped and coloured.
  void painted_value(const std::string& label, const std::string& safe_text, const xmlNode* node,
                     std::size_t width = kLabelWidth) {
    out_ += "  " + pad(terminal_safe(label), width) + safe_text + mark(node) + "\n";
  }
  std::string mark(const xmlNode* node) const { return verified_mark(view_.verified(node)); }
  std::string verified_mark(bool verified) const {
    if (!view_.trust_given) return "";
    return verified ? "  " + paint_.green("[verified]") : "  " + paint_.red("[NOT verified]");
  }
  void section(const std::string& title) { out_ += paint_.bold(title) + "\n"; }

  void header() {
    out_ += paint_.bold("== " + terminal_safe(describe_origin(view_.capture))) + "\n";
    for (const std::string& note : view_.capture.notes) out_ += "  note: " + terminal_safe(note) + "\n";
    std::string line = paint_.bold("SAML " + view_.message_type);
    if (!view_.trust_given) {
      line += "  " + paint_.red("UNVERIFIED") + " (no trusted key given: --cert, --pubkey, --fingerprint, --metadata)";
    } else if (view_.accepted) {
      line += *view_.accepted ? "  " + paint_.green("ACCEPTED by saml-verify's checks")
                              : "  " + paint_.red("REJECTED by saml-verify's checks: ") + rule_list();
    }
    out_ += line + "\n";
    if (view_.response) {
      value("profile", std::string(profile_name(view_.profile)) + " (" + view_.profile_reason + ")", nullptr);
    }
    if (!view_.capture.relay_state.empty()) value("RelayState", view_.capture.relay_state, nullptr);
    if (view_.capture.captured_at) {
      value("captured", format_xs_datetime(*view_.capture.captured_at), nullptr);
    }
  }

  std::string rule_list() const {
    std::vector<std::string> ids;
    for (const Finding& finding : view_.verify_findings) {
      if (finding.severity != Severity::Error) continue;
      if (std::find(ids.begin(), ids.end(), finding.rule_id) == ids.end()) ids.push_back(finding.rule_id);
    }
    std::string text;
    for (const std::string& id : ids) text += (text.empty() ? "" : " ") + id;
    return text + " (saml-verify explains each)";
  }

  void response(const Response& r) {
    value("ID", r.id + (r.issue_instant.present ? ", issued " + r.issue_instant.text : ""), r.node);
    value("issuer", r.has_issuer ? r.issuer : "(none)", r.node);
    value("destination", r.has_destination ? r.destination : "(none)", r.node);
    std::string status = r.status.present ? detail::urn_short_name(r.status.code) : "(none)";
    if (!r.status.second_level.empty()) status += " / " + detail::urn_short_name(r.status.second_level);
    if (!r.status.message.empty()) status += ": " + r.status.message;
    status = terminal_safe(status);
    const bool success = r.status.code == "urn:oasis:names:tc:SAML:2.0:status:Success";
    painted_value("status", success ? paint_.green(status) : paint_.red(status), r.node);
    if (!r.in_response_to.empty()) value("InResponseTo", r.in_response_to, r.node);
  }

  void authn_request(const AuthnRequestView& r) {
    value("ID", r.id + (r.issue_instant.present ? ", issued " + r.issue_instant.text : ""), r.node);
    value("issuer", or_none(r.issuer), r.node);
    value("destination", or_none(r.destination), r.node);
    value("ACS URL", or_none(r.assertion_consumer_service_url), r.node);
    value("binding", or_none(detail::urn_short_name(r.protocol_binding)), r.node);
    if (r.has_name_id_policy) {
      std::string policy = or_none(detail::urn_short_name(r.name_id_policy_format));
      if (!r.name_id_policy_allow_create.empty()) policy += ", AllowCreate " + r.name_id_policy_allow_create;
      value("NameIDPolicy", policy, r.node);
    }
    if (!view_.capture.sig_alg.empty()) {
      value("SigAlg", algorithm_short_name(view_.capture.sig_alg) +
                          " (HTTP-Redirect query signature, not checked by saml-decode)", nullptr);
    }
  }

  // A labelled value that no signature could cover (no verified mark).
  void unsigned_value(const std::string& label, const std::string& text) {
    painted_unsigned_value(label, terminal_safe(text));
  }
  void painted_unsigned_value(const std::string& label, const std::string& safe_text) {
    out_ += "  " + pad(label, kLabelWidth) + safe_text + "\n";
  }

  // What the EncryptedAssertion shows without a key, and which key decrypted it (or why not).
  void encryption(const EncryptionReport& e) {
    section("EncryptedAssertion");
    if (!e.info.data_algorithm.empty()) {
      unsigned_value("data", algorithm_short_name(e.info.data_algorithm) + ", " +
                                 std::to_string(e.info.cipher_bytes) + " bytes of ciphertext");
    }
    for (const KeyTransportInfo& key : e.info.keys) {
      std::string transport = algorithm_short_name(key.algorithm);
      if (!key.digest.empty()) transport += ", digest " + algorithm_short_name(key.digest);
      if (!key.mgf.empty()) transport += ", " + algorithm_short_name(key.mgf);
      unsigned_value("key transport", transport);
      for (const std::string& name : key.key_names) unsigned_value("KeyName", name);
      for (const CertificateInfo& cert : key.certificates) {
        unsigned_value("certificate", cert.subject + " SHA-256 " + format_fingerprint(cert.fingerprint));
      }
      if (!key.recipient.empty()) unsigned_value("Recipient", key.recipient);
    }
    if (e.decrypted) {
      painted_unsigned_value("decrypted", paint_.green("with " + terminal_safe(decryption_key_text(e))));
    } else {
      painted_unsigned_value("not decrypted", paint_.yellow(terminal_safe(e.failure)));
    }
  }

  void assertion(const Assertion& a) {
    section("Assertion " + terminal_safe(a.id));
    if (a.has_issuer) value("issuer", a.issuer, a.node);
    std::string name_id = a.has_name_id              ? a.name_id
                          : a.encrypted_id != nullptr ? "(encrypted: EncryptedID; --decrypt-key reads it)"
                                                      : "(none)";
    if (!a.name_id_format.empty()) name_id += " (" + detail::urn_short_name(a.name_id_format) + ")";
    value("NameID", name_id, a.node);
    std::vector<std::string> audiences;
    for (const AudienceRestriction& r : a.conditions.audience_restrictions) {
      audiences.insert(audiences.end(), r.audiences.begin(), r.audiences.end());
    }
    for (const std::string& audience : audiences) value("audience", audience, a.node);
    for (const SubjectConfirmation& c : a.confirmations) {
      value("recipient", c.has_recipient ? c.recipient : "(none)", a.node);
    }
    for (const AuthnStatement& s : a.authn_statements) {
      if (!s.authn_context_class.empty()) value("authn", detail::urn_short_name(s.authn_context_class), a.node);
    }
  }

  void aws(const AwsView& aws) {
    const xmlNode* node = view_.assertion->node;
    section("AWS");
    value("session name", aws.role_session_name.value_or("(none)"), node);
    value("duration", session_duration_text(aws.session_duration), node);
    for (const PrincipalTag& tag : aws.tags) {
      std::string values;
      for (const std::string& v : tag.values) values += (values.empty() ? "" : ", ") + v;
      value("tag", tag.key + " = " + values, node);
    }
    if (!aws.transitive_tag_keys.empty()) {
      std::string keys;
      for (const std::string& k : aws.transitive_tag_keys) keys += (keys.empty() ? "" : ", ") + k;
      value("transitive", keys, node);
    }
    if (aws.source_identity) value("SourceIdentity", *aws.source_identity, node);
    roles(aws, node);
    for (const Finding& finding : view_.aws_findings) {
      out_ += "  " + paint_.yellow("[" + finding.rule_id + "]") + " " + terminal_safe(finding.message) + "\n";
    }
  }

  void roles(const AwsView& aws, const xmlNode* node) {
    struct Row { std::string account, role, provider, partition; };
    std::vector<Row> rows{{"ACCOUNT", "ROLE (path + name)", "PROVIDER", "PARTITION"}};
    for (const RolePair& pair : aws.roles) {
      std::string provider = pair.provider.name;
      if (pair.provider.account != pair.role.account) provider += " (account " + pair.provider.account + ")";
      rows.push_back({terminal_safe(pair.role.account), terminal_safe(pair.role.path + pair.role.name),
                      terminal_safe(provider), terminal_safe(pair.role.partition)});
    }
    std::size_t w[3] = {0, 0, 0};
    for (const Row& row : rows) {
      w[0] = std::max(w[0], row.account.size());
      w[1] = std::max(w[1], row.role.size());
      w[2] = std::max(w[2], row.provider.size());
    }
    out_ += "  roles (" + std::to_string(aws.roles.size()) + ")\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Row& row = rows[i];
      const std::string line = "    " + pad(row.account, w[0] + 2) + pad(row.role, w[1] + 2) +
                               pad(row.provider, w[2] + 2) + row.partition;
      out_ += (i == 0 ? paint_.dim(line) : line + mark(node)) + "\n";
    }
  }

  static const std::string& attribute_label(const Attribute& attribute) {
    return attribute.friendly_name.empty() ? attribute.name : attribute.friendly_name;
  }

  // One column for the values, however long the names (a claim URI is often 60 characters).
  void other_attributes(const Assertion& a) {
    std::size_t width = kLabelWidth;
    for (const Attribute& attribute : a.attributes) {
      if (!detail::is_aws_attribute(attribute.name)) {
        width = std::max(width, terminal_safe(attribute_label(attribute)).size() + 2);
      }
    }
    bool any = false;
    for (const Attribute& attribute : a.attributes) {
      if (detail::is_aws_attribute(attribute.name)) continue;
      if (!any) section("Other attributes");
      any = true;
      std::string values;
      for (const std::string& v : attribute.values) values += (values.empty() ? "" : ", ") + v;
      value(attribute_label(attribute), or_none(values), a.node, width);
    }
  }

  void signatures() {
    section("Signatures (" + std::to_string(view_.signatures.signatures.size()) + ")");
    if (view_.signatures.signatures.empty()) {
      out_ += "  " + paint_.yellow(view_.capture.sig_alg.empty() ? "none: nothing in this message is signed"
                                                                 : "no XML signature (see SigAlg above)") + "\n";
    }
    for (const SignatureReport& s : view_.signatures.signatures) {
      std::string status = signature_status_name(s.status);
      if (!view_.trust_given && s.status == SignatureStatus::Untrusted) status = "not checked";
      const bool good = s.status == SignatureStatus::Verified;
      out_ += "  covers " + s.signed_element + " " + terminal_safe(s.signed_id) + ": " +
              algorithm_short_name(s.signature_method) + ", digest " +
              algorithm_short_name(s.digest_method) +
              (s.c14n_method.empty() ? "" : ", " + algorithm_short_name(s.c14n_method)) + " - " +
              (good ? paint_.green(status) : paint_.yellow(status)) + "\n";
      if (s.keyinfo_certificates.empty()) out_ += "    KeyInfo carries no certificate\n";
      for (const CertificateInfo& cert : s.keyinfo_certificates) certificate(cert);
    }
  }

  void certificate(const CertificateInfo& cert) {
    out_ += "    certificate " + terminal_safe(cert.subject) + " (" + cert.key_type + " " + std::to_string(cert.key_bits) + ")\n";
    out_ += "      SHA-256 " + format_fingerprint(cert.fingerprint) + "\n";
    std::string state;
    switch (certificate_validity(cert, cert_now_)) {
      case CertificateValidity::Undated: return;
      case CertificateValidity::NotYetValid:
        state = "not yet valid, starts in " + format_duration(*cert.not_before - cert_now_);
        break;
      case CertificateValidity::Expired:
        state = paint_.yellow("expired " + format_duration(cert_now_ - *cert.not_after) + " ago");
        break;
      case CertificateValidity::ExpiringSoon:
        state = paint_.yellow("expires in " + format_duration(*cert.not_after - cert_now_));
        break;
      case CertificateValidity::Valid: state = "expires in " + format_duration(*cert.not_after - cert_now_); break;
    }
    out_ += "      valid " + format_xs_datetime(*cert.not_before) + " to " +
            format_xs_datetime(*cert.not_after) + " (" + state + ")\n";
  }

  void timeline() {
    std::vector<TimelineEvent> events = decode_timeline(view_, true);
    const auto first_after = std::find_if(events.begin(), events.end(),
                                          [&](const TimelineEvent& e) { return e.time > now_; });
    events.insert(first_after, TimelineEvent{"now", format_xs_datetime(now_), now_, false});
    section("Time line");
    std::size_t text_width = 0;
    std::size_t label_width = 0;
    for (const TimelineEvent& e : events) {
      text_width = std::max(text_width, e.text.size());
      label_width = std::max(label_width, e.label.size());
    }
    for (const TimelineEvent& e : events) {
      std::string line = "  " + pad(e.text, text_width + 2);
      if (e.label == "now") {
        out_ += paint_.bold(line + "now") + "\n";
        continue;
      }
      line += pad(e.label, label_width + 2);
      std::string when = e.time == now_ ? "now"
                         : e.time < now_ ? format_exact_duration(now_ - e.time) + " ago"
                                         : "in " + format_exact_duration(e.time - now_);
      if (closes(e) && e.time <= now_) when = paint_.red(when + ", expired");
      if (opens(e) && e.time > now_) when = paint_.red(when + ", not yet valid");
      out_ += line + when + (e.label == "captured" ? "" : verified_mark(e.verified)) + "\n";
    }
  }

  static bool closes(const TimelineEvent& e) { return e.label.rfind("NotOnOrAfter", 0) == 0 || e.label == "SessionNotOnOrAfter"; }
  static bool opens(const TimelineEvent& e) { return e.label.rfind("NotBefore", 0) == 0; }

  void notes() {
    if (view_.assertion_count > 1) {
      out_ += paint_.yellow("note:") + " " + std::to_string(view_.assertion_count) +
              " Assertion elements; shown: " + terminal_safe(view_.assertion->where.location().element) + "\n";
    }
    if (view_.encryption && view_.encryption->decrypted && view_.assertion) {
      out_ += paint_.yellow("note:") + " the Assertion shown is the decrypted EncryptedAssertion" +
              (view_.trust_given ? "" : "; decryption is not authentication: it is unverified") + "\n";
    } else if (view_.encrypted_assertion_count > 0) {
      out_ += paint_.yellow("note:") + " " + std::to_string(view_.encrypted_assertion_count) +
              " EncryptedAssertion (needs the service provider's private key; not decrypted)\n";
    }
    if (!view_.response && !view_.authn_request && !view_.assertion) {
      out_ += "  no summary for a " + view_.message_type + "; --xml shows it whole\n";
    }
    if (view_.redacted) out_ += paint_.dim("personal values redacted (redacted:<first 8 hex of SHA-256>)") + "\n";
  }

  const DecodeView& view_;
  TimePoint now_;
  TimePoint cert_now_;
  const Painter& paint_;
  std::string out_;
};

}  // namespace

std::string decode_summary(const DecodeView& view, TimePoint now, const TextStyle& style,
                           std::optional<TimePoint> cert_now) {
  const Painter paint(style.color);
  return Summary(view, now, cert_now.value_or(now), paint).build();
}

}  // namespace saml
