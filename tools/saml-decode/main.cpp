// saml-decode: open any SAML capture and show what is inside, offline. Unverified unless
// trust options are given.
#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include "cli.h"
#include "decode_run.h"

namespace po = boost::program_options;
namespace cli = samlkit::cli;
namespace tool = samlkit::decode_tool;

namespace {

constexpr const char* kTool = "saml-decode";

po::options_description decode_options() {
  po::options_description options("Output");
  options.add_options()
      ("json", po::bool_switch(), "print the whole model as JSON (schema samlkit.decode/1; an array for several captures)")
      ("xml", po::bool_switch(), "print the decoded XML, pretty-printed (for reading only)")
      ("format", po::value<std::string>()->value_name("FORMAT")->default_value("text"),
       "text, json (as --json), xml (as --xml) or html (one self-contained page; see --output)")
      ("diff", po::bool_switch(), "compare two captures: saml-decode --diff A B")
      ("redact", po::bool_switch(), "replace NameID, session name, e-mail addresses and attribute values by redacted:<hash>")
      ("index", po::value<std::size_t>()->value_name("N"), "show only capture N (1-based, over all inputs)");
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

}  // namespace

int main(int argc, char** argv) {
  po::options_description visible;
  visible.add(decode_options()).add(cli::trust_options()).add(cli::time_options()).add(cli::profile_options())
      .add(cli::decryption_options()).add(cli::output_options()).add(cli::general_options());
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(), "input files");
  po::positional_options_description positional;
  positional.add("input", -1);
  auto parsed = cli::parse_command_line({kTool, visible, hidden, positional, print_usage}, argc, argv);
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  const po::variables_map& vm = std::get<po::variables_map>(parsed);

  tool::Request request;
  request.inputs = vm.count("input") ? vm["input"].as<std::vector<std::string>>() : std::vector<std::string>{"-"};
  request.diff = vm["diff"].as<bool>();
  request.redact = vm["redact"].as<bool>();
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json" && format != "xml" && format != "html") {
    std::cerr << kTool << ": --format " << format << ": expected text, json, xml or html\n";
    return cli::kExitUsage;
  }
  const bool json = vm["json"].as<bool>() || format == "json";
  const bool xml = vm["xml"].as<bool>() || format == "xml";
  const bool html = format == "html";
  if (json + xml + html > 1) {
    std::cerr << kTool << ": --json, --xml and --format " << format << " exclude each other\n";
    return cli::kExitUsage;
  }
  if (request.diff && html) {
    std::cerr << kTool << ": --diff has no HTML page\n";
    return cli::kExitUsage;
  }
  if (request.diff && (xml || request.inputs.size() != 2)) {
    std::cerr << kTool << ": --diff takes exactly two inputs (A B) and no --xml\n";
    return cli::kExitUsage;
  }
  request.policy.keep_canonical_bytes = html;  // the page shows them behind a digest mismatch
  request.output = json ? tool::Output::Json : xml ? tool::Output::Xml : html ? tool::Output::Html : tool::Output::Summary;
  if (vm.count("index")) {
    request.index = vm["index"].as<std::size_t>();
    if (*request.index == 0) {
      std::cerr << kTool << ": --index counts from 1\n";
      return cli::kExitUsage;
    }
  }
  request.color = cli::use_color();
  if (auto applied = cli::apply_time_options(vm, request.policy); !applied) {
    std::cerr << cli::error_line(kTool, "", applied.error()) << "\n";
    return cli::exit_code_for(applied.error().kind);
  }
  if (auto profile = cli::apply_profile_options(vm, request.policy); !profile) {
    std::cerr << cli::error_line(kTool, "", profile.error()) << "\n";
    return cli::exit_code_for(profile.error().kind);
  }
  if (auto decryption = cli::apply_decryption_options(vm, request.policy); !decryption) {
    std::cerr << cli::error_line(kTool, "", decryption.error()) << "\n";
    return cli::exit_code_for(decryption.error().kind);
  }
  auto trust = cli::build_trust_store(vm);
  if (!trust) {
    std::cerr << cli::error_line(kTool, "", trust.error()) << "\n";
    return cli::exit_code_for(trust.error().kind);
  }
  auto output = cli::OutputFile::open(vm);
  if (!output) {
    std::cerr << cli::error_line(kTool, "", output.error()) << "\n";
    return cli::exit_code_for(output.error().kind);
  }
  return tool::run(request, *trust);
}
