// Cost of each stage of verifying the typical Okta->AWS response, and of the floor, in
// one run. bench/run turns the medians into ratios to BM_Floor.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_inputs.h"
#include "dsig/id_index.h"
#include "dsig/profile.h"
#include "dsig/xmlsec_verify.h"
#include "floor.h"
#include "xmlsec_floor.h"
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
    if (!Floor(read_file(fixture_path(kCertFixture)), fixture_now()).verify_base64(base64) ||
        !XmlsecFloor(read_file(fixture_path(kCertFixture)), fixture_now()).verify_base64(base64)) {
      throw std::runtime_error("a floor does not verify the fixture");
    }
  }
  const xmlNode* assertion_node() const { return verdict.assertion->node; }
  const xmlNode* signature_node() const { return saml::first_child(assertion_node(), saml::ns::dsig, "Signature"); }
};

const Inputs& inputs() {
  static const Inputs prepared;
  return prepared;
}

// The fixture parsed on its own: the signature stage registers IDs in the document it
// verifies, so it gets a mutable one (the verdict's is const).
saml::Document& signed_document() {
  static saml::Document document = [] {
    auto parsed = saml::parse_xml(inputs().xml);
    if (!parsed) throw std::runtime_error("the XML fixture does not parse");
    return std::move(*parsed);
  }();
  return document;
}

const xmlNode* signature_of(const saml::Document& doc) {
  const xmlNode* assertion = saml::first_child(doc.root(), saml::ns::assertion, "Assertion");
  return saml::first_child(assertion, saml::ns::dsig, "Signature");
}

void BM_Floor(benchmark::State& state) {
  const Floor floor(read_file(fixture_path(kCertFixture)), fixture_now());
  for (auto _ : state) {
    if (!floor.verify_base64(inputs().base64)) state.SkipWithError("floor did not verify");
  }
}
BENCHMARK(BM_Floor);

void BM_XmlsecFloor(benchmark::State& state) {
  const XmlsecFloor floor(read_file(fixture_path(kCertFixture)), fixture_now());
  for (auto _ : state) {
    if (!floor.verify_base64(inputs().base64)) state.SkipWithError("xmlsec floor did not verify");
  }
}
BENCHMARK(BM_XmlsecFloor);

void BM_Capture(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(saml::decode_capture(inputs().base64, "bench"));
}
BENCHMARK(BM_Capture);

void BM_Parse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(saml::parse_xml(inputs().xml));
}
BENCHMARK(BM_Parse);

