// A thread's own OpenSSL library context. OpenSSL 3 keeps one method store, name map and
// property cache per library context, behind read-write locks and shared reference counts;
// threads that share the process's default context take those locks and counts dozens of
// times a message, and the cache lines bounce between cores. A worker thread that holds a
// ThreadCrypto, and verifies with a TrustStore::for_this_thread() made after it, shares
// none of them.
#pragma once

struct ossl_lib_ctx_st;

namespace saml {

class ThreadCrypto {
 public:
  // Creates a library context and makes it the calling thread's default (OpenSSL and
  // xmlsec then fetch algorithms and load keys in it). If OpenSSL cannot create one, the
  // thread keeps the process's default: slower under contention, never wrong.
  ThreadCrypto();
  // Gives the thread its previous default back and frees the context: everything loaded
  // in it (a trust store built after this object) must be gone by then.
  ~ThreadCrypto();
  ThreadCrypto(const ThreadCrypto&) = delete;
  ThreadCrypto& operator=(const ThreadCrypto&) = delete;

 private:
  ossl_lib_ctx_st* own_ = nullptr;
  ossl_lib_ctx_st* previous_ = nullptr;
};

}  // namespace saml
