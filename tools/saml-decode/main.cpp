// saml-decode: open any SAML capture and show what is inside, offline. Unverified unless
// trust options are given.
#include <array>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include "cli.h"
#include "openssl_at_exit.h"
#include "decode_run.h"

namespace po = boost::program_options;
namespace cli = samlkit::cli;
namespace tool = samlkit::decode_tool;

namespace {

constexpr const char* kTool = "saml-decode";
constexpr std::array kFormats = {cli::Format::Text, cli::Format::Json, cli::Format::JsonLines, cli::Format::Html};

po::options_description decode_options() {
  po::options_description options("Views");
  options.add_options()
      ("xml", po::bool_switch(), "print the decoded XML, pretty-printed (for reading only)")
      ("diff", po::bool_switch(), "compare two captures: saml-decode --diff A B")
      ("redact", po::bool_switch(), "replace NameID, session name, e-mail addresses and attribute values by redacted:<hash>");
  return options;
}

void print_usage(const po::options_description& visible) {
  std::cout << "Usage: saml-decode [OPTIONS] [INPUT|-]...\n"
               "       saml-decode --diff [OPTIONS] A B\n"
               "Show what a captured SAML message holds: raw XML, base64, a form body, a\n"
               "percent-encoded value, an HTTP-Redirect value or URL, a HAR file or a\n"
               "SAML-tracer export (auto-detected). Nothing is verified unless trusted keys\n"
               "are given; then each value says whether a trusted signature covers it.\n"
               "An EncryptedAssertion is shown decrypted with --decrypt-key; without a key,\n"
               "its algorithms and key hints say which key it needs.\n"
               "INPUT defaults to - (standard input).\n"
               "Exit status: 0 decoded, 2 usage or configuration error, 3 an input could not\n"
               "be read or decoded (or is not SAML).\n\n"
            << visible;
}

int run(const po::variables_map& vm) {
  tool::Request request;
  request.inputs = vm.count("input") ? vm["input"].as<std::vector<std::string>>() : std::vector<std::string>{"-"};
  request.diff = vm["diff"].as<bool>();
  request.redact = vm["redact"].as<bool>();
  request.xml = vm["xml"].as<bool>();
  auto format = cli::selected_format(vm, kFormats);
  if (!format) return cli::fail(kTool, "", format.error());
  if (request.xml && *format != cli::Format::Text) {
    std::cerr << kTool << ": --xml and --format " << cli::format_name(*format) << " exclude each other\n";
    return cli::kExitUsage;
  }
  if (request.diff && *format == cli::Format::Html) {
    std::cerr << kTool << ": --diff has no HTML page\n";
    return cli::kExitUsage;
  }
  if (request.diff && (request.xml || request.inputs.size() != 2)) {
    std::cerr << kTool << ": --diff takes exactly two inputs (A B) and no --xml\n";
    return cli::kExitUsage;
  }
  request.format = *format;
  request.policy.keep_canonical_bytes = *format == cli::Format::Html;  // the page shows them behind a digest mismatch
  auto selection = cli::read_input_options(vm);
  if (!selection) return cli::fail(kTool, "", selection.error());
  request.selection = *selection;
  request.color = cli::use_color(vm);
  if (auto applied = cli::apply_time_options(vm, request.policy); !applied) {
    return cli::fail(kTool, "", applied.error());
  }
  if (auto profile = cli::apply_profile_options(vm, request.policy); !profile) {
    return cli::fail(kTool, "", profile.error());
  }
  if (auto decryption = cli::apply_decryption_options(vm, request.policy); !decryption) {
    return cli::fail(kTool, "", decryption.error());
  }
  auto trust = cli::build_trust_store(vm);
  if (!trust) return cli::fail(kTool, "", trust.error());
  auto output = cli::OutputFile::open(vm);
  if (!output) return cli::fail(kTool, "", output.error());
  return tool::run(request, *trust);
}

}  // namespace

int main(int argc, char** argv) {
  samlkit::skip_openssl_cleanup_at_exit();
  po::options_description visible(cli::kHelpWidth, cli::kHelpDescriptionWidth);
  visible.add(cli::output_options(kFormats)).add(decode_options()).add(cli::input_options()).add(cli::trust_options())
      .add(cli::time_options()).add(cli::profile_options()).add(cli::decryption_options())
      .add(cli::output_file_options()).add(cli::general_options());
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(), "input files");
  po::positional_options_description positional;
  positional.add("input", -1);
  auto parsed = cli::parse_command_line({kTool, visible, hidden, positional, print_usage}, argc, argv);
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  return cli::finish_output(kTool, run(std::get<po::variables_map>(parsed)));
}
