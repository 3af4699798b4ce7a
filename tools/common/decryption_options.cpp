// The decryption option group shared by saml-decode, saml-verify and saml-lint.
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "saml/xmlenc.h"

namespace po = boost::program_options;

namespace samlkit::cli {
namespace {

constexpr std::size_t kMaxKeyFileBytes = 1024 * 1024;

}  // namespace

po::options_description decryption_options() {
  po::options_description options("Encrypted assertions");
  options.add_options()
      ("decrypt-key", po::value<std::vector<std::string>>()->value_name("PEM")->composing(),
       "SP private key (PEM, RSA, unencrypted) that may decrypt an EncryptedAssertion; "
       "repeatable for key rotation")
      ("allow-rsa15", po::bool_switch(),
       "accept RSA PKCS#1 v1.5 key transport (refused by default: padding-oracle risk)");
  return options;
}

saml::Expected<saml::Ok> apply_decryption_options(const po::variables_map& vm, saml::Policy& policy) {
  auto keys = std::make_shared<saml::DecryptionKeys>();
  if (vm.count("decrypt-key")) {
    for (const std::string& path : vm["decrypt-key"].as<std::vector<std::string>>()) {
      auto pem = read_file(path, kMaxKeyFileBytes, saml::ErrorKind::Config);
      if (!pem) {
        saml::Error error = pem.error();
        error.message = "--decrypt-key " + path + ": " + error.message;
        return error;
      }
      auto added = keys->add_pem_private_key(*pem, path);
      if (!added) return added.error();
    }
  }
  policy.decryption_keys = std::move(keys);
  policy.allow_rsa15 = vm.count("allow-rsa15") != 0 && vm["allow-rsa15"].as<bool>();
  return saml::Ok{};
}

}  // namespace samlkit::cli
