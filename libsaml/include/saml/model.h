// Model stage: typed SAML Response / Assertion built from element nodes.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saml/error.h"
#include "saml/time.h"

namespace saml {

// Where a model field was read: its element and, for an attribute, the attribute's name.
// The model keeps this rather than a Location (the element's path, line and column, two
// strings): only a finding needs those, so one is built when a finding is made from a
// field, through location() or the conversion below. Points into the Document, like
// Assertion::node: valid while the Document lives.
struct NodeRef {
  const xmlNode* node = nullptr;
  std::string_view attribute;  // a string literal: the model names attributes with constants

  Location location() const;
  // The element's local name ("" without an element).
  std::string_view element_name() const {
    return node != nullptr && node->name != nullptr ? reinterpret_cast<const char*>(node->name) : "";
  }
  // Implicit on purpose: make_finding(rule, message, field.where) reads as a Location would.
  operator Location() const { return location(); }  // NOLINT(google-explicit-constructor)
};

// A time attribute as written, with its parsed value or the parse error.
struct Instant {
  bool present = false;
  std::string text;                 // as written
  std::optional<TimePoint> value;   // set when present and valid
  std::string error;                // set when present and invalid
  NodeRef where;                    // element + attribute
};

struct Attribute {
  std::string name;
  std::string name_format;
  std::string friendly_name;
  std::vector<std::string> values;   // whole text content of each AttributeValue
  std::vector<NodeRef> value_locations;  // parallel to values
  NodeRef where;
};

struct SubjectConfirmation {
  std::string method;
  bool has_data = false;
  Instant not_before;
  Instant not_on_or_after;
  std::string recipient;
  bool has_recipient = false;
  std::string in_response_to;
  NodeRef where;
};

struct AudienceRestriction {
  std::vector<std::string> audiences;
  NodeRef where;
};

struct Conditions {
  bool present = false;
  // Conditions other than AudienceRestriction, OneTimeUse and ProxyRestriction: the
  // assertion is Indeterminate to a relying party that cannot evaluate them.
  std::vector<NodeRef> unknown;
  Instant not_before;
  Instant not_on_or_after;
  std::vector<AudienceRestriction> audience_restrictions;
  NodeRef where;
};

struct AuthnStatement {
  Instant authn_instant;
  Instant session_not_on_or_after;
  std::string session_index;
  std::string authn_context_class;
  NodeRef where;
};

struct Assertion {
  const xmlNode* node = nullptr;   // valid while the Document lives
  std::string id;
  std::string version;
  Instant issue_instant;
  std::string issuer;
  bool has_issuer = false;
  bool has_subject = false;
  bool has_name_id = false;
  std::string name_id;
  std::string name_id_format;
  NodeRef name_id_where;
  // The Subject's saml:EncryptedID, if it has one (valid while the Document lives);
  // verify decrypts it into the name_id fields above (pipeline/encrypted_id.cpp).
  const xmlNode* encrypted_id = nullptr;
  std::vector<SubjectConfirmation> confirmations;
  Conditions conditions;
  std::vector<AuthnStatement> authn_statements;
  std::vector<Attribute> attributes;   // from every AttributeStatement, in order
  // Each extra occurrence of an element SAML allows once (Issuer, Subject, the Subject's
  // identifier, Conditions, a confirmation's SubjectConfirmationData): the model reads the
  // first, so a second one is a parser differential waiting to happen.
  std::vector<NodeRef> repeated;
  NodeRef where;

  // First attribute with that Name, or nullptr.
  const Attribute* find_attribute(std::string_view name) const;
};

struct Status {
  std::string code;              // top-level StatusCode Value
  std::string second_level;      // nested StatusCode Value, if any
  std::string message;
  bool present = false;
  NodeRef where;
};

struct Response {
  const xmlNode* node = nullptr;
  std::string id;
  std::string version;
  bool has_version = false;
  Instant issue_instant;
  std::string destination;
  bool has_destination = false;
  std::string in_response_to;
  std::string issuer;
  bool has_issuer = false;
  Status status;
  std::vector<NodeRef> repeated;  // an extra Issuer or Status (as Assertion::repeated)
  NodeRef where;
};

// Reads the Response element's own fields (not its assertion).
Response read_response(const xmlNode* response_element);
// Reads one saml:Assertion element. The caller decides whether the node is trusted.
Assertion read_assertion(const xmlNode* assertion_element);

}  // namespace saml
