// A program built only against an installed samlkit: verifies one capture with a trusted
// certificate at a given time. Exit 0 accepted, 1 rejected, 2 bad arguments or input.
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include <saml/capture.h>
#include <saml/time.h>
#include <saml/trust.h>
#include <saml/verify.h>
#include <saml/version.h>

namespace {

std::string read_all(const char* path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: consumer CERT.pem NOW INPUT\n";
    return 2;
  }
  saml::TrustStore trust;
  auto added = trust.add_pem_certificates(read_all(argv[1]), argv[1]);
  saml::Policy policy;
  auto now = saml::parse_xs_datetime(argv[2]);
  auto captures = saml::decode_capture(read_all(argv[3]), argv[3]);
  if (!added || !now || !captures || captures->size() != 1) {
    std::cerr << "consumer: bad certificate, time or input\n";
    return 2;
  }
  policy.now = *now;
  auto verdict = saml::verify_capture(captures->front(), trust, policy);
  if (!verdict) {
    std::cerr << "consumer: " << verdict.error().message << "\n";
    return 2;
  }
  std::cout << "samlkit " << saml::version() << ": "
            << (verdict->accepted ? "accepted" : "rejected") << "\n";
  return verdict->accepted ? 0 : 1;
}
