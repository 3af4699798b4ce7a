// verdict_to_json: a message of the stable "samlkit.verify/2" schema
// (docs/schema/saml-verify.schema.json, documented in README.md).
// Identity fields (issuer, assertion, aws) are null unless a trusted signature covers them.
#include <nlohmann/json.hpp>

#include "iam/aws_side_json.h"
#include "report/encryption_json.h"
#include "report/finding_report.h"
#include "report/json_values.h"
#include "saml/report.h"
#include "saml/rules.h"

namespace saml {
namespace {

using Json = nlohmann::ordered_json;

using detail::instant_json;
using detail::text_or_null;

Json input_json(const Capture& capture) {
  Json j;
  j["source"] = capture.origin.source;
  j["message"] = capture.origin.message;
  j["messages"] = capture.origin.messages;
  j["format"] = capture_format_name(capture.format);
  j["entry"] = capture.origin.entry ? Json(*capture.origin.entry) : Json(nullptr);
  j["field"] = text_or_null(capture.origin.field);
  j["base64_length"] = capture.base64_length > 0 ? Json(capture.base64_length) : Json(nullptr);
  j["notes"] = capture.notes;
  return j;
}

Json response_json(const Verdict& verdict) {
  if (!verdict.response) return nullptr;
  const Response& response = *verdict.response;
  Json j;
  j["id"] = response.id;
  j["destination"] = response.has_destination ? Json(response.destination) : Json(nullptr);
  j["status"] = response.status.present ? Json(response.status.code) : Json(nullptr);
  j["signed"] = verdict.response_signed;
  return j;
}

Json assertion_json(const Assertion& assertion) {
  Json j;
  j["id"] = assertion.id;
  j["issuer"] = assertion.has_issuer ? Json(assertion.issuer) : Json(nullptr);
  j["name_id"] = assertion.has_name_id ? Json(assertion.name_id) : Json(nullptr);
  j["name_id_format"] = text_or_null(assertion.name_id_format);
  j["issue_instant"] = instant_json(assertion.issue_instant);
  j["not_before"] = instant_json(assertion.conditions.not_before);
  j["not_on_or_after"] = instant_json(assertion.conditions.not_on_or_after);
  const bool one_recipient =
      assertion.confirmations.size() == 1 && assertion.confirmations.front().has_recipient;
  j["recipient"] = one_recipient ? Json(assertion.confirmations.front().recipient) : Json(nullptr);
  Json audiences = Json::array();
  for (const AudienceRestriction& restriction : assertion.conditions.audience_restrictions) {
    for (const std::string& audience : restriction.audiences) audiences.push_back(audience);
  }
  j["audiences"] = audiences;
  return j;
}

Json aws_json(const AwsView& aws) {
  Json roles = Json::array();
  for (const RolePair& pair : aws.roles) {
    Json role;
    role["role_arn"] = pair.role.to_string();
    role["provider_arn"] = pair.provider.to_string();
    role["account"] = pair.role.account;
    role["role_name"] = pair.role.name;
    role["role_path"] = pair.role.path;
    role["provider_name"] = pair.provider.name;
    role["partition"] = pair.role.partition;
    roles.push_back(role);
  }
  Json j;
  j["roles"] = roles;
  j["role_session_name"] = aws.role_session_name ? Json(*aws.role_session_name) : Json(nullptr);
  j["session_duration"] = aws.session_duration ? Json(*aws.session_duration) : Json(nullptr);
  return j;
}

Json signature_json(const SignatureReport& report) {
  Json j;
  j["element"] = report.signed_element;
  j["id"] = report.signed_id;
  j["status"] = signature_status_name(report.status);
  j["signature_method"] = text_or_null(report.signature_method);
  j["digest_method"] = text_or_null(report.digest_method);
  j["key_subject"] = report.key_used ? text_or_null(report.key_used->subject) : Json(nullptr);
  j["key_fingerprint_sha256"] =
      report.key_used ? Json(format_fingerprint(report.key_used->fingerprint)) : Json(nullptr);
  return j;
}

}  // namespace

std::string verdict_to_json(const Capture& capture, const Verdict& verdict, const Policy& policy,
                            const iam::AwsSide* aws_side) {
  Json j;
  j["accepted"] = verdict.accepted;
  j["profile"] = profile_name(verdict.profile);
  j["profile_reason"] = verdict.profile_reason;
  j["input"] = input_json(capture);
  j["now"] = format_xs_datetime(policy.now);
  j["now_source"] = time_source_name(policy.now_source);
  j["cert_now"] = format_xs_datetime(policy.cert_now);
  j["cert_now_source"] = time_source_name(policy.cert_now_source);
  j["skew_seconds"] = policy.skew.count();
  j["findings"] = detail::findings_json(verdict.findings, verdict.profile);
  const Assertion* assertion = verdict.assertion ? &*verdict.assertion : nullptr;
  j["issuer"] = assertion && assertion->has_issuer ? Json(assertion->issuer) : Json(nullptr);
  j["response"] = response_json(verdict);
  j["assertion"] = assertion ? assertion_json(*assertion) : Json(nullptr);
  j["aws"] = verdict.aws && assertion ? aws_json(*verdict.aws) : Json(nullptr);
  Json signatures = Json::array();
  for (const SignatureReport& report : verdict.signatures.signatures) {
    signatures.push_back(signature_json(report));
  }
  j["signatures"] = signatures;
  j["encryption"] = verdict.encryption ? detail::encryption_json(*verdict.encryption) : Json(nullptr);
  if (aws_side) {
    const Json members = iam::aws_side_json(*aws_side);
    for (const auto& [key, value] : members.items()) j[key] = value;
  }
  // Replace rather than throw should any text not be valid UTF-8.
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace saml
