// saml-verify: verify a captured SAML Response the way AWS does; accept or reject with reasons.
#include <algorithm>
#include <iostream>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cli.h"
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

po::options_description verify_options() {
  po::options_description options("Checks");
  options.add_options()
      ("audience", po::value<std::vector<std::string>>()->value_name("URI")->composing(),
       "accepted audience, exact match (repeatable; default: the AWS audiences)")
      ("recipient", po::value<std::vector<std::string>>()->value_name("URL")->composing(),
       "accepted Recipient, exact match (repeatable; default: the AWS sign-in endpoints)")
      ("allow-sha1", po::bool_switch(), "accept RSA-SHA1/ECDSA-SHA1 signatures and SHA-1 digests")
      ("max-size", po::value<std::size_t>()->value_name("BYTES")->default_value(1024 * 1024),
       "largest decoded XML message accepted")
      ("json", po::bool_switch(), "print one JSON object (schema samlkit.verify/1) per message")
      ("format", po::value<std::string>()->value_name("FORMAT")->default_value("text"),
       "text, json (as --json) or html (one self-contained page; see --output)")
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
               "2 usage or configuration error,\n"
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

enum class Format { Text, Json, Html };

// The page of --format html: every verdict, or why the input could not be read.
std::string html_page(const std::vector<saml::DecodeView>& views, const std::string& input,
                      const std::optional<saml::Error>& error, const saml::Policy& policy) {
  std::vector<saml::HtmlMessage> messages;
  for (const saml::DecodeView& view : views) messages.push_back({&view, "", std::nullopt, {}});
  if (error) messages.push_back({nullptr, input, error, {}});
  return saml::messages_to_html(messages, {"saml-verify report", policy.now, policy.skew});
}

// Verifies every message of the input; prints each report; returns the exit code.
// The verdict's JSON object with the AWS side's members ("iam", "okta", "identity_store")
// added at its end; both texts are objects dumped with two-space indentation.
std::string json_with_aws_side(std::string verdict_json, const saml::iam::AwsSide& side) {
  const std::string members = saml::iam::aws_side_to_json(side);   // "{\n  ...\n}"
  if (members.size() <= 2) return verdict_json;
  const std::size_t close = verdict_json.rfind('}');
  std::size_t end = close;
  while (end > 0 && (verdict_json[end - 1] == '\n' || verdict_json[end - 1] == ' ')) --end;
  const std::string inner = members.substr(1, members.rfind('}') - 1);   // "\n  ...\n"
  verdict_json.replace(end, close - end, "," + inner.substr(0, inner.size() - 1) + "\n");
  return verdict_json;
}

int verify_input(const std::string& input, const cli::InputSelection& selection,
                 const saml::TrustStore& trust, const saml::Policy& policy,
                 const saml::iam::Config& iam, Format format) {
  const bool json = format == Format::Json;
  auto bytes = cli::read_input(input, selection);
  if (!bytes) {
    std::cerr << cli::error_line(kTool, input, bytes.error()) << "\n";
    if (format == Format::Html) std::cout << html_page({}, input, bytes.error(), policy);
    return cli::exit_code_for(bytes.error().kind);
  }
  const std::string& source = input;
  auto captures = saml::decode_capture(*bytes, source, policy.capture_limits);
  if (!captures) {
    std::cerr << cli::error_line(kTool, source, captures.error()) << "\n";
    if (format == Format::Html) std::cout << html_page({}, input, captures.error(), policy);
    return cli::exit_code_for(captures.error().kind);
  }
  auto plan = cli::plan_messages(*captures, selection);
  if (!plan) {
    std::cerr << cli::error_line(kTool, "", plan.error()) << "\n";
    if (format == Format::Html) std::cout << html_page({}, input, plan.error(), policy);
    return cli::exit_code_for(plan.error().kind);
  }
  // The flow's requests: said on stderr, so that stdout stays the Responses' reports.
  for (const saml::Capture* request : plan->listed) {
    std::cerr << kTool << ": " << cli::listed_request_note(*request) << "\n";
  }
  std::vector<saml::DecodeView> views;
  std::optional<saml::Error> failure;
  int exit_code = cli::kExitPass;
  std::vector<std::string> reports;
  for (const saml::Capture* judged : plan->judged) {
    const saml::Capture& capture = *judged;
    auto verdict = saml::verify_capture(capture, trust, policy);
    if (!verdict) {
      std::cerr << cli::error_line(kTool, saml::describe_origin(capture), verdict.error()) << "\n";
      exit_code = std::max(exit_code, cli::exit_code_for(verdict.error().kind));
      failure = verdict.error();
      continue;
    }
    if (!verdict->accepted) exit_code = std::max(exit_code, static_cast<int>(cli::kExitFailed));
    const saml::iam::AwsSide side = saml::iam::evaluate_aws_side(
        iam, verdict->assertion ? &*verdict->assertion : nullptr, verdict->aws ? &*verdict->aws : nullptr,
        policy.now);
    if (saml::iam::no_role_assumable(side)) exit_code = std::max(exit_code, static_cast<int>(cli::kExitFailed));
    if (format == Format::Html) {
      views.push_back(saml::view_of_verdict(capture, std::move(*verdict)));
      continue;
    }
    reports.push_back(json ? json_with_aws_side(saml::verdict_to_json(capture, *verdict, policy), side)
                           : saml::verdict_to_text(capture, *verdict, policy,
                                                   saml::TextStyle{cli::use_color()}) +
                                 cli::iam_text(side) +
                                 (policy.keep_canonical_bytes ? canonical_bytes_text(*verdict) : ""));
  }
  if (format == Format::Html) std::cout << html_page(views, input, failure, policy);
  // Several messages in one input: a JSON array of verdicts, or the texts one after another.
  const bool array = json && reports.size() > 1;
  if (array) std::cout << "[\n";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (i > 0) std::cout << (array ? ",\n" : "\n");
    std::cout << reports[i];
  }
  if (array) std::cout << "]\n";
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description visible;
  visible.add(cli::trust_options()).add(cli::time_options()).add(cli::profile_options()).add(verify_options())
      .add(cli::input_options()).add(cli::decryption_options()).add(cli::iam_options())
      .add(cli::output_options()).add(cli::general_options());
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::string>()->default_value("-"), "input file");
  po::positional_options_description positional;
  positional.add("input", 1);
  auto parsed = cli::parse_command_line({kTool, visible, hidden, positional, print_usage}, argc, argv);
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  const po::variables_map& vm = std::get<po::variables_map>(parsed);

  saml::Policy policy;
  if (auto applied = cli::apply_time_options(vm, policy); !applied) {
    std::cerr << cli::error_line(kTool, "", applied.error()) << "\n";
    return cli::exit_code_for(applied.error().kind);
  }
  if (auto decryption = cli::apply_decryption_options(vm, policy); !decryption) {
    std::cerr << cli::error_line(kTool, "", decryption.error()) << "\n";
    return cli::exit_code_for(decryption.error().kind);
  }
  auto trust = cli::build_trust_store(vm);
  if (!trust) {
    std::cerr << cli::error_line(kTool, "", trust.error()) << "\n";
    return cli::exit_code_for(trust.error().kind);
  }
  auto iam = cli::read_iam_config(vm, *trust);
  if (!iam) {
    std::cerr << cli::error_line(kTool, "", iam.error()) << "\n";
    return cli::exit_code_for(iam.error().kind);
  }
  if (trust->empty()) {
    std::cerr << cli::no_trust_message(kTool) << "\n";
    return cli::kExitUsage;
  }
  if (auto profile = cli::apply_profile_options(vm, policy); !profile) {
    std::cerr << cli::error_line(kTool, "", profile.error()) << "\n";
    return cli::exit_code_for(profile.error().kind);
  }
  if (vm.count("audience")) policy.audiences = vm["audience"].as<std::vector<std::string>>();
  if (vm.count("recipient")) policy.recipients = vm["recipient"].as<std::vector<std::string>>();
  policy.allow_sha1 = vm["allow-sha1"].as<bool>();
  const std::string format_name = vm["json"].as<bool>() ? "json" : vm["format"].as<std::string>();
  if (format_name != "text" && format_name != "json" && format_name != "html") {
    std::cerr << kTool << ": --format " << format_name << ": expected text, json or html\n";
    return cli::kExitUsage;
  }
  const Format format = format_name == "json" ? Format::Json : format_name == "html" ? Format::Html : Format::Text;
  // The page shows the canonical bytes behind a digest mismatch on demand.
  policy.keep_canonical_bytes = (vm["show-c14n"].as<bool>() && format == Format::Text) || format == Format::Html;
  const std::size_t max_size = vm["max-size"].as<std::size_t>();
  if (max_size == 0) {
    std::cerr << kTool << ": --max-size must be at least 1 byte\n";
    return cli::kExitUsage;
  }
  policy.capture_limits.max_xml_bytes = max_size;
  policy.parse_limits.max_bytes = max_size;
  auto selection = cli::read_input_options(vm);
  if (!selection) {
    std::cerr << cli::error_line(kTool, "", selection.error()) << "\n";
    return cli::exit_code_for(selection.error().kind);
  }
  auto output = cli::OutputFile::open(vm);
  if (!output) {
    std::cerr << cli::error_line(kTool, "", output.error()) << "\n";
    return cli::exit_code_for(output.error().kind);
  }
  return verify_input(vm["input"].as<std::string>(), *selection, *trust, policy, *iam, format);
}
