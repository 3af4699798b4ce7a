// verify-xsw: signature wrapping, with a structure-aware custom mutator (xsw_mutator.h)
// that moves, copies, wraps, renames and edits elements of a signed Response and signs
// inside the harness (an attacker's key on anything; the IdP's key only on a fresh copy of
// the original assertion).
// Invariants: those of check_verdict (verdict_checks.h), no file or network access, and
// whenever verify accepts, the issuer, NameID, audiences, times, roles, RoleSessionName and
// SessionDuration it reports equal those of the originally signed assertion.
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "saml/verify.h"
#include "verdict_checks.h"
#include "xsw_mutator.h"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

// What an accepted verdict claims about the signed-in user, as one comparable text.
std::string claims_of(const saml::Verdict& verdict) {
  const saml::Assertion& a = *verdict.assertion;
  std::string claims = "issuer=" + a.issuer + "\nname_id=" + a.name_id + "\nissue_instant=" +
                       a.issue_instant.text + "\nnot_before=" + a.conditions.not_before.text +
                       "\nnot_on_or_after=" + a.conditions.not_on_or_after.text;
  for (const saml::AudienceRestriction& restriction : a.conditions.audience_restrictions) {
    for (const std::string& audience : restriction.audiences) claims += "\naudience=" + audience;
  }
  for (const saml::SubjectConfirmation& confirmation : a.confirmations) {
    claims += "\nconfirmation=" + confirmation.method + " " + confirmation.recipient + " " +
              confirmation.not_on_or_after.text;
  }
  for (const saml::AuthnStatement& authn : a.authn_statements) {
    claims += "\nauthn=" + authn.authn_instant.text + " " + authn.session_not_on_or_after.text;
  }
  const saml::AwsView& aws = *verdict.aws;
  for (const saml::RolePair& role : aws.roles) claims += "\nrole=" + role.raw;
  claims += "\nsession_name=" + aws.role_session_name.value_or("(none)");
  claims += "\nsession_duration=" + (aws.session_duration ? std::to_string(*aws.session_duration) : "(none)");
  return claims;
}

std::string& original_claims() {
  static std::string claims;
  return claims;
}

std::unique_ptr<fuzz::XswMutator>& mutator() {
  static std::unique_ptr<fuzz::XswMutator> instance;
  return instance;
}

std::size_t take(const std::string& mutated, std::uint8_t* data, std::size_t size, std::size_t max_size) {
  if (mutated.empty() || mutated.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
  std::memcpy(data, mutated.data(), mutated.size());
  return mutated.size();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  saml::Capture capture;
  capture.xml = std::string(fuzz::fixture::signed_assertion_xml);
  auto verdict = saml::verify_capture(capture, fuzz::idp_trust_store(), fuzz::fixture_policy());
  FUZZ_CHECK(verdict && verdict->accepted, "the embedded signed fixture must verify");
  original_claims() = claims_of(*verdict);
  // xmlsec is initialised now (by the library), so the harness can load its signing keys.
  mutator() = std::make_unique<fuzz::XswMutator>(fuzz::fixture::signed_assertion_xml);
  fuzz::install_io_tripwire();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!fuzz::input_fits(size)) return -1;
  saml::Capture capture;
  capture.xml = std::string(fuzz::as_text(data, size));
  auto verdict = saml::verify_capture(capture, fuzz::idp_trust_store(), fuzz::fixture_policy());
  if (verdict) {
    fuzz::check_verdict(*verdict, fuzz::idp_trust_store());
    if (verdict->accepted) {
      const std::string claims = claims_of(*verdict);
      FUZZ_CHECK(claims == original_claims(),
                 "accepted with claims that were never signed:\n" + claims + "\nsigned:\n" + original_claims());
    }
  }
  FUZZ_CHECK(fuzz::io_attempts() == 0, "the verifier tried to load " + fuzz::first_io_uri());
  return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  // One mutation in eight is libFuzzer's own, so byte-level damage is explored too.
  if (seed % 8 == 0) return LLVMFuzzerMutate(data, size, max_size);
  return take(mutator()->mutate(fuzz::as_text(data, size), seed), data, size, max_size);
}

extern "C" std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1,
                                                 const std::uint8_t* data2, std::size_t size2,
                                                 std::uint8_t* out, std::size_t max_out_size,
                                                 unsigned int seed) {
  const std::string mixed = mutator()->cross_over(fuzz::as_text(data1, size1), fuzz::as_text(data2, size2), seed);
  if (mixed.empty() || mixed.size() > max_out_size) return 0;
  std::memcpy(out, mixed.data(), mixed.size());
  return mixed.size();
}
