// diff_views: what changed between two captures, aspect by aspect, for "it worked
// yesterday" debugging.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "saml/decode.h"
#include "time/duration_text.h"

namespace saml {
namespace {

std::string join(const std::vector<std::string>& parts, const char* separator = ", ") {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : separator) + part;
  return text;
}

// Every aspect as one comparable string per view ("" when the view has none).
struct Aspects {
  std::vector<std::pair<std::string, std::string>> scalars;
  std::vector<std::pair<std::string, std::string>> attributes;  // name -> values
  std::set<std::string> roles;                                  // "role ARN, provider ARN"
};

// From IssueInstant to `end`, as a duration; "" when either is missing.
std::string lifetime(const Instant& start, const Instant& end) {
  if (!start.value || !end.value) return "";
  const auto d = *end.value - *start.value;
  return (d.count() < 0 ? "-" : "") + format_exact_duration(d);
}

void signature_aspects(const DecodeView& view, Aspects& out) {
  std::vector<std::string> signed_elements;
  std::vector<std::string> signature_methods;
  std::vector<std::string> digest_methods;
  std::vector<std::string> certificates;
  for (const SignatureReport& s : view.signatures.signatures) {
    signed_elements.push_back(s.signed_element);
    signature_methods.push_back(s.signed_element + " " + algorithm_short_name(s.signature_method));
    digest_methods.push_back(s.signed_element + " " + algorithm_short_name(s.digest_method));
    for (const CertificateInfo& c : s.keyinfo_certificates) {
      certificates.push_back(c.subject + " SHA-256 " + format_fingerprint(c.fingerprint));
    }
  }
  std::sort(certificates.begin(), certificates.end());
  certificates.erase(std::unique(certificates.begin(), certificates.end()), certificates.end());
  out.scalars.emplace_back("signed elements", signed_elements.empty() ? "(none)" : join(signed_elements));
  out.scalars.emplace_back("signature algorithm", join(signature_methods));
  out.scalars.emplace_back("digest algorithm", join(digest_methods));
  out.scalars.emplace_back("signing certificate", join(certificates, "; "));
}

void assertion_aspects(const Assertion& a, Aspects& out) {
  out.scalars.emplace_back("assertion issuer", a.issuer);
  out.scalars.emplace_back("NameID format", a.name_id_format);
  out.scalars.emplace_back("NameID", a.name_id);
  std::vector<std::string> audiences;
  for (const AudienceRestriction& r : a.conditions.audience_restrictions) {
    audiences.insert(audiences.end(), r.audiences.begin(), r.audiences.end());
  }
  out.scalars.emplace_back("audience", join(audiences));
  std::vector<std::string> recipients;
  std::string confirmation_lifetime;
  for (const SubjectConfirmation& c : a.confirmations) {
    recipients.push_back(c.recipient);
    if (confirmation_lifetime.empty()) confirmation_lifetime = lifetime(a.issue_instant, c.not_on_or_after);
  }
  out.scalars.emplace_back("recipient", join(recipients));
  out.scalars.emplace_back("lifetime: Conditions NotBefore", lifetime(a.issue_instant, a.conditions.not_before));
  out.scalars.emplace_back("lifetime: Conditions NotOnOrAfter", lifetime(a.issue_instant, a.conditions.not_on_or_after));
  out.scalars.emplace_back("lifetime: SubjectConfirmation NotOnOrAfter", confirmation_lifetime);
  std::string session;
  for (const AuthnStatement& s : a.authn_statements) {
    if (session.empty()) session = lifetime(a.issue_instant, s.session_not_on_or_after);
  }
  out.scalars.emplace_back("lifetime: SessionNotOnOrAfter", session);
  for (const Attribute& attribute : a.attributes) {
    if (attribute.name == aws_attr::role) continue;
    out.attributes.emplace_back(attribute.name, join(attribute.values, " | "));
  }
}

Aspects aspects_of(const DecodeView& view) {
  Aspects out;
  out.scalars.emplace_back("message type", view.message_type);
  if (view.response) {
    const Response& r = *view.response;
    out.scalars.emplace_back("issuer", r.issuer);
    out.scalars.emplace_back("destination", r.destination);
    out.scalars.emplace_back("status", r.status.code + (r.status.second_level.empty() ? "" : " / " + r.status.second_level));
  }
  signature_aspects(view, out);
  if (view.assertion) assertion_aspects(*view.assertion, out);
  if (view.aws) {
    for (const RolePair& pair : view.aws->roles) {
      out.roles.insert(pair.role.to_string() + ", " + pair.provider.to_string());
    }
  }
  return out;
}

std::string lookup(const std::vector<std::pair<std::string, std::string>>& list, const std::string& key,
                   bool& found) {
  for (const auto& [name, value] : list) {
    if (name == key) {
      found = true;
      return value;
    }
  }
  found = false;
  return "";
}

// Names of `a` in order, then those only in `b`.
std::vector<std::string> union_of_names(const std::vector<std::pair<std::string, std::string>>& a,
                                        const std::vector<std::pair<std::string, std::string>>& b) {
  std::vector<std::string> names;
  for (const auto* list : {&a, &b}) {
    for (const auto& entry : *list) {
      if (std::find(names.begin(), names.end(), entry.first) == names.end()) names.push_back(entry.first);
    }
  }
  return names;
}

}  // namespace

