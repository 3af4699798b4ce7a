// decode_to_json: the whole view as one message of schema "samlkit.decode/2"
// (docs/schema/saml-decode.schema.json). Keys are always present; absent values are null.
#include <nlohmann/json.hpp>

#include "report/encryption_json.h"
#include "report/finding_report.h"
#include "report/json_values.h"
#include "saml/decode.h"

namespace saml {
namespace {

using Json = nlohmann::ordered_json;

using detail::instant_json;
using detail::text_or_null;

Json origin_json(const Capture& capture) {
  const CaptureOrigin& o = capture.origin;
  Json j;
  j["source"] = o.source;
  j["message"] = o.message;
  j["messages"] = o.messages;
  j["format"] = capture_format_name(capture.format);
  j["field"] = text_or_null(o.field);
  j["entry"] = o.entry ? Json(*o.entry) : Json(nullptr);
  j["url"] = text_or_null(o.url);
  j["method"] = text_or_null(o.method);
  j["captured_at"] = capture.captured_at ? Json(format_xs_datetime(*capture.captured_at)) : Json(nullptr);
  j["relay_state"] = text_or_null(capture.relay_state);
  j["base64_length"] = capture.base64_length > 0 ? Json(capture.base64_length) : Json(nullptr);
  j["deflated"] = capture.deflated;
  j["sig_alg"] = text_or_null(capture.sig_alg);
  j["has_query_signature"] = !capture.signature.empty();
  j["notes"] = capture.notes;
  return j;
}

Json response_json(const DecodeView& view) {
  if (!view.response) return nullptr;
  const Response& r = *view.response;
  Json j;
  j["id"] = r.id;
  j["version"] = r.has_version ? Json(r.version) : Json(nullptr);
  j["issue_instant"] = instant_json(r.issue_instant);
  j["destination"] = r.has_destination ? Json(r.destination) : Json(nullptr);
  j["in_response_to"] = text_or_null(r.in_response_to);
  j["issuer"] = r.has_issuer ? Json(r.issuer) : Json(nullptr);
  j["status"] = r.status.present ? Json{{"code", r.status.code},
                                        {"second_level", text_or_null(r.status.second_level)},
                                        {"message", text_or_null(r.status.message)}}
                                 : Json(nullptr);
  j["verified"] = view.verified(r.node);
  return j;
}

Json authn_request_json(const DecodeView& view) {
  if (!view.authn_request) return nullptr;
  const AuthnRequestView& r = *view.authn_request;
  Json j;
  j["id"] = r.id;
  j["version"] = text_or_null(r.version);
  j["issue_instant"] = instant_json(r.issue_instant);
  j["issuer"] = text_or_null(r.issuer);
  j["destination"] = text_or_null(r.destination);
  j["assertion_consumer_service_url"] = text_or_null(r.assertion_consumer_service_url);
  j["protocol_binding"] = text_or_null(r.protocol_binding);
  j["name_id_policy"] = r.has_name_id_policy
                            ? Json{{"format", text_or_null(r.name_id_policy_format)},
                                   {"allow_create", text_or_null(r.name_id_policy_allow_create)}}
                            : Json(nullptr);
  j["verified"] = view.verified(r.node);
  return j;
}

Json assertion_json(const DecodeView& view) {
  if (!view.assertion) return nullptr;
  const Assertion& a = *view.assertion;
  Json j;
  j["id"] = a.id;
  j["element"] = a.where.location().element;
  j["version"] = text_or_null(a.version);
  j["issue_instant"] = instant_json(a.issue_instant);
  j["issuer"] = a.has_issuer ? Json(a.issuer) : Json(nullptr);
  j["name_id"] = a.has_name_id ? Json(a.name_id) : Json(nullptr);
  j["name_id_format"] = text_or_null(a.name_id_format);
  Json confirmations = Json::array();
  for (const SubjectConfirmation& c : a.confirmations) {
    confirmations.push_back(Json{{"method", c.method},
                                 {"recipient", c.has_recipient ? Json(c.recipient) : Json(nullptr)},
                                 {"not_before", instant_json(c.not_before)},
                                 {"not_on_or_after", instant_json(c.not_on_or_after)},
                                 {"in_response_to", text_or_null(c.in_response_to)}});
  }
  j["subject_confirmations"] = confirmations;
  Json audiences = Json::array();
  for (const AudienceRestriction& r : a.conditions.audience_restrictions) {
    for (const std::string& audience : r.audiences) audiences.push_back(audience);
  }
  j["conditions"] = a.conditions.present ? Json{{"not_before", instant_json(a.conditions.not_before)},
                                                {"not_on_or_after", instant_json(a.conditions.not_on_or_after)},
                                                {"audiences", audiences}}
                                         : Json(nullptr);
  Json statements = Json::array();
  for (const AuthnStatement& s : a.authn_statements) {
    statements.push_back(Json{{"authn_instant", instant_json(s.authn_instant)},
                              {"session_not_on_or_after", instant_json(s.session_not_on_or_after)},
                              {"session_index", text_or_null(s.session_index)},
                              {"authn_context_class", text_or_null(s.authn_context_class)}});
  }
  j["authn_statements"] = statements;
  Json attributes = Json::array();
  for (const Attribute& attr : a.attributes) {
    attributes.push_back(Json{{"name", attr.name},
                              {"name_format", text_or_null(attr.name_format)},
                              {"friendly_name", text_or_null(attr.friendly_name)},
                              {"values", Json(attr.values)}});
  }
  j["attributes"] = attributes;
  j["verified"] = view.verified(a.node);
  return j;
}

Json aws_json(const DecodeView& view) {
  if (!view.aws) return nullptr;
  const AwsView& aws = *view.aws;
  Json roles = Json::array();
  for (const RolePair& pair : aws.roles) {
    roles.push_back(Json{{"role_arn", pair.role.to_string()},
                         {"provider_arn", pair.provider.to_string()},
                         {"account", pair.role.account},
                         {"role_name", pair.role.name},
                         {"role_path", pair.role.path},
                         {"provider_name", pair.provider.name},
                         {"provider_account", pair.provider.account},
                         {"partition", pair.role.partition},
                         {"provider_first", pair.provider_first}});
  }
  Json tags = Json::array();
  for (const PrincipalTag& tag : aws.tags) tags.push_back(Json{{"key", tag.key}, {"values", Json(tag.values)}});
  Json j;
  j["roles"] = roles;
  j["role_session_name"] = aws.role_session_name ? Json(*aws.role_session_name) : Json(nullptr);
  j["session_duration"] = aws.session_duration ? Json(*aws.session_duration) : Json(nullptr);
  j["tags"] = tags;
  j["transitive_tag_keys"] = Json(aws.transitive_tag_keys);
  j["source_identity"] = aws.source_identity ? Json(*aws.source_identity) : Json(nullptr);
  j["findings"] = detail::findings_json(view.aws_findings, view.profile);
  j["verified"] = view.assertion && view.verified(view.assertion->node);
  return j;
}

Json time_json(const std::optional<TimePoint>& t) { return t ? Json(format_xs_datetime(*t)) : Json(nullptr); }

// Without trust every signature is Untrusted: say it was not checked.
const char* status_text(const DecodeView& view, const SignatureReport& s) {
  const bool unchecked = !view.trust_given && s.status == SignatureStatus::Untrusted;
  return unchecked ? "not checked" : signature_status_name(s.status);
}

Json signatures_json(const DecodeView& view) {
  Json array = Json::array();
  for (const SignatureReport& s : view.signatures.signatures) {
    Json certificates = Json::array();
    for (std::size_t i = 0; i < s.keyinfo_certificates.size(); ++i) {
      const CertificateInfo& c = s.keyinfo_certificates[i];
      certificates.push_back(Json{{"subject", c.subject},
                                  {"issuer", c.issuer},
                                  {"fingerprint_sha256", format_fingerprint(c.fingerprint)},
                                  {"not_before", time_json(c.not_before)},
                                  {"not_after", time_json(c.not_after)},
                                  {"key_type", c.key_type},
                                  {"key_bits", c.key_bits},
                                  {"trusted", i < s.keyinfo_trusted.size() && s.keyinfo_trusted[i]}});
    }
    array.push_back(Json{{"element", s.signed_element},
                         {"id", s.signed_id},
                         {"reference_uri", s.reference_uri},
                         {"status", status_text(view, s)},
                         {"verified", s.status == SignatureStatus::Verified},
                         {"signature_method", s.signature_method},
                         {"digest_method", s.digest_method},
                         {"c14n_method", s.c14n_method},
                         {"certificates", certificates}});
  }
  return array;
}

Json timeline_json(const DecodeView& view, TimePoint now) {
  Json array = Json::array();
  for (const TimelineEvent& e : decode_timeline(view, false)) {
    const auto from_now = std::chrono::duration<double>(e.time - now).count();
    array.push_back(Json{{"event", e.label}, {"time", e.text}, {"seconds_from_now", from_now}, {"verified", e.verified}});
  }
  return array;
}

}  // namespace

std::string decode_to_json(const DecodeView& view, TimePoint now) {
  Json j;
  j["origin"] = origin_json(view.capture);
  j["now"] = format_xs_datetime(now);
  j["profile"] = {{"name", profile_name(view.profile)}, {"reason", view.profile_reason}};
  j["trust_given"] = view.trust_given;
  j["accepted"] = view.accepted ? Json(*view.accepted) : Json(nullptr);
  j["verify_findings"] = detail::findings_json(view.verify_findings, view.profile);
  j["redacted"] = view.redacted;
  j["message_type"] = view.message_type;
  j["message_namespace"] = view.message_namespace;
  j["response"] = response_json(view);
  j["authn_request"] = authn_request_json(view);
  j["assertion"] = assertion_json(view);
  j["assertion_count"] = view.assertion_count;
  j["encrypted_assertion_count"] = view.encrypted_assertion_count;
  j["encryption"] = view.encryption ? detail::encryption_json(*view.encryption) : Json(nullptr);
  j["aws"] = aws_json(view);
  j["signatures"] = signatures_json(view);
  j["timeline"] = timeline_json(view, now);
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace saml
