#include "options.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
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

// A config file's path value, relative to the file's folder. Which options take paths is
// what their declarations say: the value names FILE and PEM, and the FILE of ARN=FILE.
void resolve_path_value(const po::option_description& option, const std::filesystem::path& base,
                        std::string& value) {
  const std::string kind = option.semantic()->name();
  std::size_t path_start = 0;
  if (kind.rfind("ARN=FILE", 0) == 0) {
    path_start = value.find('=');
    if (path_start == std::string::npos) return;  // refused later, naming the option
    ++path_start;
  } else if (kind.rfind("FILE", 0) != 0 && kind.rfind("PEM", 0) != 0) {
    return;
  }
  const std::string path = value.substr(path_start);
  if (!path.empty() && std::filesystem::path(path).is_relative()) {
    value = value.substr(0, path_start) + (base / path).string();
  }
}

// Reads a config file's text as Boost does (throws po::error). The result points into
// `options`, which must outlive it.
po::parsed_options parse_config_text(const std::string& text, const po::options_description& options) {
  std::istringstream in(text);
  return po::parse_config_file(in, options);
}

// The first line of `text` by which `fails` holds for the lines up to it: where an error
// in a config file is (Boost names the option, not the line). 0 when no prefix fails.
template <class Fails>
int first_failing_line(const std::string& text, const Fails& fails) {
  std::istringstream in(text);
  std::string prefix;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    prefix += line + "\n";
    if (fails(prefix)) return number;
  }
  return 0;
}

