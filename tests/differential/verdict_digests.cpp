// Prints one line per input file (and per message in it) with the SHA-256 of the verdict
// JSON (verify_capture -> verdict_to_json) and of the lint JSON (lint_capture ->
// lint_to_json), or of the error when the input does not decode. Optimisations must not
// change a verdict: tests/differential/verdict_digests.txt holds these lines as the code
// before the performance work printed them, and the ctest differential.verdicts compares.
// The lint JSON is also made by lint_captures over batches of kBatch messages that run
// across files; a message whose batched JSON differs gets "batched <digest>" on its line,
// which the comparison then reports.
//
//   verdict_digests SOURCE_ROOT DIR...   (paths printed relative to SOURCE_ROOT)
#include <openssl/evp.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "saml/capture.h"
#include "saml/lint.h"
#include "saml/report.h"
#include "saml/time.h"
#include "saml/trust.h"
#include "saml/verify.h"
#include "saml/xmlenc.h"

namespace fs = std::filesystem;

namespace {

// Inside the fixtures' validity window (fixtures/README.md): every time check is pinned.
constexpr const char* kNow = "2024-05-01T12:01:00Z";
// Not a divisor of the usual counts, so that batches start and end inside files.
constexpr std::size_t kBatch = 7;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string sha256_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

std::string error_text(const saml::Error& error) {
  return std::to_string(static_cast<int>(error.code)) + " " + error.message;
}

// Every fixture key is trusted and every SP key decrypts, so that each fixture reaches the
// deepest stage it can (a wrong-key fixture is still rejected: its key is the attacker's).
struct Setup {
  saml::TrustStore trust;
  saml::LintOptions lint;
};

bool load_setup(const fs::path& keys, Setup& setup) {
  auto now = saml::parse_xs_datetime(kNow);
  if (!now) return false;
  setup.lint.policy.now = *now;
  auto decryption = std::make_shared<saml::DecryptionKeys>();
  std::vector<fs::path> files(fs::directory_iterator(keys), fs::directory_iterator{});
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const std::string name = file.filename().string();
    if (name.rfind("idp-", 0) == 0 && file.extension() == ".crt") {
      if (!setup.trust.add_pem_certificates(read_file(file), name)) return false;
    } else if (name.rfind("sp-", 0) == 0 && file.extension() == ".key") {
      if (!decryption->add_pem_private_key(read_file(file), name)) return false;
    }
  }
  setup.lint.policy.decryption_keys = decryption;
  return true;
}

// One message of an input file, or the file's decode error.
struct Message {
  std::string shown;
  std::optional<saml::Capture> capture;
  std::string decode_error;
};

std::vector<Message> messages_of(const fs::path& file, const std::string& shown, const saml::Policy& policy) {
  auto captures = saml::decode_capture(read_file(file), shown, policy.capture_limits);
  if (!captures) return {{shown, std::nullopt, error_text(captures.error())}};
  std::vector<Message> messages;
  for (saml::Capture& capture : *captures) messages.push_back({shown, std::move(capture), {}});
  return messages;
}

std::string lint_digest(const Message& message, saml::Expected<saml::LintResult> linted) {
  saml::LintReportOptions options;
  options.now = kNow;
  return sha256_hex(saml::lint_to_json({saml::make_lint_entry(message.shown, 0, *message.capture, std::move(linted))},
                                       options));
}

// The lint digest of every message through lint_captures (empty for a decode error).
std::vector<std::string> batched_lint_digests(const std::vector<Message>& messages, const Setup& setup) {
  std::vector<std::string> digests(messages.size());
  std::vector<std::size_t> batch;
  const auto run = [&] {
    std::vector<saml::LintJob> jobs;
    for (const std::size_t i : batch) jobs.push_back({&*messages[i].capture, &setup.lint});
    auto results = saml::lint_captures(jobs, setup.trust);
    for (std::size_t k = 0; k < batch.size(); ++k) digests[batch[k]] = lint_digest(messages[batch[k]], std::move(results[k]));
    batch.clear();
  };
  for (std::size_t i = 0; i < messages.size(); ++i) {
    if (!messages[i].capture) continue;
    batch.push_back(i);
    if (batch.size() == kBatch) run();
  }
  if (!batch.empty()) run();
  return digests;
}

void print_digests(const std::vector<Message>& messages, const Setup& setup) {
  const saml::Policy& policy = setup.lint.policy;
  const std::vector<std::string> batched = batched_lint_digests(messages, setup);
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const Message& message = messages[i];
    if (!message.capture) {
      std::cout << message.shown << " decode " << sha256_hex(message.decode_error) << "\n";
      continue;
    }
    const saml::Capture& capture = *message.capture;
    std::cout << message.shown << " #" << capture.origin.message;
    auto verdict = saml::verify_capture(capture, setup.trust, policy);
    std::cout << " verify " << sha256_hex(verdict ? saml::verdict_to_json(capture, *verdict, policy)
                                                   : error_text(verdict.error()));
    const std::string lint = lint_digest(message, saml::lint_capture(capture, setup.trust, setup.lint));
    std::cout << " lint " << lint;
    if (batched[i] != lint) std::cout << " batched " << batched[i];
    std::cout << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: verdict_digests SOURCE_ROOT DIR...\n";
    return 2;
  }
  const fs::path root = argv[1];
  Setup setup;
  if (!load_setup(root / "fixtures" / "keys", setup)) {
    std::cerr << "verdict_digests: cannot load fixtures/keys\n";
    return 2;
  }
  std::vector<fs::path> files;
  for (int i = 2; i < argc; ++i) {
    for (const auto& entry : fs::recursive_directory_iterator(root / argv[i])) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<Message> messages;
  for (const fs::path& file : files) {
    for (Message& message : messages_of(file, fs::relative(file, root).generic_string(), setup.lint.policy)) {
      messages.push_back(std::move(message));
    }
  }
  print_digests(messages, setup);
  return 0;
}
