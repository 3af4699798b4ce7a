// Verifies a captured SAML Response through the samlkit library API, the way saml-verify
// does, and prints the verified identity or every reason for rejection.
//
//   verify_response IDP-CERT.pem NOW CAPTURE
// for example, from the repository root:
//   verify_response fixtures/keys/idp-rsa.crt 2024-05-01T12:01:00Z
//                   fixtures/captures/okta-aws-signed-assertion.b64
//
// Exit status: 0 accepted, 1 rejected, 2 the arguments or the capture could not be used.
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "saml/capture.h"
#include "saml/policy.h"
#include "saml/time.h"
#include "saml/trust.h"
#include "saml/verify.h"

namespace {

bool read_file(const char* path, std::string& out) {
  std::ifstream file(path, std::ios::binary);
  out.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  return !file.bad() && file.is_open();
}

int fail(const std::string& what, const saml::Error& error) {
  std::cerr << "verify_response: " << what << ": " << error.message << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: verify_response IDP-CERT.pem NOW CAPTURE\n";
    return 2;
  }
  std::string pem;
  std::string bytes;
  if (!read_file(argv[1], pem) || !read_file(argv[3], bytes)) {
    std::cerr << "verify_response: cannot read " << argv[1] << " or " << argv[3] << "\n";
    return 2;
  }

  // 1. Trust: only the keys given here; a certificate inside the message is never trusted.
  //    The store pins them as public keys once, and can be shared by many verifications.
  saml::TrustStore trust;
  if (auto added = trust.add_pem_certificates(pem, argv[1]); !added) {
    return fail("certificate", added.error());
  }

  // 2. Policy: the library never reads the clock; `now` is the caller's choice (here the
  //    capture time). Empty audiences/recipients mean the AWS defaults.
  saml::Policy policy;
  auto now = saml::parse_xs_datetime(argv[2]);
  if (!now) return fail("NOW", now.error());
  policy.now = *now;

  // 3. Decode whatever was captured (XML, base64, form body, HAR, ...): one or more messages.
  auto captures = saml::decode_capture(bytes, argv[3], policy.capture_limits);
  if (!captures) return fail(argv[3], captures.error());

  int status = 0;
  for (const saml::Capture& capture : *captures) {
    // 4. Verify: an Error only when the message cannot be parsed at all; otherwise a Verdict
    //    holding every finding. Values in it come only from signature-covered nodes.
    auto verdict = saml::verify_capture(capture, trust, policy);
    if (!verdict) return fail(argv[3], verdict.error());
    if (!verdict->accepted) {
      status = 1;
      std::cout << "rejected\n";
      for (const saml::Finding& finding : verdict->findings) {
        std::cout << "  " << finding.rule_id << " " << saml::severity_name(finding.severity)
                  << ": " << finding.message << "\n";
      }
      continue;
    }
    std::cout << "accepted: " << verdict->assertion->name_id << "\n";
    for (const saml::RolePair& pair : verdict->aws->roles) {
      std::cout << "  role " << pair.role.to_string() << " via " << pair.provider.to_string()
                << "\n";
    }
  }
  return status;
}
