// Verifies every file of a directory with the whole pipeline (decode_capture +
// verify_capture), on JOBS threads, one file in memory per thread at a time (streaming).
// Prints how many were accepted; exits 1 unless all were. bench/run times the process.
// With "floor" or "xmlsec-floor" the files (raw XML) go through that floor instead, so that
// bench/run can time the floors as whole processes and count their instructions per message.
//
//   samlkit_bench_batch JOBS CERT.pem DIR [floor|xmlsec-floor]
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "bench_inputs.h"
#include "floor.h"
#include "xmlsec_floor.h"
#include "saml/capture.h"
#include "saml/thread_crypto.h"
#include "saml/verify.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const std::string mode = argc == 5 ? argv[4] : "";
  if ((argc != 4 && argc != 5) || (argc == 5 && mode != "floor" && mode != "xmlsec-floor")) {
    std::cerr << "usage: samlkit_bench_batch JOBS CERT.pem DIR [floor|xmlsec-floor]\n";
    return 2;
  }
  std::optional<samlbench::Floor> floor;
  std::optional<samlbench::XmlsecFloor> xmlsec_floor;
  if (mode == "floor") floor.emplace(samlbench::read_file(argv[2]), samlbench::fixture_now());
  if (mode == "xmlsec-floor") xmlsec_floor.emplace(samlbench::read_file(argv[2]), samlbench::fixture_now());
  const int jobs = std::max(1, std::stoi(argv[1]));
  saml::TrustStore trust;
  if (auto added = trust.add_pem_certificates(samlbench::read_file(argv[2]), argv[2]); !added) {
    std::cerr << "samlkit_bench_batch: " << added.error().message << "\n";
    return 2;
  }
  const saml::Policy policy = samlbench::fixture_policy();
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(argv[3])) files.push_back(entry.path());
  std::sort(files.begin(), files.end());

  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> accepted{0};
  auto work = [&](const saml::TrustStore& keys) {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      const std::string bytes = samlbench::read_file(files[i].string());
      if (floor || xmlsec_floor) {
        if (floor ? floor->verify_xml(bytes) : xmlsec_floor->verify_xml(bytes)) ++accepted;
        continue;
      }
      auto captures = saml::decode_capture(bytes, files[i].string(), policy.capture_limits);
      if (!captures) continue;
      for (const saml::Capture& capture : *captures) {
        auto verdict = saml::verify_capture(capture, keys, policy);
        if (verdict && verdict->accepted) ++accepted;
      }
    }
  };
  // As saml-lint --jobs does: every extra thread in an OpenSSL context of its own, with its
  // own copy of the keys (the floors' threads share theirs, as xmlsec's examples do).
  const auto extra_thread_work = [&] {
    if (floor || xmlsec_floor) return work(trust);
    const saml::ThreadCrypto crypto;
    work(trust.for_this_thread());
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(extra_thread_work);
  work(trust);
  for (std::thread& thread : threads) thread.join();
  std::cout << "files " << files.size() << " accepted " << accepted.load() << "\n";
  return accepted.load() == files.size() ? 0 : 1;
}
