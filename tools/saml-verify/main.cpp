// saml-verify: verify a captured SAML Response the way AWS does; accept or reject with reasons.
#include <algorithm>
#include <array>
#include <iostream>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cli.h"
#include "openssl_at_exit.h"
#include "iam_options.h"
#include "saml/capture.h"
#include "saml/decode.h"
#include "saml/html_report.h"
#include "saml/report.h"
#include "saml/verify.h"

namespace po = boost::program_options;
namespace cli = samlkit::cli;

namespace {

constexpr const char* kTool = "saml-verify";
constexpr std::array kFormats = {cli::Format::Text, cli::Format::Json, cli::Format::JsonLines,
                                  cli::Format::Html};
constexpr const char* kSchema = "samlkit.verify/2";

po::options_description verify_options() {
  po::options_description options("Diagnosis");
  options.add_options()
      ("show-c14n", po::bool_switch(),
       "after the text report, print the canonical bytes each signature digested and signed "
       "(to see why a digest does not match)");
  return options;
}

void print_usage(const po::options_description& visible) {
  std::cout << "Usage: saml-verify [OPTIONS] [INPUT|-]\n"
               "Verify a captured SAML Response (raw XML, base64, a form body, a percent-\n"
               "encoded value, ...: auto-detected) against the IdP's key and the rules AWS\n"
               "enforces.\n"
               "INPUT defaults to - (standard input).\n"
               "Exit status: 0 accepted, 1 rejected (or, with --iam, no role assumable),\n"
               "2 usage or configuration error (or the report could not be written),\n"
               "3 input could not be read or decoded.\n\n"
            << visible;
}

// The bytes each signature digested and signed, exactly (for --show-c14n).
std::string canonical_bytes_text(const saml::Verdict& verdict) {
  std::string text;
  for (const saml::SignatureReport& signature : verdict.signatures.signatures) {
    text += "\ncanonical bytes digested for Reference '" + signature.reference_uri + "' (" +
            signature.signed_element + "):\n" +
            (signature.canonical_reference.empty() ? std::string("(not computed)")
                                                   : signature.canonical_reference) +
            "\ncanonical SignedInfo:\n" +
            (signature.canonical_signed_info.empty() ? std::string("(not computed)")
                                                     : signature.canonical_signed_info) +
            "\n";
  }
  return text;
}

// The page of --format html: every verdict, or why the input could not be read.
// A verified message of the HTML page, with what the AWS side decided for its roles.
struct PageEntry {
  saml::DecodeView view;
  saml::iam::AwsSide side;
};

std::string html_page(const std::vector<PageEntry>& entries, const std::string& input,
                      const std::optional<saml::Error>& error, const saml::Policy& policy) {
  std::vector<saml::HtmlMessage> messages;
  messages.reserve(entries.size() + 1);
  for (const PageEntry& entry : entries) {
    messages.push_back({&entry.view, "", std::nullopt, saml::iam_outcomes(entry.side),
                        saml::iam::no_role_assumable(entry.side)});
  }
  if (error) messages.push_back({nullptr, input, error, {}});
  return saml::messages_to_html(messages, {"saml-verify report", policy.now, policy.skew});
}

struct Output {
  cli::Format format = cli::Format::Text;
  bool color = false;
};


// Verifies every judged message of the input; prints each report; returns the exit code.
int verify_input(const std::string& input, const cli::InputSelection& selection,
                 const saml::TrustStore& trust, const saml::Policy& policy,
                 const saml::iam::Config& iam, const Output& output) {
  const bool html = output.format == cli::Format::Html;
  auto messages = cli::read_captures(kTool, input, selection, policy.capture_limits);
  if (!messages) {
    if (html) std::cout << html_page({}, input, messages.error(), policy);
    return cli::fail(kTool, input, messages.error());
  }
  // The flow's requests: said on stderr, so that stdout stays the Responses' reports.
  for (const saml::Capture& request : messages->listed) {
    std::cerr << kTool << ": " << cli::listed_request_note(request) << "\n";
  }
  const bool text = output.format == cli::Format::Text;
  const bool json_report = !text && !html;
  std::vector<PageEntry> pages;
  std::optional<saml::Error> failure;
  saml::JsonReport json(kSchema, output.format == cli::Format::JsonLines ? saml::JsonLayout::Lines
                                                                         : saml::JsonLayout::Document);
  if (json_report) std::cout << json.begin();
  int exit_code = cli::kExitPass;
  bool first = true;
  for (const saml::Capture& capture : messages->judged) {
    std::optional<saml::Policy> storage;
    const saml::Policy& judged = cli::policy_for(capture, policy, storage);
    auto verdict = saml::verify_capture(capture, trust, judged);
    if (!verdict) {
      exit_code = std::max(exit_code, cli::fail(kTool, saml::describe_origin(capture), verdict.error()));
      failure = verdict.error();
      continue;
    }
    if (!verdict->accepted) exit_code = std::max(exit_code, static_cast<int>(cli::kExitFailed));
    const saml::iam::AwsSide side = saml::iam::evaluate_aws_side(
        iam, verdict->assertion ? &*verdict->assertion : nullptr, verdict->aws ? &*verdict->aws : nullptr,
        judged.now);
    const bool refused = saml::iam::no_role_assumable(side);
    if (refused) exit_code = std::max(exit_code, static_cast<int>(cli::kExitFailed));
    if (html) {
      pages.push_back({saml::view_of_verdict(capture, std::move(*verdict)), side});
      continue;
    }
    if (json_report) {
      std::cout << json.message(saml::verdict_to_json(capture, *verdict, judged, &side));
      continue;
    }
    // Several messages in one input: the texts one after another.
    std::cout << (first ? "" : "\n")
              << saml::verdict_to_text(capture, *verdict, judged, saml::TextStyle{output.color},
                                       refused ? "no role in the response is assumable (IAM roles below)" : "")
              << cli::iam_text(side)
              << (judged.keep_canonical_bytes ? canonical_bytes_text(*verdict) : "");
    first = false;
  }
  if (json_report) std::cout << json.end();
  if (html) std::cout << html_page(pages, input, failure, policy);
  return exit_code;
}

int run(const po::variables_map& vm) {
  saml::Policy policy;
  if (auto applied = cli::apply_time_options(vm, policy); !applied) return cli::fail(kTool, "", applied.error());
  if (auto expected = cli::apply_expectation_options(vm, policy); !expected) {
    return cli::fail(kTool, "", expected.error());
  }
  if (auto decryption = cli::apply_decryption_options(vm, policy); !decryption) {
    return cli::fail(kTool, "", decryption.error());
  }
  if (auto profile = cli::apply_profile_options(vm, policy); !profile) return cli::fail(kTool, "", profile.error());
  auto format = cli::selected_format(vm, kFormats);
  if (!format) return cli::fail(kTool, "", format.error());
  auto trust = cli::build_trust_store(vm);
  if (!trust) return cli::fail(kTool, "", trust.error());
  auto iam = cli::read_iam_config(vm, *trust);
  if (!iam) return cli::fail(kTool, "", iam.error());
  if (trust->empty()) {
    std::cerr << cli::no_trust_message(kTool) << "\n";
    return cli::kExitUsage;
  }
  // The HTML page shows the canonical bytes behind a digest mismatch.
  policy.keep_canonical_bytes = (vm["show-c14n"].as<bool>() && *format == cli::Format::Text) ||
                                *format == cli::Format::Html;
  auto output_file = cli::OutputFile::open(vm);
  if (!output_file) return cli::fail(kTool, "", output_file.error());
  auto selection = cli::read_input_options(vm);
  if (!selection) return cli::fail(kTool, "", selection.error());
  return verify_input(vm["input"].as<std::string>(), *selection, *trust, policy, *iam,
                      {*format, cli::use_color(vm)});
}

}  // namespace

int main(int argc, char** argv) {
  samlkit::skip_openssl_cleanup_at_exit();
  po::options_description visible(cli::kHelpWidth, cli::kHelpDescriptionWidth);
  visible.add(cli::trust_options()).add(cli::time_options()).add(cli::profile_options())
      .add(cli::expectation_options()).add(cli::input_options()).add(cli::decryption_options())
      .add(cli::iam_options()).add(cli::output_options(kFormats)).add(cli::output_file_options())
      .add(verify_options()).add(cli::general_options());
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::string>()->default_value("-"), "input file");
  po::positional_options_description positional;
  positional.add("input", 1);
  auto parsed = cli::parse_command_line({kTool, visible, hidden, positional, print_usage}, argc, argv);
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  return cli::finish_output(kTool, run(std::get<po::variables_map>(parsed)));
}
