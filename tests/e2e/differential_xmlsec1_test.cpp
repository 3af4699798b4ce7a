// Differential check: samlkit's signature verdict against the xmlsec1 command-line tool
// (hardened: same-document references only, the trusted key only, KeyInfo ignored) on every
// fixture, with the key given as a certificate and as a bare public key. They must agree,
// except that samlkit is stricter exactly on the files listed in fixtures/attacks/README.md,
// where the SAML signature profile applies. Also: samlkit decrypts (in the namespace context
// of the EncryptedAssertion) exactly the interop fixtures xmlsec1 decrypts in place.
#define BOOST_TEST_MODULE differential_xmlsec1
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "saml/dsig.h"
#include "saml/verify.h"
#include "saml/xml.h"
#include "saml/xmlenc.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

const std::string kFixtures = SAMLKIT_FIXTURES_DIR;
const std::string kCert = kFixtures + "/keys/idp-rsa.crt";
const std::string kPublicKey = kFixtures + "/keys/idp-rsa.pub.pem";
const std::string kSpKey = kFixtures + "/keys/sp-rsa.key";

// How the one trusted key is given: as its certificate, or as a bare public key.
struct TrustForm {
  const char* name;
  std::vector<std::string> xmlsec1_options;
  bool public_key;
};
const std::vector<TrustForm> kTrustForms = {
    {"certificate", {"--pubkey-cert-pem", kCert}, false},
    {"public key", {"--pubkey-pem", kPublicKey}, true},
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Runs xmlsec1 (no shell) with its output discarded; true when it exits 0.
bool xmlsec1_succeeds(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot run " + std::string(XMLSEC1_PATH));
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) throw std::runtime_error("waitpid failed for xmlsec1");
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Does xmlsec1 verify the signature_index-th ds:Signature of `file` with only that key?
bool xmlsec1_verifies(const fs::path& file, int signature_index, const TrustForm& trust) {
  const std::string xpath = "(//*[local-name()='Signature' and namespace-uri()='http://www.w3.org/2000/09/xmldsig#'])[" +
                            std::to_string(signature_index + 1) + "]";
  std::vector<std::string> args = {XMLSEC1_PATH, "--verify", "--enabled-reference-uris", "same-doc",
                                   "--enabled-key-data", "key-name", "--ignore-manifests"};
  args.insert(args.end(), trust.xmlsec1_options.begin(), trust.xmlsec1_options.end());
  args.insert(args.end(), {"--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:Response",
                           "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion",
                           "--node-xpath", xpath, file.string()});
  return xmlsec1_succeeds(std::move(args));
}

// Does xmlsec1 decrypt the (first) EncryptedData of `file` in place with the SP key into a
// namespace-well-formed document? (With a prefix declared nowhere it still exits 0, having
// read the element as one in no namespace: no SAML element for its caller either.)
bool xmlsec1_decrypts(const fs::path& file) {
  const fs::path output = fs::temp_directory_path() / ("samlkit-differential-" + file.filename().string());
  const bool decrypted =
      xmlsec1_succeeds({XMLSEC1_PATH, "--decrypt", "--privkey-pem", kSpKey, "--output", output.string(), file.string()});
  const bool well_formed = decrypted && saml::parse_xml(read_file(output)).has_value();
  fs::remove(output);
  return well_formed;
}

// The files the README lists under "Differential check" (first column: `dir/file`).
std::set<std::string> listed_stricter_files() {
  const std::string readme = read_file(kFixtures + "/attacks/README.md");
  const auto section = readme.find("## Differential check");
  if (section == std::string::npos) throw std::runtime_error("README has no Differential check section");
  std::set<std::string> files;
  std::istringstream lines(readme.substr(section));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line) && line.rfind("## ", 0) != 0) {
    if (line.rfind("| `", 0) != 0) continue;
    const auto end = line.find('`', 3);
    if (end != std::string::npos) files.insert(line.substr(3, end - 3));
  }
  return files;
}

