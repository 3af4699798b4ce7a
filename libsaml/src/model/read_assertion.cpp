// One saml:Assertion element into the typed model. Only children in the assertion
// namespace are read, from the node given: never a document-wide search.
#include "model/instant.h"
#include "model/repeats.h"
#include "saml/model.h"
#include "saml/xml.h"

namespace saml {
namespace {

using detail::note_repeats;
using detail::read_instant;
using detail::read_optional_attribute;

// Calls `visit` for each element child of `parent` named {ns::assertion}local_name.
template <class Visit>
void for_each_child(const xmlNode* parent, std::string_view local_name, Visit visit) {
  for (const xmlNode* child = first_child(parent, ns::assertion, local_name); child != nullptr;
       child = next_sibling(child, ns::assertion, local_name)) {
    visit(child);
  }
}

SubjectConfirmation read_confirmation(const xmlNode* element, std::vector<NodeRef>& repeated) {
  SubjectConfirmation confirmation;
  confirmation.where = NodeRef{element, {}};
  confirmation.method = attribute(element, "Method");
  const xmlNode* data = first_child(element, ns::assertion, "SubjectConfirmationData");
  note_repeats(element, ns::assertion, "SubjectConfirmationData", repeated);
  confirmation.has_data = data != nullptr;
  confirmation.not_before = read_instant(data, "NotBefore");
  confirmation.not_on_or_after = read_instant(data, "NotOnOrAfter");
  if (data != nullptr) {
    confirmation.has_recipient = read_optional_attribute(data, "Recipient", confirmation.recipient);
    confirmation.in_response_to = attribute(data, "InResponseTo");
  }
  return confirmation;
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
    assertion.name_id = text_content(name_id);
    assertion.name_id_format = attribute(name_id, "Format");
    assertion.name_id_where = NodeRef{name_id, {}};
  }
  assertion.encrypted_id = first_child(subject, ns::assertion, "EncryptedID");
  for_each_child(subject, "SubjectConfirmation", [&](const xmlNode* element) {
    assertion.confirmations.push_back(read_confirmation(element, assertion.repeated));
  });
}

Conditions read_conditions(const xmlNode* element) {
  Conditions conditions;
  conditions.present = element != nullptr;
  conditions.not_before = read_instant(element, "NotBefore");
  conditions.not_on_or_after = read_instant(element, "NotOnOrAfter");
  if (element == nullptr) return conditions;
  conditions.where = NodeRef{element, {}};
  for (const xmlNode* child = element->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    const bool known = is_element(child, ns::assertion, "AudienceRestriction") ||
                       is_element(child, ns::assertion, "OneTimeUse") ||
                       is_element(child, ns::assertion, "ProxyRestriction");
    if (!known) conditions.unknown.push_back(NodeRef{child, {}});
  }
  for_each_child(element, "AudienceRestriction", [&](const xmlNode* restriction_element) {
    AudienceRestriction restriction;
    restriction.where = NodeRef{restriction_element, {}};
    for_each_child(restriction_element, "Audience", [&](const xmlNode* audience) {
      restriction.audiences.push_back(text_content(audience));
    });
    conditions.audience_restrictions.push_back(std::move(restriction));
  });
  return conditions;
}

AuthnStatement read_authn_statement(const xmlNode* element) {
  AuthnStatement statement;
  statement.where = NodeRef{element, {}};
  statement.authn_instant = read_instant(element, "AuthnInstant");
  statement.session_not_on_or_after = read_instant(element, "SessionNotOnOrAfter");
  statement.session_index = attribute(element, "SessionIndex");
  if (const xmlNode* context = first_child(element, ns::assertion, "AuthnContext")) {
    if (const xmlNode* class_ref = first_child(context, ns::assertion, "AuthnContextClassRef")) {
      statement.authn_context_class = text_content(class_ref);
    }
  }
  return statement;
}

Attribute read_attribute(const xmlNode* element) {
  Attribute attr;
  attr.where = NodeRef{element, {}};
  attr.name = attribute(element, "Name");
  attr.name_format = attribute(element, "NameFormat");
  attr.friendly_name = attribute(element, "FriendlyName");
  const std::size_t value_count = count_children(element, ns::assertion, "AttributeValue");
  attr.values.reserve(value_count);
  attr.value_locations.reserve(value_count);
  for_each_child(element, "AttributeValue", [&](const xmlNode* value) {
    attr.values.push_back(text_content(value));
    attr.value_locations.push_back(NodeRef{value, {}});
  });
  return attr;
}

}  // namespace

Assertion read_assertion(const xmlNode* assertion_element) {
  Assertion assertion;
  assertion.node = assertion_element;
  if (assertion_element == nullptr) return assertion;
  assertion.where = NodeRef{assertion_element, {}};
  assertion.id = attribute(assertion_element, "ID");
  assertion.version = attribute(assertion_element, "Version");
  assertion.issue_instant = read_instant(assertion_element, "IssueInstant");
  if (const xmlNode* issuer = first_child(assertion_element, ns::assertion, "Issuer")) {
    assertion.has_issuer = true;
    assertion.issuer = text_content(issuer);
  }
  note_repeats(assertion_element, ns::assertion, "Issuer", assertion.repeated);
  note_repeats(assertion_element, ns::assertion, "Subject", assertion.repeated);
  note_repeats(assertion_element, ns::assertion, "Conditions", assertion.repeated);
  read_subject(first_child(assertion_element, ns::assertion, "Subject"), assertion);
  assertion.conditions =
      read_conditions(first_child(assertion_element, ns::assertion, "Conditions"));
  for_each_child(assertion_element, "AuthnStatement", [&](const xmlNode* element) {
    assertion.authn_statements.push_back(read_authn_statement(element));
  });
  std::size_t attribute_count = 0;
  for_each_child(assertion_element, "AttributeStatement", [&](const xmlNode* statement) {
    attribute_count += count_children(statement, ns::assertion, "Attribute");
  });
  assertion.attributes.reserve(attribute_count);
  for_each_child(assertion_element, "AttributeStatement", [&](const xmlNode* statement) {
    for_each_child(statement, "Attribute", [&](const xmlNode* element) {
      assertion.attributes.push_back(read_attribute(element));
    });
  });
  return assertion;
}

}  // namespace saml
