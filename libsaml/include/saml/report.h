// Report stage: verdicts as JSON (stable schema, see README) and as text for people.
#pragma once

#include <string>

#include "saml/capture.h"
#include "saml/policy.h"
#include "saml/verify.h"

namespace saml {

struct TextStyle {
  bool color = false;
};

std::string verdict_to_json(const Capture& capture, const Verdict& verdict, const Policy& policy);
std::string verdict_to_text(const Capture& capture, const Verdict& verdict, const Policy& policy,
                            const TextStyle& style = {});

}  // namespace saml