std::vector<fs::path> signature_fixtures() {
  std::vector<fs::path> files;
  for (const char* dir : {"responses", "attacks", "interop"}) {
    for (const auto& entry : fs::directory_iterator(kFixtures + "/" + dir)) {
      if (entry.path().extension() == ".xml") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string relative_name(const fs::path& file) {
  return file.parent_path().filename().string() + "/" + file.filename().string();
}

std::size_t count_signatures(const std::string& xml) {
  std::size_t count = 0;
  for (auto at = xml.find("<ds:Signature "); at != std::string::npos; at = xml.find("<ds:Signature ", at + 1)) ++count;
  for (auto at = xml.find("<ds:Signature>"); at != std::string::npos; at = xml.find("<ds:Signature>", at + 1)) ++count;
  return count;
}

// samlkit's signature verdicts against xmlsec1's on every fixture, with the one trusted key
// given in `form`.
void compare_signatures(const TrustForm& form) {
  saml::TrustStore trust;
  auto added = form.public_key ? trust.add_pem_public_keys(read_file(kPublicKey), kPublicKey)
                               : trust.add_pem_certificates(read_file(kCert), kCert);
  BOOST_TEST_REQUIRE(added.has_value(), "cannot load the trusted key");
  const std::set<std::string> listed = listed_stricter_files();
  BOOST_TEST_REQUIRE(!listed.empty(), "the README lists no file");

  std::set<std::string> stricter;
  std::size_t compared = 0;
  for (const fs::path& file : signature_fixtures()) {
    const std::string name = relative_name(file);
    const std::string xml = read_file(file);
    // samlkit's verdict per ds:Signature in document order; a refused parse verifies none.
    std::vector<bool> samlkit;
    auto doc = saml::parse_xml(xml);
    if (doc) {
      const saml::DsigResult result = saml::verify_signatures(*doc, trust, saml::DsigPolicy{});
      for (const auto& report : result.signatures) samlkit.push_back(report.status == saml::SignatureStatus::Verified);
    }
    // xmlsec1 sees the signatures libxml2 sees with entities substituted; textual count
    // is enough here (the fixtures write every signature as <ds:Signature ...>).
    const std::size_t signatures = std::max<std::size_t>(count_signatures(xml), 1);
    for (std::size_t i = 0; i < signatures; ++i) {
      const bool theirs = xmlsec1_verifies(file, static_cast<int>(i), form);
      const bool ours = i < samlkit.size() && samlkit[i];
      ++compared;
      BOOST_TEST(!(ours && !theirs),
                 name << " signature " << i + 1 << ": samlkit verifies what xmlsec1 refuses (security bug)");
      if (theirs && !ours) stricter.insert(name);
    }
  }
  BOOST_TEST_MESSAGE(compared << " signatures compared");
  for (const std::string& name : stricter) {
    BOOST_TEST(listed.count(name) == 1U,
               name << ": samlkit refuses a signature xmlsec1 accepts, but the README does not list it");
  }
  for (const std::string& name : listed) {
    BOOST_TEST(stricter.count(name) == 1U,
               name << ": listed as stricter in the README, but samlkit and xmlsec1 agree on it");
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(samlkit_agrees_with_xmlsec1_except_where_the_profile_applies) {
  for (const TrustForm& form : kTrustForms) {
    BOOST_TEST_CONTEXT("trusted key given as " << form.name) { compare_signatures(form); }
  }
}

// xmlsec1 decrypts in place: prefixes used but not declared in the plaintext come from the
// elements around it. samlkit must decrypt exactly what xmlsec1 decrypts (then judge it).
BOOST_AUTO_TEST_CASE(samlkit_decrypts_in_context_what_xmlsec1_decrypts) {
  auto keys = std::make_shared<saml::DecryptionKeys>();
  BOOST_TEST_REQUIRE(keys->add_pem_private_key(read_file(kSpKey), kSpKey).has_value());
  saml::Policy policy;
  policy.decryption_keys = keys;
  std::size_t compared = 0;
  for (const auto& entry : fs::directory_iterator(kFixtures + "/interop")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("encrypted-", 0) != 0 || name.rfind("encrypted-id-", 0) == 0) continue;
    saml::Capture capture;
    capture.xml = read_file(entry.path());
    auto verdict = saml::verify_capture(capture, saml::TrustStore{}, policy);
    BOOST_TEST_REQUIRE(verdict.has_value(), name);
    const bool ours = verdict->encryption && verdict->encryption->decrypted;
    BOOST_TEST(ours == xmlsec1_decrypts(entry.path()), name << ": samlkit decrypts " << ours << ", xmlsec1 the opposite");
    ++compared;
  }
  BOOST_TEST(compared >= 3U, "the interop fixtures with encrypted assertions are missing");
}
