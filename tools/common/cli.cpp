#include "cli.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <vector>

#include "saml/time.h"
#include "saml/version.h"

namespace po = boost::program_options;

namespace samlkit::cli {
namespace {

constexpr std::size_t kMaxTrustFileBytes = std::size_t{1024} * 1024;

saml::Error read_error(saml::ErrorKind kind, saml::ErrorCode code, std::string message) {
  return saml::Error{kind, code, std::move(message), {}};
}

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// Reads in 16 KB steps into the growing string: no zero-filled buffer per input, which
// showed in batch profiles (saml-lint reads thousands of files).
saml::Error too_large(std::size_t max_bytes, std::string_view limit_option) {
  return read_error(saml::ErrorKind::Limit, saml::ErrorCode::InputSize,
                    "input is larger than " + std::to_string(max_bytes) + " bytes" +
                        (limit_option.empty() ? std::string()
                                              : " (raise the limit with " + std::string(limit_option) + " BYTES)"));
}

// `expected_size`: the file's size when known, so that a large HAR is held once, not in a
// string that doubled past it.
saml::Expected<std::string> read_stream(std::FILE* in, std::size_t max_bytes, saml::ErrorKind failure_kind,
                                        std::string_view limit_option, std::size_t expected_size = 0) {
  std::string data;
  data.reserve(std::min(expected_size, max_bytes) + 1);
  std::array<char, std::size_t{16} * 1024> buffer;  // NOLINT(cppcoreguidelines-pro-type-member-init): filled by fread
  for (;;) {
    const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), in);
    data.append(buffer.data(), got);
    if (data.size() > max_bytes) return too_large(max_bytes, limit_option);
    if (got < buffer.size()) break;
  }
  if (std::ferror(in) != 0) return read_error(failure_kind, saml::ErrorCode::InputRead, std::string("cannot read: ") + std::strerror(errno));
  return data;
}

// Names the option or file an error came from, unless the message starts with it already.
saml::Error with_source(saml::Error error, const std::string& source) {
  error.kind = saml::ErrorKind::Config;
  if (error.message.rfind(source + ": ", 0) != 0) error.message = source + ": " + error.message;
  return error;
}

}  // namespace

int exit_code_for(saml::ErrorKind kind) {
  switch (kind) {
    case saml::ErrorKind::Decode:
    case saml::ErrorKind::Limit: return kExitUnreadable;
    case saml::ErrorKind::Config: return kExitUsage;
  }
  return kExitUsage;
}

saml::Expected<std::string> read_input(std::string_view tool, const std::string& path,
                                       const InputSelection& selection) {
  if (path == "-" && isatty(STDIN_FILENO) == 1) {
    std::cerr << tool << ": reading a capture from the terminal: paste it, then press Ctrl-D "
              << "(or give a file: " << tool << " FILE)\n";
  }
  return read_file(path, selection.max_bytes, saml::ErrorKind::Decode, "--max-input-size");
}

saml::Expected<InputMessages> read_captures(std::string_view tool, const std::string& path,
                                            const InputSelection& selection,
                                            const saml::CaptureLimits& limits) {
  auto bytes = read_input(tool, path, selection);
  if (!bytes) return bytes.error();
  return plan_input(*bytes, path, selection, limits);
}

saml::Expected<InputMessages> plan_input(const std::string& bytes, const std::string& source,
                                         const InputSelection& selection,
                                         const saml::CaptureLimits& limits) {
  auto captures = saml::decode_capture(bytes, source, limits);
  if (!captures) return captures.error();
  auto plan = plan_messages(*captures, selection);
  if (!plan) return plan.error();
  // The plan points into `captures`: move each planned message out by its position.
  const auto take = [&captures](const saml::Capture* capture) {
    return std::move((*captures)[static_cast<std::size_t>(capture - captures->data())]);
  };
  InputMessages messages;
  for (const saml::Capture* capture : plan->judged) messages.judged.push_back(take(capture));
  for (const saml::Capture* capture : plan->listed) messages.listed.push_back(take(capture));
  return messages;
}

