// What every samlkit tool shares: exit codes, input reading, the trust and time options,
// error lines and the colour decision.
#pragma once

#include <boost/program_options.hpp>

#include <cstddef>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

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

// The most bytes a tool reads from its INPUT (a HAR file may be large; each message in it is
// held to the decoded-XML limits by the capture stage).
inline constexpr std::size_t kMaxInputBytes = 64 * 1024 * 1024;

// Reads a whole file, or stdin for "-". More than max_bytes is a Limit error; a missing or
// unreadable file is an error of kind `failure_kind` (Decode for the input, exit 3;
// Config for keys and metadata, exit 2).
saml::Expected<std::string> read_file(const std::string& path, std::size_t max_bytes,
                                      saml::ErrorKind failure_kind);

// --cert PEM, --fingerprint SHA256, --metadata FILE (each repeatable).
boost::program_options::options_description trust_options();
// --now TIME (xs:dateTime; default: this machine's clock), --skew SECONDS.
boost::program_options::options_description time_options();

// --profile NAME (aws, aws-identity-center, generic; default: detected) and --issuer URI
// (repeatable): which rules judge a message and which IdPs it may come from.
boost::program_options::options_description profile_options();
// Sets policy.profile and policy.issuers; an unknown profile name is a Config error (exit 2).
saml::Expected<saml::Ok> apply_profile_options(const boost::program_options::variables_map& vm,
                                               saml::Policy& policy);

// The TrustStore from the trust options (may be empty: the tool decides what that means).
saml::Expected<saml::TrustStore> build_trust_store(const boost::program_options::variables_map& vm);
// Sets policy.now and policy.skew from the time options. The tool, not the library, reads
// the clock.
saml::Expected<saml::Ok> apply_time_options(const boost::program_options::variables_map& vm,
                                            saml::Policy& policy);

// Explains that a certificate in the message is never trusted and how to pass one.
std::string no_trust_message(std::string_view tool);

// "<tool>: <source>: <message> (line L, <element>, offset N)".
std::string error_line(std::string_view tool, std::string_view source, const saml::Error& error);

// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
bool use_color();

// What --version prints, the same for every tool: "<tool> (samlkit) <version>" (the form
// help2man reads), then a line with the linked libxml2, xmlsec and OpenSSL versions.
std::string version_text(std::string_view tool);

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
boost::program_options::options_description output_options();

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
