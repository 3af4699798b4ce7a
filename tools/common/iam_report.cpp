// How the AWS side of a message is printed in saml-verify's text report: a table of roles
// with the decisive statement or the refusal, Okta's mapping, the Identity Center match.
// (The JSON objects come from the library: saml::verdict_to_json with the AWS side.)
#include <string>
#include <vector>

#include "iam_options.h"

namespace samlkit::cli {
namespace {

std::string line(const saml::iam::RoleNote& note) { return note.code + ": " + note.text; }

std::string yes_no(bool value) { return value ? "yes" : "no"; }

}  // namespace

std::string iam_text(const saml::iam::AwsSide& side) {
  std::string text;
  if (!side.verified) {
    if (side.iam_asked || side.okta_asked || side.identity_store_asked) {
      text += "\nAWS side: not evaluated (no assertion covered by a trusted signature)\n";
    }
    return text;
  }
  if (side.iam) {
    text += "\nIAM roles (what AssumeRoleWithSAML would do):\n";
    for (const std::string& note : side.iam->notes) text += "  note: " + note + "\n";
    for (const saml::iam::RoleDecision& role : side.iam->roles) {
      text += "  " + role.role_arn + "\n";
      text += "    assumable: " + yes_no(role.assumable);
      if (!role.reasons.empty()) {
        std::string codes;
        for (const std::string& r : role.reasons) codes += (codes.empty() ? "" : ", ") + r;
        text += " (" + codes + ")";
      }
      text += "\n    decisive: " + saml::iam::decisive_reason(role) + "\n";
      for (std::size_t i = role.assumable ? 0 : 1; i < role.notes.size(); ++i) {
        text += "    also: " + line(role.notes[i]) + "\n";
      }
      if (role.sts) {
        text += "    session: " + std::to_string(role.session_seconds.value_or(0)) + " s as " +
                role.sts->assumed_role_arn + "\n";
        text += "    NameQualifier " + role.sts->name_qualifier + ", SubjectType " + role.sts->subject_type +
                "\n";
      }
    }
  }
  if (side.okta) {
    const saml::iam::OktaResult& okta = *side.okta;
    text += "\nOkta group mapping: " + std::to_string(okta.expected_roles.size()) + " Role value(s) expected\n";
    for (const std::string& value : okta.missing) text += "  missing from the assertion: " + value + "\n";
    for (const std::string& value : okta.unexpected) text += "  sent but not expected: " + value + "\n";
    for (const saml::iam::DroppedGroup& group : okta.dropped_groups) {
      text += "  group dropped (" + group.reason + "): " + group.group + "\n";
    }
    for (const saml::iam::OktaProblem& problem : okta.config_problems) {
      text += "  configuration (" + problem.code + "): " + problem.message + "\n";
    }
  }
  if (side.identity_store) {
    const saml::iam::IdentityStoreMatch& match = *side.identity_store;
    text += "\nIdentity Center: " +
            (match.matched ? "NameID matches user " + match.user->user_name + " (" + match.user->user_id + ")"
                           : std::string("NameID matches no user in the identity store export")) +
            "\n";
  }
  return text;
}

}  // namespace samlkit::cli
