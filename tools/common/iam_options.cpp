// The IAM, Okta and Identity Center options: declared, read and applied here for both tools.
#include "iam_options.h"

#include <string>
#include <vector>

#include "cli.h"

namespace po = boost::program_options;

namespace samlkit::cli {
namespace {

constexpr std::size_t kMaxIamFileBytes = 64 * 1024 * 1024;

saml::Error config_error(saml::ErrorCode code, std::string message) {
  return saml::Error{saml::ErrorKind::Config, code, std::move(message), {}};
}

saml::Expected<std::string> read_config_file(const std::string& path) {
  auto text = read_file(path, kMaxIamFileBytes, saml::ErrorKind::Config);
  if (!text) {
    saml::Error error = text.error();
    error.message = path + ": " + error.message;
    return error;
  }
  return text;
}

saml::Expected<saml::Ok> read_providers(const po::variables_map& vm, saml::iam::Config& setup,
                                        saml::TrustStore& trust) {
  for (const std::string& option : values_of(vm, "iam-saml-provider")) {
    const std::size_t equals = option.find('=');
    if (equals == std::string::npos) {
      return config_error(saml::ErrorCode::IamOption, "--iam-saml-provider " + option + ": expected ARN=FILE");
    }
    const std::string arn = option.substr(0, equals);
    const std::string path = option.substr(equals + 1);
    auto text = read_config_file(path);
    if (!text) return text.error();
    auto provider = saml::iam::read_saml_provider(*text, path, arn);
    if (!provider) return provider.error();
    auto added = trust.add_metadata(provider->metadata, path + " (SAMLMetadataDocument)");
    if (!added) return config_error(added.error().code, path + ": SAMLMetadataDocument: " + added.error().message);
    setup.inputs.providers.push_back(std::move(*provider));
  }
  return saml::Ok{};
}

saml::Expected<saml::Ok> read_okta(const po::variables_map& vm, saml::iam::Config& setup) {
  const bool asked = vm.count("okta-groups") || vm.count("okta-group-filter") ||
                     vm.count("okta-role-pattern") || vm.count("okta-provider");
  if (!asked) return saml::Ok{};
  if (!vm.count("okta-groups")) {
    return config_error(saml::ErrorCode::OktaOption, "the --okta-* options need --okta-groups FILE");
  }
  saml::iam::OktaConfig config;
  auto groups = read_config_file(vm["okta-groups"].as<std::string>());
  if (!groups) return groups.error();
  config.groups = saml::iam::read_group_list(*groups);
  config.group_filter = vm.count("okta-group-filter") ? vm["okta-group-filter"].as<std::string>()
                                                      : saml::iam::okta_default_group_filter();
  if (vm.count("okta-role-pattern")) {
    config.role_pattern = vm["okta-role-pattern"].as<std::string>();
  } else if (vm.count("okta-provider")) {
    config.role_pattern = saml::iam::okta_default_role_pattern(vm["okta-provider"].as<std::string>());
  } else {
    return config_error(saml::ErrorCode::OktaOption,
                        "--okta-groups needs --okta-role-pattern PATTERN or --okta-provider NAME "
                        "(the SAML provider's name in IAM, for the guide's default pattern)");
  }
  // A filter that does not compile is a configuration error, found before any message; the
  // groups are mapped once here, and each message is only compared with the result.
  auto mapping = saml::iam::resolve_okta(config, nullptr);
  if (!mapping) return mapping.error();
  setup.okta = std::move(*mapping);
  return saml::Ok{};
}

}  // namespace

po::options_description iam_options() {
  po::options_description options("AWS side (IAM roles, Okta group mapping, Identity Center)");
  options.add_options()
      ("iam", po::value<std::vector<std::string>>()->value_name("FILE")->composing(),
       "aws iam get-role, get-account-authorization-details or list-roles output, or a bare "
       "trust policy with --iam-role-arn (repeatable): decide each Role pair as STS would")
      ("iam-role-arn", po::value<std::string>()->value_name("ARN"),
       "the role a bare trust policy given with --iam belongs to")
      ("iam-saml-provider", po::value<std::vector<std::string>>()->value_name("ARN=FILE")->composing(),
       "aws iam get-saml-provider output for the provider ARN (repeatable): its metadata is "
       "trusted like --metadata, its ARN matched against each Role pair")
      ("okta-groups", po::value<std::string>()->value_name("FILE"),
       "the user's Okta groups, one per line: compare the Role values Okta would send")
      ("okta-group-filter", po::value<std::string>()->value_name("REGEX"),
       "Okta's Group Filter, with (?{{accountid}}...) and (?{{role}}...) (default: Okta's "
       "filter for aws#alias#role#account groups)")
      ("okta-role-pattern", po::value<std::string>()->value_name("PATTERN"),
       "Okta's Role Value Pattern with ${accountid} and ${role}")
      ("okta-provider", po::value<std::string>()->value_name("NAME"),
       "the SAML provider's name in IAM, for the default Role Value Pattern")
      ("identity-store", po::value<std::string>()->value_name("FILE"),
       "aws identitystore list-users output: which user the NameID matches");
  return options;
}

saml::Expected<saml::iam::Config> read_iam_config(const po::variables_map& vm, saml::TrustStore& trust) {
  saml::iam::Config setup;
  std::optional<std::string> role_arn;
  if (vm.count("iam-role-arn")) role_arn = vm["iam-role-arn"].as<std::string>();
  if (role_arn && !vm.count("iam")) {
    return config_error(saml::ErrorCode::IamOption, "--iam-role-arn names the role of a trust policy given with --iam");
  }
  for (const std::string& path : values_of(vm, "iam")) {
    auto text = read_config_file(path);
    if (!text) return text.error();
    auto read = saml::iam::read_iam_export(*text, path, role_arn, setup.inputs);
    if (!read) return read.error();
  }
  if (auto providers = read_providers(vm, setup, trust); !providers) return providers.error();
  if (auto okta = read_okta(vm, setup); !okta) return okta.error();
  if (vm.count("identity-store")) {
    const std::string path = vm["identity-store"].as<std::string>();
    auto text = read_config_file(path);
    if (!text) return text.error();
    auto users = saml::iam::read_identity_store(*text, path);
    if (!users) return users.error();
    setup.identity_store = std::move(*users);
  }
  return setup;
}

}  // namespace samlkit::cli
