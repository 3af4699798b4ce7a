// trust: loading keys. The first byte picks the loader, the rest is its input:
//   0 PEM certificates, 1 IdP metadata XML, 2 a SHA-256 fingerprint, 3 one DER certificate.
// Invariants:
//   - a PEM load that succeeds adds exactly the certificates it reports, each pinned, and
//     OpenSSL reads the same distinct certificates (same SHA-256 fingerprints, same order);
//     each fingerprint is the SHA-256 of the bytes of its PEM block (of the whole input
//     when it is a DER file, which the PEM loader also takes);
//   - a metadata load that succeeds adds as many pinned keys as it reports (each distinct
//     certificate once), each with the SHA-256 of an X509Certificate's bytes as fingerprint;
//   - a parsed fingerprint prints as 32 upper-case hex pairs with colons and parses back
//     to itself;
//   - a described DER certificate's fingerprint is the SHA-256 of the input bytes, and it
//     has both a key type and a size or (a key OpenSSL cannot decode) neither;
//   - every refusal has a code and a message, and a refused load adds nothing.
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "saml/trust.h"
#include "saml/xml.h"

namespace {

struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct X509Deleter {
  void operator()(X509* cert) const { X509_free(cert); }
};

saml::Sha256 sha256_of(const unsigned char* bytes, std::size_t size) {
  saml::Sha256 digest{};
  unsigned int length = 0;
  FUZZ_CHECK(EVP_Digest(bytes, size, digest.data(), &length, EVP_sha256(), nullptr) == 1 && length == 32,
             "OpenSSL SHA-256 failed");
  return digest;
}

// The SHA-256 of each CERTIFICATE block's bytes in a PEM text, in order.
std::vector<saml::Sha256> pem_block_digests(std::string_view pem, const char* label = PEM_STRING_X509) {
  std::vector<saml::Sha256> digests;
  std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  unsigned char* block = nullptr;
  long length = 0;
  while (PEM_bytes_read_bio(&block, &length, nullptr, label, bio.get(), nullptr, nullptr) == 1) {
    digests.push_back(sha256_of(block, static_cast<std::size_t>(length)));
    OPENSSL_free(block);
  }
  return digests;
}

// The SHA-256 of the bytes of every X509Certificate (base64 text) of a metadata document.
std::vector<saml::Sha256> metadata_certificate_digests(std::string_view xml) {
  std::vector<saml::Sha256> digests;
  auto doc = saml::parse_xml(xml);
  FUZZ_CHECK(doc.has_value(), "metadata that loaded does not parse");
  saml::for_each_element(doc->root(), [&](const xmlNode* element) {
    if (!saml::is_element(element, saml::ns::dsig, "X509Certificate")) return;
    std::string base64;
    for (const char c : saml::text_content(element)) {
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') base64 += c;
    }
    // EVP_DecodeBlock counts the padding as data.
    const std::size_t padding = base64.ends_with("==") ? 2 : base64.ends_with('=') ? 1 : 0;
    std::string der(base64.size() / 4 * 3 + 3, '\0');
    const int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(der.data()),
                                        reinterpret_cast<const unsigned char*>(base64.data()),
                                        static_cast<int>(base64.size()));
    if (written < 0 || static_cast<std::size_t>(written) < padding) return;
    der.resize(static_cast<std::size_t>(written) - padding);
    digests.push_back(sha256_of(reinterpret_cast<const unsigned char*>(der.data()), der.size()));
  });
  return digests;
}

// Each digest once, in the order first seen (the store adds a repeated certificate once).
std::vector<saml::Sha256> distinct(const std::vector<saml::Sha256>& digests) {
  std::vector<saml::Sha256> once;
  for (const saml::Sha256& digest : digests) {
    if (std::find(once.begin(), once.end(), digest) == once.end()) once.push_back(digest);
  }
  return once;
}

// The fingerprints of the certificates OpenSSL reads from a PEM text, in order.
std::vector<saml::Sha256> openssl_pem_fingerprints(std::string_view pem) {
  std::vector<saml::Sha256> fingerprints;
  std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  while (true) {
    std::unique_ptr<X509, X509Deleter> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (cert == nullptr) break;
    unsigned char* der = nullptr;
    const int length = i2d_X509(cert.get(), &der);
    if (length <= 0) break;
    fingerprints.push_back(sha256_of(der, static_cast<std::size_t>(length)));
    OPENSSL_free(der);
  }
  return fingerprints;
}

template <class T>
void check_refusal(const saml::Expected<T>& result, const saml::TrustStore& store, const char* what) {
  FUZZ_CHECK(!result.error().code.empty() && !result.error().message.empty(),
             std::string(what) + ": a refusal without code or message");
  FUZZ_CHECK(store.empty(), std::string(what) + ": a refused load left keys in the store");
}

void check_keys_pinned(const saml::TrustStore& store, int added, const char* what) {
  FUZZ_CHECK(added > 0 && store.keys().size() == static_cast<std::size_t>(added),
             std::string(what) + ": the store does not hold the keys reported added");
  for (const saml::TrustedKey& key : store.keys()) {
    FUZZ_CHECK(key.pinned != nullptr, std::string(what) + ": a trusted key is not pinned");
  }
}

