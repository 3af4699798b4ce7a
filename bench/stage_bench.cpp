// Cost of each stage of verifying the typical Okta->AWS response, and of the floor, in
// one run. bench/run turns the medians into ratios to BM_Floor.
#include <benchmark/benchmark.h>

#include <ctime>
#include <stdexcept>

#include "bench_inputs.h"
#include "dsig/id_index.h"
#include "dsig/profile.h"
#include "dsig/xmlsec_verify.h"
#include "floor.h"
#include "saml/aws.h"
#include "saml/capture.h"
#include "saml/checks.h"
#include "saml/dsig.h"
#include "saml/lint.h"
#include "saml/model.h"
#include "saml/report.h"
#include "saml/verify.h"
#include "saml/xml.h"
#include "trust/pinned_key.h"

namespace {

using namespace samlbench;

// Everything a stage needs as input, prepared once and checked to be the accepting case.
struct Inputs {
  std::string base64 = read_file(fixture_path(kBase64Fixture));
  std::string xml = read_file(fixture_path(kResponseFixture));
  saml::TrustStore trust = fixture_trust_store();
  saml::Policy policy = fixture_policy();
  saml::Capture capture;
  saml::Verdict verdict;

  Inputs() {
    auto captures = saml::decode_capture(base64, "bench");
    if (!captures || captures->size() != 1 || (*captures)[0].xml != xml) {
      throw std::runtime_error("the base64 fixture does not decode to the XML fixture");
    }
    capture = (*captures)[0];
    auto checked = saml::verify_capture(capture, trust, policy);
    if (!checked || !checked->accepted || !checked->assertion) {
      throw std::runtime_error("the fixture is not accepted: the benchmark would measure a failure path");
    }
    verdict = std::move(*checked);
    if (!Floor(read_file(fixture_path(kCertFixture))).verify_base64(base64)) {
      throw std::runtime_error("the floor does not verify the fixture");
    }
  }
  const xmlNode* assertion_node() const { return verdict.assertion->node; }
  const xmlNode* signature_node() const { return saml::first_child(assertion_node(), saml::ns::dsig, "Signature"); }
};

const Inputs& inputs() {
  static const Inputs prepared;
  return prepared;
}

void BM_Floor(benchmark::State& state) {
  const Floor floor(read_file(fixture_path(kCertFixture)));
  for (auto _ : state) {
    if (!floor.verify_base64(inputs().base64)) state.SkipWithError("floor did not verify");
  }
}
BENCHMARK(BM_Floor);

void BM_Capture(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(saml::decode_capture(inputs().base64, "bench"));
}
BENCHMARK(BM_Capture);

void BM_Parse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(saml::parse_xml(inputs().xml));
}
BENCHMARK(BM_Parse);

void BM_SignatureProfile(benchmark::State& state) {
  const saml::Document& doc = *inputs().verdict.document;
  saml::detail::index_saml_ids(doc.get());  // the profile resolves the Reference through it
  const saml::DsigPolicy policy;
  for (auto _ : state) {
    saml::detail::SignatureShape shape;
    shape.signature = inputs().signature_node();
    benchmark::DoNotOptimize(saml::detail::check_signature_profile(doc.get(), shape.signature, policy, shape));
  }
}
BENCHMARK(BM_SignatureProfile);

void BM_XmlsecVerify(benchmark::State& state) {
  const saml::detail::PinnedKey& key = *inputs().trust.keys().front().pinned;
  const saml::DsigPolicy policy;
  for (auto _ : state) {
    if (saml::detail::verify_with_key(inputs().signature_node(), key, policy).kind !=
        saml::detail::XmlsecOutcome::Kind::Valid) {
      state.SkipWithError("xmlsec did not verify");
    }
  }
}
BENCHMARK(BM_XmlsecVerify);

// IDs, profile, KeyInfo certificates, trusted-key choice and xmlsec: the whole dsig stage.
void BM_SignatureStage(benchmark::State& state) {
  const saml::DsigPolicy policy;
  for (auto _ : state) {
    benchmark::DoNotOptimize(saml::verify_signatures(*inputs().verdict.document, inputs().trust, policy));
  }
}
BENCHMARK(BM_SignatureStage);

void BM_Model(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(saml::read_response(inputs().verdict.document->root()));
    benchmark::DoNotOptimize(saml::read_assertion(inputs().assertion_node()));
  }
}
BENCHMARK(BM_Model);

