// The tools end without OpenSSL's clean-up at exit.
#pragma once

#include <openssl/crypto.h>

namespace samlkit {

// The first call of every tool's main. OpenSSL's clean-up at exit only frees memory the
// operating system takes back as the process ends (0.8M instructions, a twentieth of a
// one-shot saml-verify: docs/performance.md), so a tool asks OpenSSL not to register it;
// the library leaves it registered for the programs that embed it. The first
// OPENSSL_init_crypto decides; this one loads nothing (no configuration, no algorithms),
// so the library's own initialisation, which keeps openssl.cnf out, still chooses the rest.
// Inline on purpose: main's own reference to libcrypto makes it the first library the
// dynamic loader searches (tools/CMakeLists.txt).
inline void skip_openssl_cleanup_at_exit() { OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr); }

}  // namespace samlkit
