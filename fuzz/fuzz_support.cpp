#include "fuzz_support.h"

#include <libxml/xmlIO.h>
#include <xmlsec/io.h>

#include <cstdio>
#include <cstdlib>

namespace fuzz {
namespace {

saml::TrustStore make_idp_trust_store() {
  saml::TrustStore store;
  auto added = store.add_pem_certificates(fixture::idp_rsa_crt, "embedded idp-rsa.crt");
  FUZZ_CHECK(added && *added == 1, "the embedded idp-rsa.crt must load");
  return store;
}

saml::Policy make_fixture_policy() {
  saml::Policy policy;
  auto now = saml::parse_xs_datetime("2024-05-01T12:01:00Z");
  FUZZ_CHECK(now.has_value(), "the fixtures' evaluation time must parse");
  policy.now = *now;
  return policy;
}

std::size_t io_attempt_count = 0;
std::string io_first_uri;

int claim_every_uri(const char* uri) {
  if (io_attempt_count++ == 0) io_first_uri = uri != nullptr ? uri : "(null)";
  return 1;
}
void* refuse_open(const char* /*uri*/) { return nullptr; }
int refuse_read(void* /*context*/, char* /*buffer*/, int /*length*/) { return -1; }
int refuse_close(void* /*context*/) { return 0; }
int refuse_write(void* /*context*/, const char* /*buffer*/, int /*length*/) { return -1; }

}  // namespace

void fail(const char* invariant, std::string_view detail, const char* file, int line) {
  std::fprintf(stderr, "\n==samlkit-fuzz== INVARIANT VIOLATED at %s:%d\n  check: %s\n  case: %.*s\n",
               file, line, invariant, static_cast<int>(detail.size()), detail.data());
  std::fflush(stderr);
  __builtin_trap();
}

const saml::TrustStore& idp_trust_store() {
  static const saml::TrustStore store = make_idp_trust_store();
  return store;
}

const saml::Policy& fixture_policy() {
  static const saml::Policy policy = make_fixture_policy();
  return policy;
}

void install_io_tripwire() {
  xmlCleanupInputCallbacks();
  xmlRegisterInputCallbacks(claim_every_uri, refuse_open, refuse_read, refuse_close);
  xmlCleanupOutputCallbacks();
  xmlRegisterOutputCallbacks(claim_every_uri, refuse_open, refuse_write, refuse_close);
  xmlSecIOCleanupCallbacks();
  FUZZ_CHECK(xmlSecIORegisterCallbacks(claim_every_uri, refuse_open, refuse_read, refuse_close) == 0,
             "xmlsec must accept the tripwire I/O callbacks");
}

std::size_t io_attempts() { return io_attempt_count; }
const std::string& first_io_uri() { return io_first_uri; }

}  // namespace fuzz