std::vector<std::string> values_of(const po::variables_map& vm, const char* name) {
  return vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

int fail(std::string_view tool, std::string_view source, const saml::Error& error) {
  std::cerr << error_line(tool, source, error) << "\n";
  return exit_code_for(error.kind);
}

saml::Expected<std::string> read_file(const std::string& path, std::size_t max_bytes,
                                      saml::ErrorKind failure_kind, std::string_view limit_option) {
  if (path == "-") return read_stream(stdin, max_bytes, failure_kind, limit_option);
  const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    return read_error(failure_kind, saml::ErrorCode::InputOpen,
                      std::string("cannot open: ") + std::strerror(errno));
  }
  // read_stream reads in 16 KiB blocks: no stdio buffer (allocated per file) between them.
  std::setvbuf(file.get(), nullptr, _IONBF, 0);
  struct stat status {};
  std::size_t size = 0;
  if (fstat(fileno(file.get()), &status) == 0 && S_ISREG(status.st_mode)) {
    size = static_cast<std::size_t>(status.st_size);
    if (size > max_bytes) return too_large(max_bytes, limit_option);
  }
  return read_stream(file.get(), max_bytes, failure_kind, limit_option, size);
}

po::options_description input_options() {
  po::options_description options("Input");
  options.add_options()
      ("index", po::value<std::size_t>()->value_name("N"),
       "only message N of each input (1-based, as the reports number them)")
      ("max-input-size", po::value<std::size_t>()->value_name("BYTES"),
       ("largest input file read (default " + std::to_string(kDefaultMaxInputBytes >> 20) +
        " MiB; a HAR from a long session can be hundreds of MB)").c_str());
  return options;
}

saml::Expected<InputSelection> read_input_options(const po::variables_map& vm) {
  InputSelection selection;
  if (vm.count("index")) {
    selection.index = vm["index"].as<std::size_t>();
    if (*selection.index == 0) {
      return read_error(saml::ErrorKind::Config, saml::ErrorCode::CliIndex, "--index counts from 1");
    }
  }
  if (vm.count("max-input-size")) selection.max_bytes = vm["max-input-size"].as<std::size_t>();
  if (selection.max_bytes == 0) {
    return read_error(saml::ErrorKind::Config, saml::ErrorCode::CliMaxInputSize, "--max-input-size must be at least 1 byte");
  }
  return selection;
}

saml::Expected<MessagePlan> plan_messages(const std::vector<saml::Capture>& captures,
                                          const InputSelection& selection) {
  MessagePlan plan;
  if (selection.index) {
    const std::size_t index = *selection.index;
    if (index > captures.size()) {
      const std::string source = captures.empty() ? std::string("the input") : captures.front().origin.source;
      return read_error(saml::ErrorKind::Config, saml::ErrorCode::CliIndex,
                        "--index " + std::to_string(index) + ": " + source + " holds " +
                            std::to_string(captures.size()) +
                            (captures.size() == 1 ? " message" : " messages"));
    }
    plan.judged.push_back(&captures[index - 1]);
    return plan;
  }
  std::vector<const saml::Capture*> requests;
  if (captures.size() == 1) {  // no flow: the batch path does not need the root element
    plan.judged.push_back(&captures.front());
    return plan;
  }
  for (const saml::Capture& capture : captures) {
    (saml::is_saml_request(capture) ? requests : plan.judged).push_back(&capture);
  }
  if (plan.judged.empty()) {
    plan.judged = std::move(requests);
  } else {
    plan.listed = std::move(requests);
  }
  return plan;
}

std::string listed_request_note(const saml::Capture& capture) {
  return saml::describe_origin(capture) +
         ": note: a SAML request, listed for information; only the flow's Responses are judged "
         "(--index " + std::to_string(capture.origin.message) + " judges it)";
}

po::options_description trust_options() {
  po::options_description options("Trusted keys (at least one; a certificate inside the message is never trusted)");
  options.add_options()
      ("cert", po::value<std::vector<std::string>>()->value_name("PEM")->composing(),
       "IdP signing certificate file (PEM, may hold several; repeatable for key rollover)")
      ("pubkey", po::value<std::vector<std::string>>()->value_name("PEM")->composing(),
       "IdP signing public key, PEM 'PUBLIC KEY' as xmlsec1 --pubkey-pem reads (repeatable)")
      ("fingerprint", po::value<std::vector<std::string>>()->value_name("SHA256")->composing(),
       "SHA-256 fingerprint of the IdP certificate, hex with or without colons (repeatable)")
      ("metadata", po::value<std::vector<std::string>>()->value_name("FILE")->composing(),
       "IdP metadata XML; its signing KeyDescriptors are trusted (repeatable)");
  return options;
}