void BM_SamlChecks(benchmark::State& state) {
  const saml::Verdict& verdict = inputs().verdict;
  for (auto _ : state) {
    std::vector<saml::Finding> findings;
    saml::check_response(*verdict.response, findings);
    saml::check_verified_assertion(*verdict.response, *verdict.assertion, inputs().policy, saml::Profile::Aws, findings);
    benchmark::DoNotOptimize(findings);
  }
}
BENCHMARK(BM_SamlChecks);

void BM_AwsChecks(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<saml::Finding> findings;
    benchmark::DoNotOptimize(saml::read_aws_view(*inputs().verdict.assertion, findings));
  }
}
BENCHMARK(BM_AwsChecks);

// From decoded XML to a verdict (what saml-verify does per message after decoding).
void BM_VerifyCapture(benchmark::State& state) {
  for (auto _ : state) {
    auto verdict = saml::verify_capture(inputs().capture, inputs().trust, inputs().policy);
    if (!verdict || !verdict->accepted) state.SkipWithError("not accepted");
  }
}
BENCHMARK(BM_VerifyCapture);

// From the base64 a browser posts to a verdict: the pipeline the floor is compared with.
void BM_Pipeline(benchmark::State& state) {
  for (auto _ : state) {
    auto captures = saml::decode_capture(inputs().base64, "bench");
    auto verdict = saml::verify_capture(captures->front(), inputs().trust, inputs().policy);
    if (!verdict || !verdict->accepted) state.SkipWithError("not accepted");
  }
}
BENCHMARK(BM_Pipeline);

// verify_capture plus every lint rule of the detected profile (what saml-lint runs per message).
void BM_Lint(benchmark::State& state) {
  saml::LintOptions options;
  options.policy = inputs().policy;
  for (auto _ : state) {
    auto result = saml::lint_capture(inputs().capture, inputs().trust, options);
    if (!result || !result->accepted) state.SkipWithError("lint did not accept");
  }
}
BENCHMARK(BM_Lint);

// The thread's CPU time in nanoseconds.
double thread_cpu_ns() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e9 + static_cast<double>(now.tv_nsec);
}

// The floor and samlkit alternately in one loop, each timed in CPU time: a slow spell of a
// shared machine lands on both, so their ratio is steadier than that of two benchmarks run
// one after the other. Counters: floor_us, samlkit_us and ratio (samlkit / floor).
template <class Floored, class Ours>
void run_paired(benchmark::State& state, Floored floored, Ours ours) {
  double floor_ns = 0;
  double samlkit_ns = 0;
  for (auto _ : state) {
    const double start = thread_cpu_ns();
    if (!floored()) state.SkipWithError("floor did not verify");
    const double middle = thread_cpu_ns();
    if (!ours()) state.SkipWithError("not accepted");
    samlkit_ns += thread_cpu_ns() - middle;
    floor_ns += middle - start;
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["floor_us"] = floor_ns / n / 1000.0;
  state.counters["samlkit_us"] = samlkit_ns / n / 1000.0;
  state.counters["ratio"] = samlkit_ns / floor_ns;
}

// From the base64 a browser posts: the floor against decode_capture + verify_capture.
void BM_PairedPipeline(benchmark::State& state) {
  const Floor floor(read_file(fixture_path(kCertFixture)));
  run_paired(
      state, [&] { return floor.verify_base64(inputs().base64); },
      [] {
        auto captures = saml::decode_capture(inputs().base64, "bench");
        auto verdict = saml::verify_capture(captures->front(), inputs().trust, inputs().policy);
        return verdict && verdict->accepted;
      });
}
BENCHMARK(BM_PairedPipeline);

// From decoded XML: the floor without its base64 step against verify_capture.
void BM_PairedVerify(benchmark::State& state) {
  const Floor floor(read_file(fixture_path(kCertFixture)));
  run_paired(
      state, [&] { return floor.verify_xml(inputs().xml); },
      [] {
        auto verdict = saml::verify_capture(inputs().capture, inputs().trust, inputs().policy);
        return verdict && verdict->accepted;
      });
}
BENCHMARK(BM_PairedVerify);

void BM_ReportJson(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(saml::verdict_to_json(inputs().capture, inputs().verdict, inputs().policy));
  }
}
BENCHMARK(BM_ReportJson);

void BM_ReportText(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(saml::verdict_to_text(inputs().capture, inputs().verdict, inputs().policy));
  }
}
BENCHMARK(BM_ReportText);

}  // namespace

BENCHMARK_MAIN();