std::string read_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw po::error("cannot read config file " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// The config file's variables alone (with the defaults), as when it is the whole command line.
po::variables_map variables_of_config(const std::string& text) {
  const po::options_description options = visible_options();
  po::variables_map vm;
  const char* argv[] = {"saml-lint"};
  po::store(po::command_line_parser(1, const_cast<char**>(argv)).options(options).run(), vm);
  po::store(parse_config_text(text, options), vm);
  po::notify(vm);
  return vm;
}

saml::Expected<saml::Ok> read_rule_config(const po::variables_map& vm, saml::LintConfig& config) {
  for (const std::string& id : cli::values_of(vm, "disable")) {
    if (auto ok = known_rule(id, "--disable"); !ok) return ok.error();
    config.enabled[id] = false;
  }
  for (const std::string& id : cli::values_of(vm, "enable")) {
    if (auto ok = known_rule(id, "--enable"); !ok) return ok.error();
    config.enabled[id] = true;
  }
  for (const std::string& pair : cli::values_of(vm, "severity")) {
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

namespace {

// "error|warning|info": the choices as --help shows them.
std::string severity_choices() {
  constexpr std::array kSeverities = {saml::Severity::Error, saml::Severity::Warning, saml::Severity::Info};
  return cli::choices_text(kSeverities, saml::severity_name);
}


}  // namespace

po::options_description visible_options() {
  po::options_description rules("Rules and output");
  rules.add_options()
      ("list-rules", "list every rule (--format text, markdown for the docs/rules.md page, or json)")
      ("explain", po::value<std::string>()->value_name("ID"), "explain one rule")
      ("disable", po::value<std::vector<std::string>>()->value_name("ID")->composing(),
       "turn a rule off (repeatable)")
      ("enable", po::value<std::vector<std::string>>()->value_name("ID")->composing(),
       "turn a rule back on, e.g. one the config file disables (repeatable; wins over --disable)")
      ("severity", po::value<std::vector<std::string>>()->value_name("ID=LEVEL")->composing(),
       "change a rule's severity to error, warning or info (repeatable)")
      ("fail-on", po::value<std::string>()->value_name(severity_choices())->default_value("error"),
       "exit 1 when a finding is at or above this severity: error, warning or info")
      ("config", po::value<std::string>()->value_name("FILE"),
       "INI file with the same options (default: ./.saml-lint.ini when present)")
      ("baseline", po::value<std::string>()->value_name("FILE"),
       "compare each response with this baseline; every difference is a DRF finding")
      ("write-baseline", po::value<std::string>()->value_name("FILE"),
       "write the baseline (signed values only) of the one response linted to FILE");
  po::options_description batch("Batch");
  batch.add_options()
      ("include", po::value<std::vector<std::string>>()->value_name("GLOB")->composing(),
       "in directories, lint only files whose name matches (repeatable; default: every file)")
      ("lines", po::bool_switch(), "each line of an input is one message: base64, or an NDJSON "
       "object with a SAMLResponse field")
      ("allow-empty", po::bool_switch(),
       "succeed when there is no message to lint (default: exit 2, so that a CI job whose "
       "--include matches nothing does not pass silently)")
      ("jobs,j", po::value<unsigned>()->value_name("N"), "threads (default: the number of cores)");
  po::options_description all(cli::kHelpWidth, cli::kHelpDescriptionWidth);
  all.add(cli::trust_options()).add(cli::time_options()).add(cli::profile_options())
      .add(cli::expectation_options()).add(cli::input_options()).add(cli::decryption_options())
      .add(cli::iam_options()).add(rules).add(cli::output_options(kFormats)).add(cli::output_file_options())
      .add(batch).add(cli::general_options());
  return all;
}

void store_config_file(po::variables_map& vm, ConfigFile& found) {
  if (vm.count("config")) {
    found.path = vm["config"].as<std::string>();
  } else if (std::filesystem::is_regular_file(kDefaultConfig)) {
    found = ConfigFile{kDefaultConfig, true};
  }
  if (found.path.empty()) return;
  const std::string text = read_text(found.path);
  const po::options_description options = visible_options();
  po::parsed_options parsed(&options);
  try {
    parsed = parse_config_text(text, options);
  } catch (const po::error& e) {
    const int line = first_failing_line(text, [&options](const std::string& prefix) {
      try {
        parse_config_text(prefix, options);
        return false;
      } catch (const po::error&) {
        return true;
      }
    });
    throw po::error(found.path + ":" + std::to_string(line) + ": " + e.what());
  }
  const std::filesystem::path base = std::filesystem::path(found.path).parent_path();
  for (po::option& option : parsed.options) {
    const po::option_description* declared = options.find_nothrow(option.string_key, false);
    if (declared == nullptr) continue;
    for (std::string& value : option.value) resolve_path_value(*declared, base, value);
  }
  po::store(parsed, vm);
}

namespace {

saml::Expected<Settings> settings_from(const po::variables_map& vm) {
  Settings settings;
  settings.inputs = cli::values_of(vm, "input");
  settings.metadata = cli::values_of(vm, "metadata");
  // --metadata alone lints just the metadata; otherwise no input means stdin.
  if (settings.inputs.empty() && settings.metadata.empty()) settings.inputs.push_back("-");
  settings.includes = cli::values_of(vm, "include");
  settings.lines = vm["lines"].as<bool>();
  settings.allow_empty = vm["allow-empty"].as<bool>();
  const unsigned cores = std::thread::hardware_concurrency();
  settings.jobs = vm.count("jobs") ? vm["jobs"].as<unsigned>() : (cores == 0 ? 1 : cores);
  if (settings.jobs == 0 || settings.jobs > 256) return config_error("--jobs: expected 1 to 256");
  auto format = cli::selected_format(vm, kFormats);
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
  if (auto expected = cli::apply_expectation_options(vm, policy); !expected) return expected.error();
  auto selection = cli::read_input_options(vm);
  if (!selection) return selection.error();
  settings.selection = *selection;
  return settings;
}

}  // namespace

saml::Expected<Settings> to_settings(const po::variables_map& vm, const ConfigFile& config_file) {
  auto settings = settings_from(vm);
  if (settings || config_file.path.empty()) return settings;
  // The same error from the file's lines alone: it is the file's; say where.
  const std::string message = settings.error().message;
  const std::string text = read_text(config_file.path);
  const int line = first_failing_line(text, [&](const std::string& prefix) {
    try {
      auto alone = settings_from(variables_of_config(prefix));
      return !alone && alone.error().message == message;
    } catch (const po::error&) {
      return false;
    }
  });
  if (line == 0) return settings;
  saml::Error error = settings.error();
  error.message = config_file.path + ":" + std::to_string(line) + ": " + message;
  return error;
}

}  // namespace samlkit::lint_tool
