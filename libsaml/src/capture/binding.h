// The SAML binding parameters (SAMLResponse/SAMLRequest, RelayState, SigAlg, Signature)
// among the fields of a form body or URL query, and decoding them into a Capture.
#pragma once

#include <string_view>
#include <vector>

#include "capture/form_body.h"
#include "saml/capture.h"
#include "saml/error.h"

namespace saml {

// "SAMLResponse" or "SAMLRequest".
bool is_message_field(std::string_view name);

// Whether the text contains "SAMLResponse=" or "SAMLRequest=" anywhere.
bool mentions_message_field(std::string_view text);

struct BindingFields {
  const FormField* message = nullptr;  // null when there is no SAML message field
  const FormField* relay_state = nullptr;
  const FormField* sig_alg = nullptr;
  const FormField* signature = nullptr;
};

// Points into `fields`; two message fields are an error "capture.form".
Expected<BindingFields> find_binding_fields(const std::vector<FormField>& fields);

enum class FieldEncoding {
  Encoded,      // values are percent-encoded (form body, URL query): a bad escape is an error
  MaybeDecoded,  // values may already be decoded (HAR params, SAML-tracer): one that is not
                 // valid percent-encoding is taken as it is
  Literal        // values are the text itself (an HTML form's inputs)
};

// Decodes the message (percent-escapes, base64, DEFLATE if it is not XML) and the other
// parameters; fills xml, origin.field, relay_state, sig_alg, signature, base64_length and
// deflated. In the message value '+' stays '+': base64 has no spaces, so a raw '+' is one
// the encoder forgot to escape. In the other values '+' is a space.
Expected<Capture> decode_binding(const BindingFields& fields, FieldEncoding encoding,
                                 const CaptureLimits& limits);

}  // namespace saml
