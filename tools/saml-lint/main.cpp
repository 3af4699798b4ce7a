// saml-lint: every rule of the rule table over captured SAML Responses, for CI.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>

#include "baseline_output.h"
#include "batch.h"
#include "cli.h"
#include "inputs.h"
#include "iam_options.h"
#include "metadata_inputs.h"
#include "options.h"
#include "saml/lint.h"

namespace po = boost::program_options;
namespace cli = samlkit::cli;
using samlkit::lint_tool::OutputFormat;

namespace {

constexpr const char* kTool = "saml-lint";

void print_usage() {
  std::cout << "Usage: saml-lint [OPTIONS] [INPUT...]\n"
               "Lint captured SAML Responses (files, directories, - for stdin; any capture form\n"
               "saml-verify reads) with every rule of the rule table, for CI.\n"
               "Exit status: 0 no finding at --fail-on or above, 1 findings, 2 usage or\n"
               "configuration error, 3 an input could not be read or decoded.\n\n"
            << samlkit::lint_tool::visible_options();
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
  if (format != "text" && format != "markdown") {
    return usage_error("--list-rules --format " + format + ": expected text or markdown");
  }
  std::cout << (format == "markdown" ? saml::rules_to_markdown() : saml::rules_to_text());
  return cli::kExitPass;
}

saml::LintReportFormat report_format(OutputFormat format) {
  switch (format) {
    case OutputFormat::Text: return saml::LintReportFormat::Text;
    case OutputFormat::Json: return saml::LintReportFormat::Json;
    case OutputFormat::Sarif: return saml::LintReportFormat::Sarif;
    case OutputFormat::Junit: return saml::LintReportFormat::Junit;
    case OutputFormat::Html: return saml::LintReportFormat::Html;
  }
  return saml::LintReportFormat::Text;
}

int exit_code(const saml::LintEntry& entry, const saml::LintConfig& config) {
  if (!entry.result) {
    return entry.error ? cli::exit_code_for(entry.error->kind) : static_cast<int>(cli::kExitUnreadable);
  }
  return saml::lint_fails(config, *entry.result) ? cli::kExitFailed : cli::kExitPass;
}

}  // namespace

int main(int argc, char** argv) {
  po::variables_map vm;
  try {
    vm = samlkit::lint_tool::parse_command_line(argc, argv);
  } catch (const po::error& e) {
    return usage_error(e.what());
  }
  if (vm.count("help")) {
    print_usage();
    return cli::kExitPass;
  }
  if (vm.count("version")) {
    std::cout << cli::version_text("saml-lint");
    return cli::kExitPass;
  }
  if (vm.count("list-rules") || vm.count("explain")) return print_rules(vm);

  auto settings = samlkit::lint_tool::to_settings(vm);
  if (!settings) return usage_error(settings.error().message);
  settings->lint.keep_view = settings->format == OutputFormat::Html;  // the page draws each message
  po::variables_map trust_vm = vm;
  trust_vm.erase("metadata");  // saml-lint lints the metadata before trusting its keys
  auto trust = cli::build_trust_store(trust_vm);
  if (!trust) {
    std::cerr << cli::error_line(kTool, "", trust.error()) << "\n";
    return cli::exit_code_for(trust.error().kind);
  }
  auto aws_side = cli::read_iam_config(vm, *trust);
  if (!aws_side) {
    std::cerr << cli::error_line(kTool, "", aws_side.error()) << "\n";
    return cli::exit_code_for(aws_side.error().kind);
  }
  if (aws_side->active()) {
    settings->lint.aws_side = std::make_shared<const saml::iam::Config>(std::move(*aws_side));
  }
  auto metadata_entries = samlkit::lint_tool::lint_metadata_files(settings->metadata, *trust,
                                                                  settings->lint, settings->config);
  if (!metadata_entries) {
    std::cerr << cli::error_line(kTool, "", metadata_entries.error()) << "\n";
    return cli::exit_code_for(metadata_entries.error().kind);
  }
  auto items = samlkit::lint_tool::expand_inputs(settings->inputs, settings->includes, settings->lines,
                                                   settings->selection);
  if (!items) {
    std::cerr << cli::error_line(kTool, "", items.error()) << "\n";
    return cli::exit_code_for(items.error().kind);
  }
  auto output = cli::OutputFile::open(vm);
  if (!output) {
    std::cerr << cli::error_line(kTool, "", output.error()) << "\n";
    return cli::exit_code_for(output.error().kind);
  }
  saml::LintReportOptions report;
  report.config = settings->config;
  report.color = settings->format == OutputFormat::Text && cli::use_color();
  report.now = saml::format_xs_datetime(settings->lint.policy.now);
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
  samlkit::lint_tool::BaselineSource baseline;
  samlkit::lint_tool::lint_all(
      *items, settings->selection, *trust, settings->lint, settings->config, settings->jobs,
      [&](const saml::LintEntry& entry) {
        emit(entry);
        if (!settings->write_baseline.empty()) baseline.add(entry);
      },
      [](const std::string& note) { std::cerr << kTool << ": " << note << "\n"; });
  std::cout << writer->end() << std::flush;
  if (!settings->write_baseline.empty()) {
    code = std::max(code, samlkit::lint_tool::write_baseline(settings->write_baseline, baseline));
  }
  return code;
}
