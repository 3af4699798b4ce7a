// What every samlkit tool shares: exit codes, input reading, the trust, time and
// expectation options, the report formats, error lines and the colour decision.
#pragma once

#include <boost/program_options.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "saml/capture.h"
#include "saml/error.h"
#include "saml/policy.h"
#include "saml/trust.h"

namespace samlkit::cli {

// The exit codes of every tool, in one place.
enum ExitCode : int {
  kExitPass = 0,        // accepted / no findings at the failing level
  kExitFailed = 1,      // the input was read and failed (rejected, lint findings)
  kExitUsage = 2,       // bad command line or configuration (keys, metadata, times)
  kExitUnreadable = 3,  // the input could not be read or decoded at all
};

int exit_code_for(saml::ErrorKind kind);

// The most bytes a tool reads from an INPUT unless --max-input-size says otherwise (a HAR
// from a long session can be hundreds of MB; each message in it is held to the
// decoded-XML limits by the capture stage, which keeps only the SAML parameters).
inline constexpr std::size_t kDefaultMaxInputBytes = std::size_t{512} * 1024 * 1024;

// Reads a whole file, or stdin for "-". More than max_bytes is a Limit error; a missing or
// unreadable file is an error of kind `failure_kind` (Decode for the input, exit 3;
// Config for keys and metadata, exit 2). `limit_option` names the option that sets
// max_bytes, for the error message.
// Every value of a repeatable option, in order (none when it is absent).
std::vector<std::string> values_of(const boost::program_options::variables_map& vm, const char* name);

saml::Expected<std::string> read_file(const std::string& path, std::size_t max_bytes,
                                      saml::ErrorKind failure_kind,
                                      std::string_view limit_option = "");

// --index N and --max-input-size BYTES: which messages of an input, and how big an input.
boost::program_options::options_description input_options();

struct InputSelection {
  std::size_t max_bytes = kDefaultMaxInputBytes;
  std::optional<std::size_t> index;  // 1-based message number within each input
};
// Reads the input options; --index 0 and --max-input-size 0 are Config errors.
saml::Expected<InputSelection> read_input_options(const boost::program_options::variables_map& vm);

// Reads an INPUT (a file, or stdin for "-") within the selection's size limit (the error
// names --max-input-size). Standard input that is a terminal gets a one-line hint on stderr
// first (the tool would seem to hang).
saml::Expected<std::string> read_input(std::string_view tool, const std::string& path,
                                       const InputSelection& selection);

// The messages of one input that a tool judges, and those it only lists: in a whole flow
// (a HAR or SAML-tracer export holding the AuthnRequest and the Response) the SAML requests
// are listed for information and only the Responses are judged, so that the exit code is
// the Responses'. An input of requests only is judged as it is. With --index only that
// message is judged, whatever it is; a number past the last message is a Config error.
struct MessagePlan {
  std::vector<const saml::Capture*> judged;
  std::vector<const saml::Capture*> listed;
};
saml::Expected<MessagePlan> plan_messages(const std::vector<saml::Capture>& captures,
                                          const InputSelection& selection);

// What the tools say about a listed request.
std::string listed_request_note(const saml::Capture& capture);

// The messages of one input, split by plan_messages.
struct InputMessages {
  std::vector<saml::Capture> judged;
  std::vector<saml::Capture> listed;
};

// The input loop's first half, the same in every tool: reads INPUT (read_input), decodes
// the captures it holds and plans them (plan_messages). An unreadable input, one holding no
// SAML message, or an --index past its last message is the Error.
saml::Expected<InputMessages> read_captures(std::string_view tool, const std::string& path,
                                            const InputSelection& selection,
                                            const saml::CaptureLimits& limits);
// read_captures for an input already read (saml-lint --lines: one line's message).
saml::Expected<InputMessages> plan_input(const std::string& bytes, const std::string& source,
                                         const InputSelection& selection,
                                         const saml::CaptureLimits& limits);

// Prints error_line() to stderr and returns the exit code for the error's kind.
int fail(std::string_view tool, std::string_view source, const saml::Error& error);

// --cert PEM, --fingerprint SHA256, --metadata FILE (each repeatable).
boost::program_options::options_description trust_options();
// --now TIME (default: the capture's own time when it records one, else this machine's
// clock), --cert-now TIME (default: the clock), --skew SECONDS.
boost::program_options::options_description time_options();
// --audience, --recipient, --allow-sha1, --max-size: what saml-verify and saml-lint expect.
boost::program_options::options_description expectation_options();
// Sets the policy's audiences, recipients, SHA-1 acceptance and size limits.
saml::Expected<saml::Ok> apply_expectation_options(const boost::program_options::variables_map& vm,
                                                   saml::Policy& policy);

// --profile NAME (aws, aws-identity-center, generic; default: detected) and --issuer URI
// (repeatable): which rules judge a message and which IdPs it may come from.
boost::program_options::options_description profile_options();
// Sets policy.profile and policy.issuers; an unknown profile name is a Config error (exit 2).
saml::Expected<saml::Ok> apply_profile_options(const boost::program_options::variables_map& vm,
                                               saml::Policy& policy);

// The TrustStore from the trust options (may be empty: the tool decides what that means).
saml::Expected<saml::TrustStore> build_trust_store(const boost::program_options::variables_map& vm);
// Sets policy.now, policy.cert_now and policy.skew from the time options. The tool, not the
// library, reads the clock. policy.now_source says where policy.now came from.
saml::Expected<saml::Ok> apply_time_options(const boost::program_options::variables_map& vm,
                                            saml::Policy& policy);
// The policy a capture is judged with: without --now, a capture that records when it was
// made (HAR, SAML-tracer) is judged at that time; otherwise `policy` unchanged.
const saml::Policy& policy_for(const saml::Capture& capture, const saml::Policy& policy,
                               std::optional<saml::Policy>& storage);

// Explains that a certificate in the message is never trusted and how to pass one.
std::string no_trust_message(std::string_view tool);

// "<tool>: <source>: <message> (line L, <element>, offset N)".
std::string error_line(std::string_view tool, std::string_view source, const saml::Error& error);

// The report formats of all tools, in one list; each tool names the ones it writes. (A new
// format is added here, in format_names(), and in the tool's list.)
enum class Format { Text, Json, JsonLines, Sarif, Junit, Html };
std::string_view format_name(Format format);

// --format (the tool's formats), --json, --json-lines and --color=auto|always|never.
boost::program_options::options_description output_options(std::span<const Format> formats);
// The format chosen (--json and --json-lines are short for --format json / json-lines);
// another name, or two choices that disagree, is a Config error.
saml::Expected<Format> selected_format(const boost::program_options::variables_map& vm,
                                       std::span<const Format> formats);
// --color always or never as given; auto: only when stdout is a terminal, NO_COLOR is unset
// or empty (https://no-color.org) and TERM is not "dumb".
bool use_color(const boost::program_options::variables_map& vm);

// Flushes stdout. A failed write (a full disk, a closed pipe) is said on stderr and turns
// `exit_code` into kExitUsage if it was lower; returns the exit code to end with.
int finish_output(std::string_view tool, int exit_code);

// What --version prints, the same for every tool: "<tool> (samlkit) <version>" (the form
// help2man reads), then "built from git <describe>" when built from a git checkout, then a
// line with the linked libxml2, xmlsec and OpenSSL versions.
std::string version_text(std::string_view tool);

// "a|b|c": the value name --help shows for an option with fixed choices (the shell
// completions offer them), each value written by `name_of`.
template <typename Values, typename NameOf>
std::string choices_text(const Values& values, NameOf name_of) {
  std::string text;
  for (const auto& value : values) text += (text.empty() ? "" : "|") + std::string(name_of(value));
  return text;
}

// The --help layout of every tool: 80 columns, at least 49 for the descriptions (an option
// with a long list of choices gets its description on the next line rather than pushing
// every description to the right).
inline constexpr unsigned kHelpWidth = 80;
inline constexpr unsigned kHelpDescriptionWidth = 49;

// --help and --version, the same on every tool.
boost::program_options::options_description general_options();

// How a tool's command line is read: what --help shows, the hidden positional inputs, and
// the function printing the usage around the options.
struct CommandLine {
  std::string_view tool;
  const boost::program_options::options_description& visible;
  const boost::program_options::options_description& hidden;
  const boost::program_options::positional_options_description& positional;
  void (*print_usage)(const boost::program_options::options_description& visible);
  // Stores more variables after the command line's (saml-lint's config file); may throw
  // boost::program_options::error. Empty: none.
  std::function<void(boost::program_options::variables_map&)> store_more = {};
};

// Parses argv, then answers --help and --version itself. Returns the variables, or the exit
// code the tool ends with: 0 after --help or --version, kExitUsage for a bad command line
// (said on stderr).
std::variant<boost::program_options::variables_map, int> parse_command_line(const CommandLine& line,
                                                                            int argc, char** argv);

// --decrypt-key PEM (repeatable: AWS allows two keys per provider, for rotation) and
// --allow-rsa15 (implemented in decryption_options.cpp).
boost::program_options::options_description decryption_options();
// Reads the --decrypt-key files into policy.decryption_keys and sets policy.allow_rsa15.
// A missing, unreadable or non-RSA key file is a Config error (exit 2).
saml::Expected<saml::Ok> apply_decryption_options(const boost::program_options::variables_map& vm,
                                                  saml::Policy& policy);

// --output FILE (implemented in output_file.cpp).
boost::program_options::options_description output_file_options();

// While it lives, standard output goes to the --output file, so that every format of a tool
// writes there unchanged. Without --output, open() returns null and nothing changes; a file
// that cannot be created is a Config error (exit 2).
class OutputFile {
 public:
  static saml::Expected<std::unique_ptr<OutputFile>> open(const boost::program_options::variables_map& vm);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

 private:
  explicit OutputFile(const std::string& path);
  std::ofstream file_;
  std::streambuf* saved_ = nullptr;
};

}  // namespace samlkit::cli
