// How the AWS side of a message is printed: the JSON objects "iam", "okta" and
// "identity_store" (docs/schema), and the text report's table of roles.
#include <string>
#include <vector>

#include "iam_options.h"

namespace samlkit::cli {
namespace {

using Json = nlohmann::ordered_json;

Json text_list(const std::vector<std::string>& items) {
  Json list = Json::array();
  for (const std::string& item : items) list.push_back(item);
  return list;
}

Json sts_json(const saml::iam::StsSession& sts) {
  Json j;
  j["AssumedRoleUser"] = {{"Arn", sts.assumed_role_arn}};
  j["Subject"] = sts.subject;
  j["SubjectType"] = sts.subject_type;
  j["Issuer"] = sts.issuer;
  j["Audience"] = sts.audience;
  j["NameQualifier"] = sts.name_qualifier;
  j["SourceIdentity"] = sts.source_identity ? Json(*sts.source_identity) : Json(nullptr);
  Json tags = Json::array();
  for (const saml::PrincipalTag& tag : sts.tags) {
    tags.push_back({{"Key", tag.key}, {"Value", tag.values.empty() ? std::string() : tag.values.front()}});
  }
  j["SessionTags"] = tags;
  j["TransitiveTagKeys"] = text_list(sts.transitive_tag_keys);
  return j;
}

Json role_json(const saml::iam::RoleDecision& role) {
  Json j;
  j["role_arn"] = role.role_arn;
  j["provider_arn"] = role.provider_arn;
  j["assumable"] = role.assumable;
  j["reasons"] = text_list(role.reasons);
  j["warnings"] = text_list(role.warnings);
  j["session_seconds"] = role.session_seconds ? Json(*role.session_seconds) : Json(nullptr);
  j["sts"] = role.sts ? sts_json(*role.sts) : Json(nullptr);
  j["unknown_keys"] = text_list(role.unknown_keys);
  j["details"] = text_list(role.details);
  j["source"] = role.source.empty() ? Json(nullptr) : Json(role.source);
  return j;
}

Json report_json(const saml::iam::Report& report) {
  Json roles = Json::array();
  for (const saml::iam::RoleDecision& role : report.roles) roles.push_back(role_json(role));
  return Json{{"roles", roles}, {"notes", text_list(report.notes)}};
}

Json okta_json(const saml::iam::OktaResult& okta) {
  Json dropped = Json::array();
  for (const saml::iam::DroppedGroup& group : okta.dropped_groups) {
    dropped.push_back({{"group", group.group}, {"reason", group.reason}});
  }
  return Json{{"expected_roles", text_list(okta.expected_roles)},
              {"missing", text_list(okta.missing)},
              {"unexpected", text_list(okta.unexpected)},
              {"dropped_groups", dropped},
              {"problems", text_list(okta.config_problems)}};
}

Json identity_store_json(const saml::iam::IdentityStoreMatch& match) {
  Json user = match.user ? Json{{"UserId", match.user->user_id}, {"UserName", match.user->user_name}}
                         : Json(nullptr);
  return Json{{"matched", match.matched}, {"user", user}};
}

std::string yes_no(bool value) { return value ? "yes" : "no"; }

// The decisive line of a role: what allowed it, or the first reason it is refused.
std::string decisive(const saml::iam::RoleDecision& role) {
  if (!role.assumable) return role.details.empty() ? std::string() : role.details.front();
  std::string text;
  for (const saml::iam::ActionDecision& action : role.actions) {
    text += (text.empty() ? "" : "; ") + action.decisive;
  }
  return text;
}

}  // namespace

nlohmann::ordered_json iam_json(const IamOutcome& outcome) {
  Json j = Json::object();
  if (outcome.iam_asked) j["iam"] = outcome.iam ? report_json(*outcome.iam) : Json(nullptr);
  if (outcome.okta_asked) j["okta"] = outcome.okta ? okta_json(*outcome.okta) : Json(nullptr);
  if (outcome.identity_store_asked) {
    j["identity_store"] = outcome.identity_store ? identity_store_json(*outcome.identity_store) : Json(nullptr);
  }
  return j;
}

std::string iam_text(const IamOutcome& outcome) {
  std::string text;
  if (!outcome.verified) {
    if (outcome.iam_asked || outcome.okta_asked || outcome.identity_store_asked) {
      text += "\nAWS side: not evaluated (no assertion covered by a trusted signature)\n";
    }
    return text;
  }
  if (outcome.iam) {
    text += "\nIAM roles (what AssumeRoleWithSAML would do):\n";
    for (const std::string& note : outcome.iam->notes) text += "  note: " + note + "\n";
    for (const saml::iam::RoleDecision& role : outcome.iam->roles) {
      text += "  " + role.role_arn + "\n";
      text += "    assumable: " + yes_no(role.assumable);
      if (!role.reasons.empty()) {
        std::string codes;
        for (const std::string& r : role.reasons) codes += (codes.empty() ? "" : ", ") + r;
        text += " (" + codes + ")";
      }
      text += "\n    decisive: " + decisive(role) + "\n";
      for (std::size_t i = role.assumable ? 0 : 1; i < role.details.size(); ++i) {
        text += "    also: " + role.details[i] + "\n";
      }
      if (role.sts) {
        text += "    session: " + std::to_string(role.session_seconds.value_or(0)) + " s as " +
                role.sts->assumed_role_arn + "\n";
        text += "    NameQualifier " + role.sts->name_qualifier + ", SubjectType " + role.sts->subject_type +
                "\n";
      }
    }
  }
  if (outcome.okta) {
    const saml::iam::OktaResult& okta = *outcome.okta;
    text += "\nOkta group mapping: " + std::to_string(okta.expected_roles.size()) + " Role value(s) expected\n";
    for (const std::string& value : okta.missing) text += "  missing from the assertion: " + value + "\n";
    for (const std::string& value : okta.unexpected) text += "  sent but not expected: " + value + "\n";
    for (const saml::iam::DroppedGroup& group : okta.dropped_groups) {
      text += "  group dropped (" + group.reason + "): " + group.group + "\n";
    }
    for (const std::string& problem : okta.config_problems) text += "  configuration: " + problem + "\n";
  }
  if (outcome.identity_store) {
    const saml::iam::IdentityStoreMatch& match = *outcome.identity_store;
    text += "\nIdentity Center: " +
            (match.matched ? "NameID matches user " + match.user->user_name + " (" + match.user->user_id + ")"
                           : std::string("NameID matches no user in the identity store export")) +
            "\n";
  }
  return text;
}

}  // namespace samlkit::cli