po::options_description time_options() {
  po::options_description options("Time");
  options.add_options()
      ("now", po::value<std::string>()->value_name("TIME"),
       "judge the message's conditions at this xs:dateTime (e.g. 2024-05-01T12:01:00Z); "
       "default: the time a HAR or SAML-tracer capture records, else the system clock")
      ("cert-now", po::value<std::string>()->value_name("TIME"),
       "judge certificate and metadata expiry at this xs:dateTime (default: the system clock, "
       "whatever --now says)")
      ("skew", po::value<long long>()->value_name("SECONDS")->default_value(0),
       "allowed clock skew in seconds (AWS documents none)");
  return options;
}

saml::Expected<saml::TrustStore> build_trust_store(const po::variables_map& vm) {
  saml::TrustStore trust;
  for (const std::string& path : values_of(vm, "cert")) {
    auto pem = read_file(path, kMaxTrustFileBytes, saml::ErrorKind::Config);
    if (!pem) return with_source(pem.error(), "--cert " + path);
    auto added = trust.add_pem_certificates(*pem, path);
    if (!added) return with_source(added.error(), path);
  }
  for (const std::string& path : values_of(vm, "pubkey")) {
    auto pem = read_file(path, kMaxTrustFileBytes, saml::ErrorKind::Config);
    if (!pem) return with_source(pem.error(), "--pubkey " + path);
    auto added = trust.add_pem_public_keys(*pem, path);
    if (!added) return with_source(added.error(), path);
  }
  for (const std::string& text : values_of(vm, "fingerprint")) {
    auto added = trust.add_fingerprint(text);
    if (!added) return with_source(added.error(), "--fingerprint " + text);
  }
  for (const std::string& path : values_of(vm, "metadata")) {
    auto xml = read_file(path, kMaxTrustFileBytes, saml::ErrorKind::Config);
    if (!xml) return with_source(xml.error(), "--metadata " + path);
    auto added = trust.add_metadata(*xml, path);
    if (!added) return with_source(added.error(), path);
  }
  return trust;
}

// Sets `at` from option `name`, or from the clock when it is absent.
saml::Expected<saml::Ok> read_time_option(const po::variables_map& vm, const char* name,
                                          saml::TimePoint& at, saml::TimeSource& source) {
  if (vm.count(name) == 0) {
    at = std::chrono::time_point_cast<std::chrono::seconds>(saml::Clock::now());
    source = saml::TimeSource::SystemClock;
    return saml::Ok{};
  }
  const std::string& text = vm[name].as<std::string>();
  auto parsed = saml::parse_xs_datetime(text);
  if (!parsed) return with_source(parsed.error(), "--" + std::string(name) + " " + text);
  at = *parsed;
  source = saml::TimeSource::Option;
  return saml::Ok{};
}

saml::Expected<saml::Ok> apply_time_options(const po::variables_map& vm, saml::Policy& policy) {
  if (auto now = read_time_option(vm, "now", policy.now, policy.now_source); !now) return now;
  if (auto cert = read_time_option(vm, "cert-now", policy.cert_now, policy.cert_now_source); !cert) {
    return cert;
  }
  const long long skew = vm["skew"].as<long long>();
  if (skew < 0 || skew > 86400) {
    return read_error(saml::ErrorKind::Config, saml::ErrorCode::CliSkew,
                      "--skew " + std::to_string(skew) + ": expected 0 to 86400 seconds");
  }
  policy.skew = std::chrono::seconds(skew);
  return saml::Ok{};
}

const saml::Policy& policy_for(const saml::Capture& capture, const saml::Policy& policy,
                               std::optional<saml::Policy>& storage) {
  if (policy.now_source != saml::TimeSource::SystemClock || !capture.captured_at) return policy;
  storage = policy;
  storage->now = *capture.captured_at;
  storage->now_source = saml::TimeSource::Capture;
  return *storage;
}

po::options_description expectation_options() {
  po::options_description options("Expectations");
  options.add_options()
      ("audience", po::value<std::vector<std::string>>()->value_name("URI")->composing(),
       "accepted audience, exact match (repeatable; default: the AWS audiences)")
      ("recipient", po::value<std::vector<std::string>>()->value_name("URL")->composing(),
       "accepted Recipient, exact match (repeatable; default: the AWS sign-in endpoints)")
      ("allow-sha1", po::bool_switch(), "accept RSA-SHA1/ECDSA-SHA1 signatures and SHA-1 digests")
      ("max-size", po::value<std::size_t>()->value_name("BYTES")->default_value(1024 * 1024),
       "largest decoded XML message accepted");
  return options;
}

