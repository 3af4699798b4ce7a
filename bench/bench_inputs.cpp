#include "bench_inputs.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "saml/time.h"

namespace samlbench {

std::string fixture_path(const std::string& relative) {
  return std::string(SAMLKIT_FIXTURES_DIR) + "/" + relative;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

saml::TrustStore fixture_trust_store() {
  saml::TrustStore trust;
  auto added = trust.add_pem_certificates(read_file(fixture_path(kCertFixture)), kCertFixture);
  if (!added) throw std::runtime_error(added.error().message);
  return trust;
}

saml::Policy fixture_policy() {
  saml::Policy policy;
  auto now = saml::parse_xs_datetime(kNow);
  if (!now) throw std::runtime_error(now.error().message);
  policy.now = *now;
  return policy;
}

std::time_t fixture_now() {
  return static_cast<std::time_t>(
      std::chrono::duration_cast<std::chrono::seconds>(fixture_policy().now.time_since_epoch()).count());
}

}  // namespace samlbench
