// Decode stage: what a capture holds, read for people (saml-decode). The view is built
// WITHOUT regard to signatures; with a trust store, each part says whether a trusted
// signature covers it. Everything here returns strings or structs; nothing prints.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saml/aws.h"
#include "saml/capture.h"
#include "saml/dsig.h"
#include "saml/error.h"
#include "saml/finding.h"
#include "saml/model.h"
#include "saml/policy.h"
#include "saml/profile.h"
#include "saml/report.h"
#include "saml/trust.h"
#include "saml/verify.h"
#include "saml/xml.h"
#include "saml/xmlenc.h"

namespace saml {

// The fields of a samlp:AuthnRequest (SAMLRequest captures).
struct AuthnRequestView {
  const xmlNode* node = nullptr;
  std::string id;
  std::string version;
  Instant issue_instant;
  std::string issuer;
  std::string destination;
  std::string assertion_consumer_service_url;
  std::string protocol_binding;
  bool has_name_id_policy = false;
  std::string name_id_policy_format;
  std::string name_id_policy_allow_create;  // as written ("true", "false" or empty)
  Location where;
};

AuthnRequestView read_authn_request(const xmlNode* authn_request_element);

struct DecodeView {
  Capture capture;
  std::shared_ptr<const Document> document;  // node pointers below point into it
  std::string message_type;       // local name of the root element: "Response", "AuthnRequest"
  std::string message_namespace;  // its namespace URI
  std::optional<Response> response;
  // The Assertion shown: the first direct child of the root, else the first anywhere.
  std::optional<Assertion> assertion;
  std::size_t assertion_count = 0;
  std::size_t encrypted_assertion_count = 0;
  // The Response's EncryptedAssertion: what it shows without a key, which key decrypted it
  // (policy.decryption_keys), or why not. When decrypted, `assertion` is the decrypted one
  // and its nodes point into `decrypted_document`.
  std::optional<EncryptionReport> encryption;
  std::shared_ptr<const Document> decrypted_document;
  std::optional<AwsView> aws;
  // What read_aws_view found wrong (AWS0xx), for the rules of `profile` only.
  std::vector<Finding> aws_findings;
  // The profile saml-verify judges it by (given or detected, the same detection) and why.
  Profile profile = Profile::Aws;
  std::string profile_reason;
  std::optional<AuthnRequestView> authn_request;
  // Every ds:Signature with its algorithms and KeyInfo certificates. Without trust, none
  // is Verified (an empty trust store makes each one Untrusted).
  DsigResult signatures;
  bool trust_given = false;
  std::optional<bool> accepted;  // saml-verify's verdict, when trust was given (Responses)
  std::vector<Finding> verify_findings;  // its findings, when trust was given
  bool redacted = false;

  // True only when trust was given and a trusted signature covers the node.
  bool verified(const xmlNode* node) const {
    return trust_given && node != nullptr && signatures.covers(node);
  }
};

// Parses the capture's XML and reads every part of it. An empty trust store means "no
// trust options": nothing is verified. With keys, saml-verify's pipeline runs and each
// part is verified only if its node is covered. XML that cannot be parsed, or whose root
// is in neither SAML namespace ("decode.not-saml"), is an Error.
Expected<DecodeView> decode_view(const Capture& capture, const TrustStore& trust,
                                 const Policy& policy);

// The view of a message saml-verify already judged (what decode_view builds with trust):
// the verdict's document, signatures, findings and verdict, every part read from that
// document and marked verified only where a trusted signature covers it.
DecodeView view_of_verdict(const Capture& capture, Verdict verdict);

// --- Redaction: "redacted:" + the first 8 hex digits of the SHA-256 of the text. ---
std::string redact_value(std::string_view text);
// The whole text is an e-mail address (local@domain, RFC 5322 dot-atom form).
bool looks_like_email(std::string_view text);
// Replaces NameID, RoleSessionName, SourceIdentity, tag values, attribute values (except
// the AWS Role and SessionDuration values) and any e-mail-like value in the view.
void redact_view(DecodeView& view);

// --- Time line: every instant of the message, sorted, plus the capture time. ---
struct TimelineEvent {
  std::string label;   // "IssueInstant (Response)", "NotOnOrAfter (Conditions)", "captured"
  std::string text;    // as written (or formatted, for the capture time)
  TimePoint time;
  bool verified = false;  // the instant's element is covered by a trusted signature
};
std::vector<TimelineEvent> decode_timeline(const DecodeView& view, bool include_capture_time);

// --- Outputs. ---
// A one-screen summary; says UNVERIFIED unless trust was given. The time line is shown at
// `now`, certificate expiry at `cert_now` (default: `now`).
std::string decode_summary(const DecodeView& view, TimePoint now, const TextStyle& style = {},
                           std::optional<TimePoint> cert_now = std::nullopt);
// One message as a JSON object: an element of the "messages" array of schema
// "samlkit.decode/2" (docs/schema/saml-decode.schema.json; JsonReport in saml/report.h).
std::string decode_to_json(const DecodeView& view, TimePoint now);
// The XML re-indented for reading (redacted when the view is). Not the signed bytes.
Expected<std::string> pretty_xml(const DecodeView& view);

// --- Differences between two captures ("it worked yesterday"). ---
struct Change {
  std::string aspect;  // "issuer", "signing certificate", "role", "attribute email", ...
  std::string before;  // empty when added
  std::string after;   // empty when removed
};
std::vector<Change> diff_views(const DecodeView& before, const DecodeView& after);
std::string diff_to_text(const std::vector<Change>& changes, const TextStyle& style = {});
// {"schema": "samlkit.decode-diff/1", "changes": [{aspect, before, after}]}
std::string diff_to_json(const std::vector<Change>& changes);

}  // namespace saml