saml::Expected<saml::Ok> apply_expectation_options(const po::variables_map& vm, saml::Policy& policy) {
  policy.audiences = values_of(vm, "audience");
  policy.recipients = values_of(vm, "recipient");
  policy.allow_sha1 = vm["allow-sha1"].as<bool>();
  const std::size_t max_size = vm["max-size"].as<std::size_t>();
  if (max_size == 0) {
    return read_error(saml::ErrorKind::Config, saml::ErrorCode::CliMaxSize, "--max-size must be at least 1 byte");
  }
  policy.capture_limits.max_xml_bytes = max_size;
  policy.parse_limits.max_bytes = max_size;
  return saml::Ok{};
}

std::string no_trust_message(std::string_view tool) {
  return std::string(tool) +
         ": no trusted key given. A certificate embedded in the message is never trusted "
         "(anyone can embed one); pass the IdP signing certificate with --cert idp.pem, its "
         "public key with --pubkey idp-pub.pem, its SHA-256 fingerprint with "
         "--fingerprint AB:CD:..., or the IdP metadata with "
         "--metadata metadata.xml (in Okta: the AWS app's Sign On tab > 'Identity Provider "
         "metadata').";
}

std::string error_line(std::string_view tool, std::string_view source, const saml::Error& error) {
  std::string where;
  const auto add = [&](const std::string& part) {
    if (error.message.find(part) == std::string::npos) where += (where.empty() ? "" : ", ") + part;
  };
  if (error.where.line > 0) add("line " + std::to_string(error.where.line));
  if (!error.where.element.empty()) add(error.where.element);
  if (error.where.offset >= 0) add("offset " + std::to_string(error.where.offset));
  std::string line = std::string(tool) + ": ";
  if (!source.empty()) line += std::string(source) + ": ";
  line += error.message;
  if (!where.empty()) line += " (" + where + ")";
  return line;
}

po::options_description general_options() {
  po::options_description general("General");
  general.add_options()("help,h", "show this help")("version", "show the version");
  return general;
}

std::variant<po::variables_map, int> parse_command_line(const CommandLine& line, int argc, char** argv) {
  po::options_description all;
  all.add(line.visible).add(line.hidden);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(line.positional).run(), vm);
    if (line.store_more && !vm.count("help") && !vm.count("version")) line.store_more(vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << line.tool << ": " << e.what() << "\nTry '" << line.tool << " --help'.\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    line.print_usage(line.visible);
    return kExitPass;
  }
  if (vm.count("version")) {
    std::cout << version_text(line.tool);
    return kExitPass;
  }
  return vm;
}

std::string version_text(std::string_view tool) {
  std::string text = std::string(tool) + " (samlkit) " + saml::version() + "\n";
  const std::string git = saml::git_description();
  if (!git.empty()) text += "built from git " + git + "\n";
  return text + saml::library_versions() + "\n";
}

po::options_description profile_options() {
  const std::string choices = choices_text(saml::kAllProfiles, saml::profile_name);
  po::options_description options("Profile");
  options.add_options()
      ("profile", po::value<std::string>()->value_name(choices),
       "judge as aws (IAM federation), aws-identity-center or generic; default: detected per "
       "message from its audience, Recipient and Destination (aws when nothing identifies it)")
      ("issuer", po::value<std::vector<std::string>>()->value_name("URI")->composing(),
       "accepted IdP Issuer (entityID), exact match (repeatable; default: any, or with "
       "--metadata the entityID of the metadata whose key verified it)");
  return options;
}

saml::Expected<saml::Ok> apply_profile_options(const po::variables_map& vm, saml::Policy& policy) {
  if (vm.count("profile")) {
    const std::string name = vm["profile"].as<std::string>();
    policy.profile = saml::parse_profile(name);
    if (!policy.profile) {
      return saml::Error{saml::ErrorKind::Config, saml::ErrorCode::UsageProfile,
                         "--profile " + name + ": expected aws, aws-identity-center or generic", {}};
    }
  }
  if (vm.count("issuer")) policy.issuers = vm["issuer"].as<std::vector<std::string>>();
  return saml::Ok{};
}

}  // namespace samlkit::cli
