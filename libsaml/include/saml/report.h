// Report stage: verdicts as JSON (stable schema, see README) and as text for people, and
// the JSON layout every tool's report shares.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "saml/capture.h"
#include "saml/iam.h"
#include "saml/policy.h"
#include "saml/verify.h"

namespace saml {

struct TextStyle {
  bool color = false;
};

// One message's verdict as a JSON object (an element of the "messages" array of schema
// "samlkit.verify/2", docs/schema/saml-verify.schema.json). With `aws_side`, its members
// ("iam", "okta", "identity_store": those asked for) end the object.
std::string verdict_to_json(const Capture& capture, const Verdict& verdict, const Policy& policy,
                            const iam::AwsSide* aws_side = nullptr);
// Where a finding or error is, the same in every report: "line 3, column 5,
// /Response/Assertion@ID", or "byte 120 of the input" when only an offset is known; "" when
// nothing is.
std::string location_text(const Location& where);

// `aws_refusal`: why AWS would still refuse a message the checks accept (the AWS-side
// evaluation found no assumable role); it replaces the ACCEPTED headline.
std::string verdict_to_text(const Capture& capture, const Verdict& verdict, const Policy& policy,
                            const TextStyle& style = {}, std::string_view aws_refusal = {});

// How a tool's JSON report is laid out: one document {"schema": S, "messages": [...]}, with
// an entry per message also for one message (--json); or one compact object per line, each
// with its "schema" (--json-lines).
enum class JsonLayout { Document, Lines };

// Writes a JSON report a message at a time: begin(), message() per message object (as
// verdict_to_json or decode_to_json return it), end().
class JsonReport {
 public:
  JsonReport(std::string schema, JsonLayout layout) : schema_(std::move(schema)), layout_(layout) {}
  std::string begin() const;
  std::string message(std::string_view object_json);
  std::string end() const;

 private:
  std::string schema_;
  JsonLayout layout_;
  bool empty_ = true;
};

}  // namespace saml
