// The request context of AssumeRoleWithSAML, from the verified assertion and one Role pair,
// and which of its keys each authorized action sees (the Service Authorization Reference's
// condition keys per action).
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "iam/saml_context.h"
#include "iam/text.h"
#include "saml/iam.h"
#include "util/base64_text.h"

namespace saml::iam {
namespace {

struct MappedAttribute {
  std::string_view name;   // the Attribute Name AWS maps (an OID URN)
  std::string_view key;
  bool multi;
};

// IAM User Guide, "Mapping SAML attributes to AWS trust policy context keys" and "Available
// keys for SAML-based AWS STS federation" (multi: marked [] there).
constexpr std::array<MappedAttribute, 18> kMappedAttributes = {{
    {"urn:oid:1.3.6.1.4.1.5923.1.1.1.1", "saml:edupersonaffiliation", true},
    {"urn:oid:1.3.6.1.4.1.5923.1.1.1.2", "saml:edupersonnickname", true},
    {"urn:oid:1.3.6.1.4.1.5923.1.1.1.3", "saml:edupersonorgdn", false},
    {"urn:oid:1.3.6.1.4.1.5923.1.1.1.4", "saml:edupersonorgunitdn", true},
    {"urn:oid:1.3.6.1.4.1.5923.1.1.1.5", "saml:edupersonprimaryaffiliation", false},
    {"urn:oid:1.3.6.1.4.1.5923.1.1.1.6", "saml:edupersonprincipalname", false},
    {"urn:oid:1.3.6.1.4.1.5923.1.1.1.7", "saml:edupersonentitlement", true},
    {"urn:oid:1.3.6.1.4.1.5923.1.1.1.8", "saml:edupersonprimaryorgunitdn", false},
    {"urn:oid:1.3.6.1.4.1.5923.1.1.1.9", "saml:edupersonscopedaffiliation", true},
    {"urn:oid:1.3.6.1.4.1.5923.1.1.1.10", "saml:edupersontargetedid", true},
    {"urn:oid:1.3.6.1.4.1.5923.1.1.1.11", "saml:edupersonassurance", true},
    {"urn:oid:1.3.6.1.4.1.5923.1.2.1.2", "saml:eduorghomepageuri", true},
    {"urn:oid:1.3.6.1.4.1.5923.1.2.1.3", "saml:eduorgidentityauthnpolicyuri", true},
    {"urn:oid:1.3.6.1.4.1.5923.1.2.1.4", "saml:eduorglegalname", true},
    {"urn:oid:1.3.6.1.4.1.5923.1.2.1.5", "saml:eduorgsuperioruri", true},
    {"urn:oid:1.3.6.1.4.1.5923.1.2.1.6", "saml:eduorgwhitepagesuri", true},
    {"urn:oid:2.5.4.3", "saml:cn", true},
    // The same OID under its other documented key name.
    {"urn:oid:2.5.4.3", "saml:commonName", true},
}};

constexpr std::string_view kNameIdFormatPrefix = "urn:oasis:names:tc:SAML:2.0:nameid-format:";

constexpr std::array<StsAction, 3> kStsActions = {{
    {"sts:AssumeRoleWithSAML", [](const AwsView&) { return true; }, "", {}},
    {"sts:TagSession", [](const AwsView& aws) { return !aws.tags.empty() || !aws.transitive_tag_keys.empty(); },
     "missing-tagsession", {"aws:RequestTag/", "aws:TagKeys", "saml:aud", "sts:TransitiveTagKeys"}},
    {"sts:SetSourceIdentity", [](const AwsView& aws) { return aws.source_identity.has_value(); },
     "missing-setsourceidentity", {"sts:SourceIdentity", "", "", ""}},
}};
constexpr std::array<std::string_view, 2> kGlobalKeys = {"aws:CurrentTime", "aws:EpochTime"};

bool key_listed(std::string_view key, const std::array<std::string_view, 4>& listed) {
  for (std::string_view entry : listed) {
    if (entry.empty()) continue;
    if (entry.back() == '/' ? lower(key).rfind(lower(entry), 0) == 0 : iequals(key, entry)) return true;
  }
  return false;
}

}  // namespace

std::string name_qualifier(std::string_view issuer, std::string_view account,
                           std::string_view provider_name) {
  const std::string text = std::string(issuer) + std::string(account) + "/" + std::string(provider_name);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha1(), nullptr);
  return detail::encode_base64(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string subject_type(std::string_view format) {
  if (format.rfind(kNameIdFormatPrefix, 0) == 0) format.remove_prefix(kNameIdFormatPrefix.size());
  return std::string(format);
}

std::string saml_audience(const Assertion& assertion) {
  for (const SubjectConfirmation& confirmation : assertion.confirmations) {
    if (confirmation.has_recipient) return confirmation.recipient;
  }
  return {};
}

RequestContext saml_request_context(const Assertion& assertion, const AwsView& aws,
                                    const RolePair& pair, TimePoint now) {
  RequestContext context;
  if (std::string aud = saml_audience(assertion); !aud.empty()) context.set("saml:aud", {aud});
  if (assertion.has_issuer) context.set("saml:iss", {assertion.issuer});
  if (assertion.has_name_id) context.set("saml:sub", {assertion.name_id});
  if (!assertion.name_id_format.empty()) {
    context.set("saml:sub_type", {subject_type(assertion.name_id_format)});
  }
  context.set("saml:namequalifier",
              {name_qualifier(assertion.issuer, pair.provider.account, pair.provider.name)});
  context.set("saml:doc", {pair.provider.account + "/" + pair.provider.name});
  for (const MappedAttribute& mapped : kMappedAttributes) {
    std::vector<std::string> values;
    for (const Attribute& attribute : assertion.attributes) {
      if (attribute.name == mapped.name) values.insert(values.end(), attribute.values.begin(), attribute.values.end());
    }
    if (!values.empty()) context.set(std::string(mapped.key), std::move(values), mapped.multi);
  }
  std::vector<std::string> tag_keys;
  for (const PrincipalTag& tag : aws.tags) {
    tag_keys.push_back(tag.key);
    context.set("aws:RequestTag/" + tag.key, tag.values);
  }
  if (!tag_keys.empty()) context.set("aws:TagKeys", std::move(tag_keys), true);
  if (!aws.transitive_tag_keys.empty()) {
    context.set("sts:TransitiveTagKeys", aws.transitive_tag_keys, true);
  }
  if (aws.role_session_name) context.set("sts:RoleSessionName", {*aws.role_session_name});
  if (aws.source_identity) context.set("sts:SourceIdentity", {*aws.source_identity});
  const auto seconds = std::chrono::floor<std::chrono::seconds>(now);
  context.set("aws:CurrentTime", {format_xs_datetime(TimePoint(seconds))});
  context.set("aws:EpochTime", {std::to_string(seconds.time_since_epoch().count())});
  return context;
}

std::span<const StsAction> sts_actions() { return kStsActions; }

const StsAction* find_sts_action(std::string_view name) {
  for (const StsAction& action : kStsActions) {
    if (iequals(action.name, name)) return &action;
  }
  return nullptr;
}

RequestContext context_for_action(const RequestContext& full, const StsAction& action) {
  const bool sees_all = std::all_of(action.keys.begin(), action.keys.end(),
                                    [](std::string_view key) { return key.empty(); });
  if (sees_all) return full;
  RequestContext narrowed;
  for (const auto& key : full.keys()) {
    const ContextValue& value = key.second;
    const bool global = std::any_of(kGlobalKeys.begin(), kGlobalKeys.end(),
                                    [&](std::string_view g) { return iequals(g, value.name); });
    if (global || key_listed(value.name, action.keys)) narrowed.set(value.name, value.values, value.multi);
  }
  return narrowed;
}

}  // namespace saml::iam
