// One saml:Assertion element into the typed model. Only children in the assertion
// namespace are read, from the node given: never a document-wide search.
#include "model/instant.h"
#include "model/read_into.h"
#include "model/repeats.h"
#include "saml/model.h"
#include "saml/xml.h"

namespace saml {
namespace {

using detail::note_repeats;
using detail::read_instant;

// Calls `visit` for each element child of `parent` named {ns::assertion}local_name.
template <class Visit>
void for_each_child(const xmlNode* parent, std::string_view local_name, Visit visit) {
  for (const xmlNode* child = first_child(parent, ns::assertion, local_name); child != nullptr;
       child = next_sibling(child, ns::assertion, local_name)) {
    visit(child);
  }
}

void read_confirmation(const xmlNode* element, SubjectConfirmation& confirmation, std::vector<NodeRef>& repeated) {
  confirmation.where = NodeRef{element, {}};
  attribute_into(element, "Method", confirmation.method);
  const xmlNode* data = first_child(element, ns::assertion, "SubjectConfirmationData");
  note_repeats(element, ns::assertion, "SubjectConfirmationData", repeated);
  confirmation.has_data = data != nullptr;
  read_instant(data, "NotBefore", confirmation.not_before);
  read_instant(data, "NotOnOrAfter", confirmation.not_on_or_after);
  if (data != nullptr) {
    confirmation.has_recipient = attribute_into(data, "Recipient", confirmation.recipient);
    attribute_into(data, "InResponseTo", confirmation.in_response_to);
  }
}

void read_subject(const xmlNode* subject, Assertion& assertion) {
  assertion.has_subject = subject != nullptr;
  if (subject == nullptr) return;
  // One identifier: NameID, BaseID or EncryptedID, once.
  bool identified = false;
  for (const xmlNode* child = subject->children; child != nullptr; child = child->next) {
    const bool identifier = is_element(child, ns::assertion, "NameID") ||
                            is_element(child, ns::assertion, "BaseID") ||
                            is_element(child, ns::assertion, "EncryptedID");
    if (!identifier) continue;
    if (identified) assertion.repeated.push_back(NodeRef{child, {}});
    identified = true;
  }
  if (const xmlNode* name_id = first_child(subject, ns::assertion, "NameID")) {
    assertion.has_name_id = true;
    text_content_into(name_id, assertion.name_id);
    attribute_into(name_id, "Format", assertion.name_id_format);
    assertion.name_id_where = NodeRef{name_id, {}};
  }
  assertion.encrypted_id = first_child(subject, ns::assertion, "EncryptedID");
  for_each_child(subject, "SubjectConfirmation", [&](const xmlNode* element) {
    read_confirmation(element, assertion.confirmations.emplace_back(), assertion.repeated);
  });
}

void read_conditions(const xmlNode* element, Conditions& conditions) {
  conditions.present = element != nullptr;
  read_instant(element, "NotBefore", conditions.not_before);
  read_instant(element, "NotOnOrAfter", conditions.not_on_or_after);
  if (element == nullptr) return;
  conditions.where = NodeRef{element, {}};
  for (const xmlNode* child = element->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    const bool known = is_element(child, ns::assertion, "AudienceRestriction") ||
                       is_element(child, ns::assertion, "OneTimeUse") ||
                       is_element(child, ns::assertion, "ProxyRestriction");
    if (!known) conditions.unknown.push_back(NodeRef{child, {}});
  }
  for_each_child(element, "AudienceRestriction", [&](const xmlNode* restriction_element) {
    AudienceRestriction& restriction = conditions.audience_restrictions.emplace_back();
    restriction.where = NodeRef{restriction_element, {}};
    for_each_child(restriction_element, "Audience", [&](const xmlNode* audience) {
      text_content_into(audience, restriction.audiences.emplace_back());
    });
  });
}

void read_authn_statement(const xmlNode* element, AuthnStatement& statement) {
  statement.where = NodeRef{element, {}};
  read_instant(element, "AuthnInstant", statement.authn_instant);
  read_instant(element, "SessionNotOnOrAfter", statement.session_not_on_or_after);
  attribute_into(element, "SessionIndex", statement.session_index);
  if (const xmlNode* context = first_child(element, ns::assertion, "AuthnContext")) {
    if (const xmlNode* class_ref = first_child(context, ns::assertion, "AuthnContextClassRef")) {
      text_content_into(class_ref, statement.authn_context_class);
    }
  }
}

void read_attribute(const xmlNode* element, Attribute& attr) {
  attr.where = NodeRef{element, {}};
  attribute_into(element, "Name", attr.name);
  attribute_into(element, "NameFormat", attr.name_format);
  attribute_into(element, "FriendlyName", attr.friendly_name);
  const std::size_t value_count = count_children(element, ns::assertion, "AttributeValue");
  attr.values.reserve(value_count);
  attr.value_locations.reserve(value_count);
  for_each_child(element, "AttributeValue", [&](const xmlNode* value) {
    text_content_into(value, attr.values.emplace_back());
    attr.value_locations.push_back(NodeRef{value, {}});
  });
}

}  // namespace

void detail::read_assertion_into(const xmlNode* assertion_element, Assertion& assertion) {
  assertion.node = assertion_element;
  if (assertion_element == nullptr) return;
  assertion.where = NodeRef{assertion_element, {}};
  attribute_into(assertion_element, "ID", assertion.id);
  attribute_into(assertion_element, "Version", assertion.version);
  read_instant(assertion_element, "IssueInstant", assertion.issue_instant);
  if (const xmlNode* issuer = first_child(assertion_element, ns::assertion, "Issuer")) {
    assertion.has_issuer = true;
    text_content_into(issuer, assertion.issuer);
  }
  note_repeats(assertion_element, ns::assertion, "Issuer", assertion.repeated);
  note_repeats(assertion_element, ns::assertion, "Subject", assertion.repeated);
  note_repeats(assertion_element, ns::assertion, "Conditions", assertion.repeated);
  read_subject(first_child(assertion_element, ns::assertion, "Subject"), assertion);
  read_conditions(first_child(assertion_element, ns::assertion, "Conditions"), assertion.conditions);
  for_each_child(assertion_element, "AuthnStatement", [&](const xmlNode* element) {
    read_authn_statement(element, assertion.authn_statements.emplace_back());
  });
  std::size_t attribute_count = 0;
  for_each_child(assertion_element, "AttributeStatement", [&](const xmlNode* statement) {
    attribute_count += count_children(statement, ns::assertion, "Attribute");
  });
  assertion.attributes.reserve(attribute_count);
  for_each_child(assertion_element, "AttributeStatement", [&](const xmlNode* statement) {
    for_each_child(statement, "Attribute", [&](const xmlNode* element) {
      read_attribute(element, assertion.attributes.emplace_back());
    });
  });
}

Assertion read_assertion(const xmlNode* assertion_element) {
  Assertion assertion;
  detail::read_assertion_into(assertion_element, assertion);
  return assertion;
}

}  // namespace saml