void load_pem(std::string_view pem) {
  saml::TrustStore store;
  auto added = store.add_pem_certificates(pem, "fuzz");
  if (!added) return check_refusal(added, store, "PEM");
  check_keys_pinned(store, *added, "PEM");
  if (pem.find("-----BEGIN") == std::string_view::npos) {  // the loader also takes a DER file
    FUZZ_CHECK(store.keys().size() == 1 &&
                   store.keys()[0].certificate.fingerprint ==
                       sha256_of(reinterpret_cast<const unsigned char*>(pem.data()), pem.size()),
               "DER file: the fingerprint is not the SHA-256 of the file");
    return;
  }
  const std::vector<saml::Sha256> expected = distinct(openssl_pem_fingerprints(pem));
  const std::vector<saml::Sha256> blocks = distinct(pem_block_digests(pem));
  FUZZ_CHECK(expected.size() == store.keys().size(), "PEM: OpenSSL reads a different number of certificates");
  FUZZ_CHECK(blocks.size() == store.keys().size(), "PEM: the text has a different number of certificate blocks");
  for (std::size_t i = 0; i < expected.size(); ++i) {
    FUZZ_CHECK(store.keys()[i].certificate.fingerprint == expected[i],
               "PEM: certificate " + std::to_string(i) + " has another fingerprint in OpenSSL");
    FUZZ_CHECK(store.keys()[i].certificate.fingerprint == blocks[i],
               "PEM: certificate " + std::to_string(i) + "'s fingerprint is not the SHA-256 of its block");
  }
}

// Bare public keys (--pubkey): each distinct PUBLIC KEY block once, fingerprinted by its
// bytes, with no certificate details.
void load_public_keys(std::string_view pem) {
  saml::TrustStore store;
  auto added = store.add_pem_public_keys(pem, "fuzz");
  if (!added) return check_refusal(added, store, "public key");
  const std::vector<saml::Sha256> blocks = distinct(pem_block_digests(pem, PEM_STRING_PUBLIC));
  FUZZ_CHECK(blocks.size() == store.keys().size(), "public key: the text has a different number of key blocks");
  if (*added == 0) return;
  check_keys_pinned(store, *added, "public key");
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const saml::TrustedKey& key = store.keys()[i];
    FUZZ_CHECK(key.public_key_only && key.certificate.subject.empty() && !key.certificate.not_after,
               "public key: a bare key with certificate details");
    FUZZ_CHECK(key.certificate.fingerprint == blocks[i] && key.certificate.public_key_fingerprint == blocks[i],
               "public key " + std::to_string(i) + "'s fingerprint is not the SHA-256 of its block");
  }
}

void load_metadata(std::string_view xml) {
  saml::TrustStore store;
  auto added = store.add_metadata(xml, "fuzz");
  if (!added) return check_refusal(added, store, "metadata");
  check_keys_pinned(store, *added, "metadata");
  const std::vector<saml::Sha256> certificates = metadata_certificate_digests(xml);
  for (const saml::TrustedKey& key : store.keys()) {
    FUZZ_CHECK(std::find(certificates.begin(), certificates.end(), key.certificate.fingerprint) != certificates.end(),
               "metadata: a key's fingerprint is not the SHA-256 of any X509Certificate's bytes");
  }
}

void load_fingerprint(std::string_view text) {
  auto parsed = saml::parse_fingerprint(text);
  if (!parsed) {
    FUZZ_CHECK(!parsed.error().message.empty(), "fingerprint: a refusal without a message");
    return;
  }
  const std::string printed = saml::format_fingerprint(*parsed);
  FUZZ_CHECK(printed.size() == 95, "fingerprint printed as " + printed);
  for (std::size_t i = 0; i < printed.size(); ++i) {
    const char c = printed[i];
    const bool ok = i % 3 == 2 ? c == ':' : ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'));
    FUZZ_CHECK(ok, "fingerprint printed as " + printed);
  }
  auto again = saml::parse_fingerprint(printed);
  FUZZ_CHECK(again && *again == *parsed, "the printed fingerprint does not parse back");
  saml::TrustStore store;
  FUZZ_CHECK(store.add_fingerprint(text).has_value() && store.fingerprints().size() == 1 &&
                 store.fingerprints().front() == *parsed,
             "add_fingerprint disagrees with parse_fingerprint");
}

void load_der(std::string_view der) {
  auto info = saml::inspect_certificate_der(der);
  if (!info) {
    FUZZ_CHECK(!info.error().message.empty(), "DER: a refusal without a message");
    return;
  }
  FUZZ_CHECK(info->fingerprint == sha256_of(reinterpret_cast<const unsigned char*>(der.data()), der.size()),
             "DER: the fingerprint is not the SHA-256 of the certificate bytes");
  // A key OpenSSL cannot decode is described with no type and no size, never half of it.
  FUZZ_CHECK(info->key_type.empty() == (info->key_bits == 0), "DER: key type and key size disagree");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!fuzz::input_fits(size) || size == 0) return -1;
  const std::string_view input = fuzz::as_text(data + 1, size - 1);
  switch (data[0] % 5) {
    case 0: load_pem(input); break;
    case 1: load_metadata(input); break;
    case 2: load_fingerprint(input); break;
    case 3: load_der(input); break;
    default: load_public_keys(input); break;
  }
  return 0;
}
