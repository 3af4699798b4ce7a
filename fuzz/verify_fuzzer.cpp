// verify: the whole verifier (decode_capture + verify_capture, as saml-verify runs it) with
// the fixtures' IdP certificate as the only trusted key and the fixtures' time.
// Invariants: those of check_verdict (verdict_checks.h): an accept means the signed element
// is the Signature's parent, its ID is unique, the algorithms are allowed, the assertion read
// is the covered one; and for every input, accepted or not, no file or network was touched.
#include <string>

#include "fuzz_support.h"
#include "saml/verify.h"
#include "verdict_checks.h"

namespace {

void verify_one(std::string_view input) {
  const saml::Policy& policy = fuzz::fixture_policy();
  auto captures = saml::decode_capture(input, "fuzz", policy.capture_limits);
  if (!captures) return;
  for (const saml::Capture& capture : *captures) {
    auto verdict = saml::verify_capture(capture, fuzz::idp_trust_store(), policy);
    if (!verdict) {
      FUZZ_CHECK(!verdict.error().message.empty(), "verify_capture failed without a message");
      continue;
    }
    fuzz::check_verdict(*verdict, fuzz::idp_trust_store());
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  // The embedded fixture must verify; that also initialises libxml2 and xmlsec before the
  // tripwire replaces their loaders.
  saml::Capture capture;
  capture.xml = std::string(fuzz::fixture::signed_assertion_xml);
  auto verdict = saml::verify_capture(capture, fuzz::idp_trust_store(), fuzz::fixture_policy());
  FUZZ_CHECK(verdict && verdict->accepted, "the embedded signed fixture must verify");
  fuzz::install_io_tripwire();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!fuzz::input_fits(size)) return -1;
  verify_one(fuzz::as_text(data, size));
  FUZZ_CHECK(fuzz::io_attempts() == 0, "the verifier tried to load " + fuzz::first_io_uri());
  return 0;
}
