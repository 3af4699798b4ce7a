// The minimal one-shot xmlsec program saml-verify is compared with: process start, library
// initialisation as xmlsec's own examples do it, then the xmlsec floor's work on one file
// (xmlsec_floor_verify.h: a pinned bare key, the Assertion's ID registered, the Reference
// naming it, no keys manager, KeyInfo not read, the floor's SAML checks), exit status 0
// when it verifies. No teardown: the process ends.
//
//   samlkit_bench_oneshot_xmlsec CERT.pem RESPONSE.xml NOW(unix seconds)
#include <libxml/parser.h>
#include <xmlsec/crypto.h>
#include <xmlsec/xmlsec.h>

#include <cstdio>
#include <string>

#include "xmlsec_floor_verify.h"

namespace {

std::string read_pem(const char* path) {
  std::string text;
  FILE* file = std::fopen(path, "rb");
  if (file == nullptr) return text;
  char block[4096];
  for (std::size_t got; (got = std::fread(block, 1, sizeof block, file)) > 0;) text.append(block, got);
  std::fclose(file);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: samlkit_bench_oneshot_xmlsec CERT.pem RESPONSE.xml NOW\n");
    return 2;
  }
  xmlInitParser();
  if (xmlSecInit() < 0 || xmlSecCheckVersion() != 1 || xmlSecCryptoAppInit(nullptr) < 0 || xmlSecCryptoInit() < 0) {
    return 2;
  }
  xmlSecKey* key = samlbench::load_bare_xmlsec_key(read_pem(argv[1]));
  xmlDoc* doc = xmlReadFile(argv[2], nullptr, XML_PARSE_NONET);
  if (key == nullptr || doc == nullptr) return 3;
  const bool valid = samlbench::xmlsec_verify_document(doc, key, std::stol(argv[3]));
  std::puts(valid ? "OK" : "FAIL");
  return valid ? 0 : 1;
}
