#include "options.h"

#include <filesystem>
#include <fstream>
#include <thread>

#include "cli.h"
#include "iam_options.h"

namespace po = boost::program_options;

namespace samlkit::lint_tool {
namespace {

constexpr const char* kDefaultConfig = ".saml-lint.ini";
constexpr std::size_t kMaxBaselineBytes = 1024 * 1024;

saml::Error config_error(std::string message) {
  return saml::Error{saml::ErrorKind::Config, saml::ErrorCode::CliLint, std::move(message), {}};
}

template <class T>
std::vector<T> values_of(const po::variables_map& vm, const char* name) {
  return vm.count(name) ? vm[name].as<std::vector<T>>() : std::vector<T>{};
}

std::optional<saml::Severity> parse_severity(std::string_view name) {
  for (saml::Severity severity : {saml::Severity::Info, saml::Severity::Warning, saml::Severity::Error}) {
    if (name == saml::severity_name(severity)) return severity;
  }
  return std::nullopt;
}

saml::Expected<saml::Ok> known_rule(const std::string& id, const std::string& option) {
  if (saml::find_rule(id) != nullptr) return saml::Ok{};
  return config_error(option + " " + id + ": unknown rule ID (saml-lint --list-rules lists them)");
}

saml::Expected<OutputFormat> parse_format(const std::string& name) {
  if (name == "text") return OutputFormat::Text;
  if (name == "json") return OutputFormat::Json;
  if (name == "sarif") return OutputFormat::Sarif;
  if (name == "junit") return OutputFormat::Junit;
  if (name == "html") return OutputFormat::Html;
  return config_error("--format " + name + ": expected text, json, sarif, junit or html");
}

saml::Expected<saml::Ok> read_rule_config(const po::variables_map& vm, saml::LintConfig& config) {
  for (const std::string& id : values_of<std::string>(vm, "disable")) {
    if (auto ok = known_rule(id, "--disable"); !ok) return ok.error();
    config.enabled[id] = false;
  }
  for (const std::string& id : values_of<std::string>(vm, "enable")) {
    if (auto ok = known_rule(id, "--enable"); !ok) return ok.error();
    config.enabled[id] = true;
  }
  for (const std::string& pair : values_of<std::string>(vm, "severity")) {
    const auto equals = pair.find('=');
    if (equals == std::string::npos) return config_error("--severity " + pair + ": expected ID=LEVEL");
    const std::string id = pair.substr(0, equals);
    if (auto ok = known_rule(id, "--severity"); !ok) return ok.error();
    const auto level = parse_severity(pair.substr(equals + 1));
    if (!level) return config_error("--severity " + pair + ": LEVEL is error, warning or info");
    config.severities[id] = *level;
  }
  const std::string fail_on = vm["fail-on"].as<std::string>();
  const auto level = parse_severity(fail_on);
  if (!level) return config_error("--fail-on " + fail_on + ": expected error, warning or info");
  config.fail_on = *level;
  return saml::Ok{};
}

}  // namespace

po::options_description visible_options() {
  po::options_description rules("Rules and output");
  rules.add_options()
      ("list-rules", "list every rule (with --format markdown: the docs/rules.md page)")
      ("explain", po::value<std::string>()->value_name("ID"), "explain one rule")
      ("disable", po::value<std::vector<std::string>>()->value_name("ID")->composing(),
       "turn a rule off (repeatable)")
      ("enable", po::value<std::vector<std::string>>()->value_name("ID")->composing(),
       "turn a rule back on, e.g. one the config file disables (repeatable; wins over --disable)")
      ("severity", po::value<std::vector<std::string>>()->value_name("ID=LEVEL")->composing(),
       "change a rule's severity to error, warning or info (repeatable)")
      ("fail-on", po::value<std::string>()->value_name("LEVEL")->default_value("error"),
       "exit 1 when a finding is at or above this severity: error, warning or info")
      ("format", po::value<std::string>()->value_name("FORMAT")->default_value("text"),
       "text, json (schema samlkit.lint/1), sarif (2.1.0), junit or html (one page; see --output); "
       "markdown for --list-rules")
      ("config", po::value<std::string>()->value_name("FILE"),
       "INI file with the same options (default: ./.saml-lint.ini when present)")
      ("baseline", po::value<std::string>()->value_name("FILE"),
       "compare each response with this baseline; every difference is a DRF finding")
      ("write-baseline", po::value<std::string>()->value_name("FILE"),
       "write the baseline (signed values only) of the one response linted to FILE");
  po::options_description checks("Expectations");
  checks.add_options()
      ("audience", po::value<std::vector<std::string>>()->value_name("URI")->composing(),
       "accepted audience, exact match (repeatable; default: the AWS audiences)")
      ("recipient", po::value<std::vector<std::string>>()->value_name("URL")->composing(),
       "accepted Recipient, exact match (repeatable; default: the AWS sign-in endpoints)")
      ("allow-sha1", po::bool_switch(), "accept RSA-SHA1/ECDSA-SHA1 signatures and SHA-1 digests")
      ("max-size", po::value<std::size_t>()->value_name("BYTES")->default_value(1024 * 1024),
       "largest decoded XML message accepted");
  po::options_description batch("Batch");
  batch.add_options()
      ("include", po::value<std::vector<std::string>>()->value_name("GLOB")->composing(),
       "in directories, lint only files whose name matches (repeatable; default: every file)")
      ("lines", po::bool_switch(), "each line of an input is one message: base64, or an NDJSON "
       "object with a SAMLResponse field")
      ("jobs,j", po::value<unsigned>()->value_name("N"), "threads (default: the number of cores)");
  po::options_description all;
  all.add(samlkit::cli::trust_options()).add(samlkit::cli::time_options()).add(samlkit::cli::profile_options()).add(checks)
      .add(samlkit::cli::input_options()).add(samlkit::cli::decryption_options())
      .add(samlkit::cli::iam_options()).add(rules).add(batch).add(samlkit::cli::output_options())
      .add(samlkit::cli::general_options());
  return all;
}

po::variables_map parse_command_line(int argc, char** argv) {
  po::options_description all = visible_options();
  all.add_options()("input", po::value<std::vector<std::string>>(), "inputs");
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
  std::string config_path;
  if (vm.count("config")) {
    config_path = vm["config"].as<std::string>();
  } else if (std::filesystem::is_regular_file(kDefaultConfig)) {
    config_path = kDefaultConfig;
  }
  if (!config_path.empty()) {
    std::ifstream file(config_path);
    if (!file) throw po::error("cannot read config file " + config_path);
    po::store(po::parse_config_file(file, visible_options()), vm);
  }
  po::notify(vm);
  return vm;
}

saml::Expected<Settings> to_settings(const po::variables_map& vm) {
  Settings settings;
  settings.inputs = values_of<std::string>(vm, "input");
  settings.metadata = values_of<std::string>(vm, "metadata");
  // --metadata alone lints just the metadata; otherwise no input means stdin.
  if (settings.inputs.empty() && settings.metadata.empty()) settings.inputs.push_back("-");
  settings.includes = values_of<std::string>(vm, "include");
  settings.lines = vm["lines"].as<bool>();
  const unsigned cores = std::thread::hardware_concurrency();
  settings.jobs = vm.count("jobs") ? vm["jobs"].as<unsigned>() : (cores == 0 ? 1 : cores);
  if (settings.jobs == 0 || settings.jobs > 256) return config_error("--jobs: expected 1 to 256");
  auto format = parse_format(vm["format"].as<std::string>());
  if (!format) return format.error();
  settings.format = *format;
  if (auto ok = read_rule_config(vm, settings.config); !ok) return ok.error();
  if (vm.count("write-baseline")) {
    settings.write_baseline = vm["write-baseline"].as<std::string>();
    settings.lint.record_baseline = true;
  }
  if (vm.count("baseline")) {
    const std::string path = vm["baseline"].as<std::string>();
    auto json = cli::read_file(path, kMaxBaselineBytes, saml::ErrorKind::Config);
    if (!json) return config_error("--baseline " + path + ": " + json.error().message);
    auto baseline = saml::baseline_from_json(*json, path);
    if (!baseline) return baseline.error();
    settings.lint.baseline = std::move(*baseline);
  }
  saml::Policy& policy = settings.lint.policy;
  if (auto profile = cli::apply_profile_options(vm, policy); !profile) return profile.error();
  if (auto applied = cli::apply_time_options(vm, policy); !applied) return applied.error();
  if (auto decryption = cli::apply_decryption_options(vm, policy); !decryption) return decryption.error();
  policy.audiences = values_of<std::string>(vm, "audience");
  policy.recipients = values_of<std::string>(vm, "recipient");
  policy.allow_sha1 = vm["allow-sha1"].as<bool>();
  const std::size_t max_size = vm["max-size"].as<std::size_t>();
  if (max_size == 0) return config_error("--max-size must be at least 1 byte");
  policy.capture_limits.max_xml_bytes = max_size;
  policy.parse_limits.max_bytes = max_size;
  auto selection = cli::read_input_options(vm);
  if (!selection) return selection.error();
  settings.selection = *selection;
  return settings;
}

}  // namespace samlkit::lint_tool