std::vector<Change> diff_views(const DecodeView& before, const DecodeView& after) {
  const Aspects a = aspects_of(before);
  const Aspects b = aspects_of(after);
  std::vector<Change> changes;
  for (const std::string& name : union_of_names(a.scalars, b.scalars)) {
    bool in_a = false;
    bool in_b = false;
    const std::string va = lookup(a.scalars, name, in_a);
    const std::string vb = lookup(b.scalars, name, in_b);
    if (va != vb) changes.push_back(Change{name, va, vb});
  }
  for (const std::string& name : union_of_names(a.attributes, b.attributes)) {
    bool in_a = false;
    bool in_b = false;
    const std::string va = lookup(a.attributes, name, in_a);
    const std::string vb = lookup(b.attributes, name, in_b);
    if (in_a != in_b || va != vb) changes.push_back(Change{"attribute " + name, va, vb});
  }
  for (const std::string& role : a.roles) {
    if (b.roles.count(role) == 0) changes.push_back(Change{"role", role, ""});
  }
  for (const std::string& role : b.roles) {
    if (a.roles.count(role) == 0) changes.push_back(Change{"role", "", role});
  }
  return changes;
}

std::string diff_to_text(const std::vector<Change>& changes, const TextStyle& style) {
  const auto paint = [&](const char* code, const std::string& s) {
    return style.color ? "\x1b[" + std::string(code) + "m" + s + "\x1b[0m" : s;
  };
  if (changes.empty()) {
    return "no differences in issuer, destination, status, signatures, subject, attributes, roles or lifetimes\n";
  }
  std::string out;
  for (const Change& c : changes) {
    if (c.before.empty()) {
      out += paint("32", "+ " + c.aspect + ": " + c.after) + "\n";
    } else if (c.after.empty()) {
      out += paint("31", "- " + c.aspect + ": " + c.before) + "\n";
    } else {
      out += paint("33", "~ " + c.aspect) + "\n    before: " + c.before + "\n    after:  " + c.after + "\n";
    }
  }
  return out;
}

std::string diff_to_json(const std::vector<Change>& changes) {
  using Json = nlohmann::ordered_json;
  Json array = Json::array();
  for (const Change& c : changes) {
    array.push_back(Json{{"aspect", c.aspect},
                         {"before", c.before.empty() ? Json(nullptr) : Json(c.before)},
                         {"after", c.after.empty() ? Json(nullptr) : Json(c.after)}});
  }
  Json j;
  j["schema"] = "samlkit.decode-diff/1";
  j["changes"] = array;
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace saml
