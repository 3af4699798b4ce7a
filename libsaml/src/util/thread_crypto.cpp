#include "saml/thread_crypto.h"

#include <openssl/crypto.h>

#include "util/xmlsec_runtime.h"

namespace saml {

ThreadCrypto::ThreadCrypto() {
  detail::ensure_xmlsec_initialised();
  own_ = OSSL_LIB_CTX_new();
  if (own_ != nullptr) previous_ = OSSL_LIB_CTX_set0_default(own_);
}

ThreadCrypto::~ThreadCrypto() {
  if (own_ == nullptr) return;
  OSSL_LIB_CTX_set0_default(previous_);
  OSSL_LIB_CTX_free(own_);
}

}  // namespace saml
