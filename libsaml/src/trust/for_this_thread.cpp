// TrustStore::for_this_thread: the trusted keys loaded again in the calling thread's own
// OpenSSL context (saml::ThreadCrypto), so that worker threads share no OpenSSL key.
#include "saml/trust.h"
#include "trust/certificate.h"
#include "trust/pinned_key.h"

namespace saml {

TrustStore TrustStore::for_this_thread() const {
  TrustStore copy = *this;
  for (TrustedKey& key : copy.keys_) {
    if (!key.pinned || key.pinned->spki_der.empty()) continue;
    const std::string& spki = key.pinned->spki_der;
    const auto public_key = detail::public_key_from_der(spki);
    if (!public_key) continue;  // keeps the shared key: correct, only shared
    auto pinned = detail::pin_public_key(public_key->get(), spki);
    if (pinned) key.pinned = std::move(*pinned);
  }
  return copy;
}

}  // namespace saml
