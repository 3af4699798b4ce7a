#include "dsig/algorithms.h"

#include <array>
#include <utility>

namespace saml::detail {
namespace {

struct SignatureEntry {
  std::string_view uri;
  SignatureAlgorithm algorithm;
};

constexpr auto A = AlgorithmVerdict::Allowed;
constexpr auto S = AlgorithmVerdict::Sha1;

constexpr std::array kSignatureMethods = {
    SignatureEntry{"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", {A, KeyFamily::Rsa}},
    SignatureEntry{"http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", {A, KeyFamily::Rsa}},
    SignatureEntry{"http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", {A, KeyFamily::Rsa}},
    SignatureEntry{"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", {A, KeyFamily::Ec}},
    SignatureEntry{"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", {A, KeyFamily::Ec}},
    SignatureEntry{"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", {A, KeyFamily::Ec}},
    SignatureEntry{"http://www.w3.org/2000/09/xmldsig#rsa-sha1", {S, KeyFamily::Rsa}},
    SignatureEntry{"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1", {S, KeyFamily::Ec}},
};

constexpr std::array<std::pair<std::string_view, AlgorithmVerdict>, 4> kDigestMethods = {{
    {"http://www.w3.org/2001/04/xmlenc#sha256", A},
    {"http://www.w3.org/2001/04/xmldsig-more#sha384", A},
    {"http://www.w3.org/2001/04/xmlenc#sha512", A},
    {"http://www.w3.org/2000/09/xmldsig#sha1", S},
}};

}  // namespace

SignatureAlgorithm classify_signature_method(std::string_view uri) {
  for (const auto& entry : kSignatureMethods) {
    if (entry.uri == uri) return entry.algorithm;
  }
  // Every HMAC URI (xmldsig#hmac-sha1, xmldsig-more#hmac-sha256, ...) names "hmac".
  if (uri.find("hmac") != std::string_view::npos) return {AlgorithmVerdict::Hmac, KeyFamily::None};
  return {};
}

AlgorithmVerdict classify_digest_method(std::string_view uri) {
  for (const auto& [known, verdict] : kDigestMethods) {
    if (known == uri) return verdict;
  }
  return AlgorithmVerdict::Unsupported;
}

bool is_inclusive_c14n(std::string_view uri) { return uri == algo::c14n10 || uri == algo::c14n11; }

bool is_allowed_c14n(std::string_view uri) { return uri == algo::exc_c14n || is_inclusive_c14n(uri); }

}  // namespace saml::detail
