// saml-lint: every rule of the rule table over captured SAML Responses, for CI.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <variant>

#include "baseline_output.h"
#include "batch.h"
#include "cli.h"
#include "openssl_at_exit.h"
#include "inputs.h"
#include "iam_options.h"
#include "metadata_inputs.h"
#include "options.h"
#include "saml/lint.h"

namespace po = boost::program_options;
namespace cli = samlkit::cli;
namespace tool = samlkit::lint_tool;

namespace {

constexpr const char* kTool = "saml-lint";

void print_usage(const po::options_description& visible) {
  std::cout << "Usage: saml-lint [OPTIONS] [INPUT...]\n"
               "Lint captured SAML Responses (files, directories, - for stdin; any capture form\n"
               "saml-verify reads) with every rule of the rule table, for CI.\n"
               "Exit status: 0 no finding at --fail-on or above, 1 findings, 2 usage or\n"
               "configuration error (also: nothing to lint, or the report could not be\n"
               "written), 3 an input could not be read or decoded.\n\n"
            << visible;
}

int usage_error(const std::string& message) {
  std::cerr << kTool << ": " << message << "\nTry 'saml-lint --help'.\n";
  return cli::kExitUsage;
}

// --list-rules and --explain: the rule table, no input read.
int print_rules(const po::variables_map& vm) {
  if (vm.count("explain")) {
    const std::string id = vm["explain"].as<std::string>();
    const saml::Rule* rule = saml::find_rule(id);
    if (rule == nullptr) return usage_error("--explain " + id + ": unknown rule ID");
    std::cout << saml::explain_rule(*rule);
    return cli::kExitPass;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format == "markdown") {
    std::cout << saml::rules_to_markdown();
  } else if (format == "json") {
    std::cout << saml::rules_to_json();
  } else if (format == "text") {
    std::cout << saml::rules_to_text();
  } else {
    return usage_error("--list-rules --format " + format + ": expected text, markdown or json");
  }
  return cli::kExitPass;
}

saml::LintReportFormat report_format(cli::Format format) {
  switch (format) {
    case cli::Format::Text: return saml::LintReportFormat::Text;
    case cli::Format::Json: return saml::LintReportFormat::Json;
    case cli::Format::JsonLines: return saml::LintReportFormat::JsonLines;
    case cli::Format::Sarif: return saml::LintReportFormat::Sarif;
    case cli::Format::Junit: return saml::LintReportFormat::Junit;
    case cli::Format::Html: return saml::LintReportFormat::Html;
  }
  return saml::LintReportFormat::Text;
}

int exit_code(const saml::LintEntry& entry, const saml::LintConfig& config) {
  if (!entry.result) {
    return entry.error ? cli::exit_code_for(entry.error->kind) : static_cast<int>(cli::kExitUnreadable);
  }
  return saml::lint_fails(config, *entry.result) ? cli::kExitFailed : cli::kExitPass;
}

// "DIR has no file matching --include ..." or "no message": a CI job that lints nothing
// must not pass.
int nothing_to_lint(const tool::Settings& settings) {
  std::string what = "no message to lint in";
  for (const std::string& input : settings.inputs) what += " " + input;
  if (!settings.includes.empty()) {
    what += " (no file matches --include";
    for (const std::string& glob : settings.includes) what += " " + glob;
    what += ")";
  }
  std::cerr << kTool << ": " << what << "; pass --allow-empty if that is expected\n";
  return cli::kExitUsage;
}

int run(const po::variables_map& vm, const tool::ConfigFile& config_file) {
  if (vm.count("list-rules") || vm.count("explain")) return print_rules(vm);
  auto settings = tool::to_settings(vm, config_file);
  if (!settings) return usage_error(settings.error().message);
  settings->lint.keep_view = settings->format == cli::Format::Html;  // the page draws each message
  po::variables_map trust_vm = vm;
  trust_vm.erase("metadata");  // saml-lint lints the metadata before trusting its keys
  auto trust = cli::build_trust_store(trust_vm);
  if (!trust) return cli::fail(kTool, "", trust.error());
  auto aws_side = cli::read_iam_config(vm, *trust);
  if (!aws_side) return cli::fail(kTool, "", aws_side.error());
  if (aws_side->active()) {
    settings->lint.aws_side = std::make_shared<const saml::iam::Config>(std::move(*aws_side));
  }
  auto metadata_entries = tool::lint_metadata_files(settings->metadata, *trust, settings->lint, settings->config);
  if (!metadata_entries) return cli::fail(kTool, "", metadata_entries.error());
  auto items = tool::expand_inputs(settings->inputs, settings->includes, settings->lines, settings->selection);
  if (!items) return cli::fail(kTool, "", items.error());
  if (items->empty() && !settings->inputs.empty() && !settings->allow_empty) return nothing_to_lint(*settings);

  const saml::Policy& policy = settings->lint.policy;
  auto output = cli::OutputFile::open(vm);
  if (!output) return cli::fail(kTool, "", output.error());
  saml::LintReportOptions report;
  report.config = settings->config;
  report.color = settings->format == cli::Format::Text && cli::use_color(vm);
  report.now = saml::format_xs_datetime(policy.now);
  report.now_source = policy.now_source;
  report.cert_now = saml::format_xs_datetime(policy.cert_now);
  report.cert_now_source = policy.cert_now_source;
  report.config_file = config_file.path;
  report.config_file_implicit = config_file.implicit;
  const std::unique_ptr<saml::LintReportWriter> writer =
      saml::make_lint_report_writer(report_format(settings->format), report);
  // The report is written as entries come: nothing is held per message.
  std::cout << writer->begin();
  int code = cli::kExitPass;
  const auto emit = [&](const saml::LintEntry& entry) {
    if (entry.error) std::cerr << cli::error_line(kTool, entry.source, *entry.error) << "\n";
    std::cout << writer->entry(entry);
    code = std::max(code, exit_code(entry, settings->config));
  };
  for (const saml::LintEntry& entry : *metadata_entries) emit(entry);
  // Messages linted without the keys of a broken --metadata would only say "no trusted key".
  const auto broken = std::find_if(metadata_entries->begin(), metadata_entries->end(),
                                   [](const saml::LintEntry& entry) { return entry.error.has_value(); });
  if (broken != metadata_entries->end() && !items->empty()) {
    std::cerr << kTool << ": --metadata " << broken->source
              << " is broken (above), so its keys cannot be trusted; the messages are not linted\n";
    items->clear();
  }
  tool::BaselineSource baseline;
  tool::lint_all(*items, settings->selection, *trust, settings->lint, settings->config, settings->jobs,
                 [&](const saml::LintEntry& entry) {
                   emit(entry);
                   if (!settings->write_baseline.empty()) baseline.add(entry);
                 },
                 [](const std::string& note) { std::cerr << kTool << ": " << note << "\n"; });
  std::cout << writer->end() << std::flush;
  if (!settings->write_baseline.empty()) {
    code = std::max(code, tool::write_baseline(settings->write_baseline, baseline));
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  samlkit::skip_openssl_cleanup_at_exit();
  const po::options_description visible = tool::visible_options();
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(), "inputs");
  po::positional_options_description positional;
  positional.add("input", -1);
  tool::ConfigFile config_file;
  const auto store_config = [&](po::variables_map& vm) { tool::store_config_file(vm, config_file); };
  auto parsed = cli::parse_command_line({kTool, visible, hidden, positional, print_usage, store_config},
                                        argc, argv);
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  return cli::finish_output(kTool, run(std::get<po::variables_map>(parsed), config_file));
}
