// The SAML checks both floors do after the signature, hand-written and minimal: what AWS
// rejects a response for (status, Destination, issuer, bearer confirmation with Recipient
// and expiry, the time window, the audience, the two required attributes). Nothing else:
// no profile, no model, no findings.
#pragma once

#include <libxml/tree.h>

#include <ctime>

namespace samlbench {

const xmlNode* child_named(const xmlNode* parent, const char* local_name);

// True when the response and its (verified) assertion pass the checks at `now`.
bool floor_saml_checks(const xmlNode* response, const xmlNode* assertion, std::time_t now);

}  // namespace samlbench
