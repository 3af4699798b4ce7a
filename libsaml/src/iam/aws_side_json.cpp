// The AWS side as JSON: the objects "iam", "okta" and "identity_store" a message's entry
// gets in saml-verify's and saml-lint's reports (docs/schema/saml-lint.schema.json).
#include "iam/aws_side_json.h"

#include <string>
#include <vector>

namespace saml::iam {
namespace {

using Json = nlohmann::ordered_json;

Json sts_json(const StsSession& sts) {
  Json j;
  j["AssumedRoleUser"] = {{"Arn", sts.assumed_role_arn}};
  j["Subject"] = sts.subject;
  j["SubjectType"] = sts.subject_type;
  j["Issuer"] = sts.issuer;
  j["Audience"] = sts.audience;
  j["NameQualifier"] = sts.name_qualifier;
  j["SourceIdentity"] = sts.source_identity ? Json(*sts.source_identity) : Json(nullptr);
  Json tags = Json::array();
  for (const PrincipalTag& tag : sts.tags) {
    tags.push_back({{"Key", tag.key}, {"Value", tag.values.empty() ? std::string() : tag.values.front()}});
  }
  j["SessionTags"] = tags;
  j["TransitiveTagKeys"] = Json(sts.transitive_tag_keys);
  return j;
}

Json role_json(const RoleDecision& role) {
  Json j;
  j["role_arn"] = role.role_arn;
  j["provider_arn"] = role.provider_arn;
  j["assumable"] = role.assumable;
  j["reasons"] = Json(role.reasons);
  j["warnings"] = Json(role.warnings);
  j["session_seconds"] = role.session_seconds ? Json(*role.session_seconds) : Json(nullptr);
  j["sts"] = role.sts ? sts_json(*role.sts) : Json(nullptr);
  j["unknown_keys"] = Json(role.unknown_keys);
  Json details = Json::array();
  for (const RoleNote& note : role.notes) details.push_back(note.code + ": " + note.text);
  j["details"] = details;
  j["source"] = role.source.empty() ? Json(nullptr) : Json(role.source);
  return j;
}

Json report_json(const Report& report) {
  Json roles = Json::array();
  for (const RoleDecision& role : report.roles) roles.push_back(role_json(role));
  return Json{{"roles", roles}, {"notes", Json(report.notes)}};
}

Json okta_json(const OktaResult& okta) {
  Json problems = Json::array();
  for (const OktaProblem& problem : okta.config_problems) {
    problems.push_back({{"code", problem.code}, {"message", problem.message}});
  }
  Json dropped = Json::array();
  for (const DroppedGroup& group : okta.dropped_groups) {
    dropped.push_back({{"group", group.group}, {"reason", group.reason}});
  }
  return Json{{"expected_roles", Json(okta.expected_roles)},
              {"missing", Json(okta.missing)},
              {"unexpected", Json(okta.unexpected)},
              {"dropped_groups", dropped},
              {"problems", problems}};
}

Json identity_store_json(const IdentityStoreMatch& match) {
  Json user = match.user ? Json{{"UserId", match.user->user_id}, {"UserName", match.user->user_name}}
                         : Json(nullptr);
  return Json{{"matched", match.matched}, {"user", user}};
}

}  // namespace

nlohmann::ordered_json aws_side_json(const AwsSide& side) {
  Json j = Json::object();
  if (side.iam_asked) j["iam"] = side.iam ? report_json(*side.iam) : Json(nullptr);
  if (side.okta_asked) j["okta"] = side.okta ? okta_json(*side.okta) : Json(nullptr);
  if (side.identity_store_asked) {
    j["identity_store"] = side.identity_store ? identity_store_json(*side.identity_store) : Json(nullptr);
  }
  return j;
}

}  // namespace saml::iam