void BM_SignatureProfile(benchmark::State& state) {
  saml::Document& doc = signed_document();
  saml::detail::index_saml_ids(doc.get());  // the profile resolves the Reference through it
  const saml::DsigPolicy policy;
  for (auto _ : state) {
    saml::detail::SignatureShape shape;
    saml::SignatureReport report;
    benchmark::DoNotOptimize(saml::detail::check_signature_profile(doc.get(), signature_of(doc), policy, shape, report));
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
    std::vector<saml::Finding> findings;
    benchmark::DoNotOptimize(saml::verify_signatures(signed_document(), inputs().trust, policy, findings));
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

// The two floors and samlkit in turn in one loop, each timed in CPU time: a slow spell of a
// shared machine lands on all three, so their ratios are steadier than those of benchmarks
// run one after the other. Counters: floor_us, xmlsec_floor_us, samlkit_us, ratio
// (samlkit / floor) and ratio_xmlsec (samlkit / xmlsec floor).
template <class Floored, class XmlsecFloored, class Ours>
void run_paired(benchmark::State& state, Floored floored, XmlsecFloored xmlsec_floored, Ours ours) {
  double floor_ns = 0;
  double xmlsec_floor_ns = 0;
  double samlkit_ns = 0;
  for (auto _ : state) {
    const double start = thread_cpu_ns();
    if (!floored()) state.SkipWithError("floor did not verify");
    const double first = thread_cpu_ns();
    if (!xmlsec_floored()) state.SkipWithError("xmlsec floor did not verify");
    const double second = thread_cpu_ns();
    if (!ours()) state.SkipWithError("not accepted");
    samlkit_ns += thread_cpu_ns() - second;
    xmlsec_floor_ns += second - first;
    floor_ns += first - start;
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["floor_us"] = floor_ns / n / 1000.0;
  state.counters["xmlsec_floor_us"] = xmlsec_floor_ns / n / 1000.0;
  state.counters["samlkit_us"] = samlkit_ns / n / 1000.0;
  state.counters["ratio"] = samlkit_ns / floor_ns;
  state.counters["ratio_xmlsec"] = samlkit_ns / xmlsec_floor_ns;
}

// From the base64 a browser posts: the floors against decode_capture + verify_capture.
void BM_PairedPipeline(benchmark::State& state) {
  const Floor floor(read_file(fixture_path(kCertFixture)), fixture_now());
  const XmlsecFloor xmlsec_floor(read_file(fixture_path(kCertFixture)), fixture_now());
  run_paired(
      state, [&] { return floor.verify_base64(inputs().base64); },
      [&] { return xmlsec_floor.verify_base64(inputs().base64); },
      [] {
        auto captures = saml::decode_capture(inputs().base64, "bench");
        auto verdict = saml::verify_capture(captures->front(), inputs().trust, inputs().policy);
        return verdict && verdict->accepted;
      });
}
BENCHMARK(BM_PairedPipeline);

// From decoded XML: the floors without their base64 step against verify_capture.
void BM_PairedVerify(benchmark::State& state) {
  const Floor floor(read_file(fixture_path(kCertFixture)), fixture_now());
  const XmlsecFloor xmlsec_floor(read_file(fixture_path(kCertFixture)), fixture_now());
  run_paired(
      state, [&] { return floor.verify_xml(inputs().xml); }, [&] { return xmlsec_floor.verify_xml(inputs().xml); },
      [] {
        auto verdict = saml::verify_capture(inputs().capture, inputs().trust, inputs().policy);
        return verdict && verdict->accepted;
      });
}
BENCHMARK(BM_PairedVerify);

// What each run costs after the one before it (docs/performance.md, eighth round): the runs
// SAMLKIT_BENCH_ORDER names, in that order, every iteration, each timed on its own. F the
// floor, X the xmlsec floor, S verify_capture; parts of it: P the parse, K the parse and
// the signature stage, M the model read from an already parsed document. Default "FXS",
// the paired loop's order. Counters "<position><letter>": the run's mean CPU us.
void BM_RunOrder(benchmark::State& state) {
  const Floor floor(read_file(fixture_path(kCertFixture)), fixture_now());
  const XmlsecFloor xmlsec_floor(read_file(fixture_path(kCertFixture)), fixture_now());
  const char* order_env = std::getenv("SAMLKIT_BENCH_ORDER");
  const std::string order = order_env != nullptr && *order_env != '\0' ? order_env : "FXS";
  if (order.find_first_not_of("FXSPKM") != std::string::npos) {
    state.SkipWithError("SAMLKIT_BENCH_ORDER takes only the letters F, X, S, P, K and M");
    return;
  }
  std::vector<double> cpu_ns(order.size(), 0.0);
  for (auto _ : state) {
    for (std::size_t i = 0; i < order.size(); ++i) {
      const double start = thread_cpu_ns();
      bool verified = false;
      if (order[i] == 'F') verified = floor.verify_xml(inputs().xml);
      if (order[i] == 'X') verified = xmlsec_floor.verify_xml(inputs().xml);
      if (order[i] == 'S') {
        auto verdict = saml::verify_capture(inputs().capture, inputs().trust, inputs().policy);
        verified = verdict && verdict->accepted;
      }
      if (order[i] == 'P') verified = saml::parse_xml(inputs().xml).has_value();
      if (order[i] == 'K') {
        auto document = saml::parse_xml(inputs().xml);
        std::vector<saml::Finding> findings;
        verified = document && !saml::verify_signatures(*document, inputs().trust, saml::DsigPolicy{}, findings)
                                    .covered.empty();
      }
      if (order[i] == 'M') {
        const saml::Response response = saml::read_response(inputs().verdict.document->root());
        const saml::Assertion assertion = saml::read_assertion(inputs().assertion_node());
        verified = response.node != nullptr && assertion.node != nullptr;
      }
      cpu_ns[i] += thread_cpu_ns() - start;
      if (!verified) state.SkipWithError("a run did not verify");
    }
  }
  const auto iterations = static_cast<double>(state.iterations());
  for (std::size_t i = 0; i < order.size(); ++i) {
    state.counters[std::to_string(i) + order[i]] = cpu_ns[i] / iterations / 1000.0;
  }
}
BENCHMARK(BM_RunOrder);

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
