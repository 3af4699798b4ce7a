#!/usr/bin/env bash
# Profile-guided Release build (gcc): scripts/pgo_build.sh BUILD_DIR [cmake args...]
#   1. configures BUILD_DIR with SAMLKIT_PGO=generate and builds, instrumented, only what the
#      training runs: the tools, the response generator and SAMLKIT_PGO_TARGETS;
#   2. trains: 1,000 distinct signed responses made from a template the benchmarks do not use,
#      linted one by one and on two threads, in every report format; every response and capture
#      fixture verified, decoded and linted one at a time (the one-shot path and the rejections);
#      the benchmark programs, when built, over the same responses (each floor as samlkit);
#   3. rebuilds BUILD_DIR with SAMLKIT_PGO=use from the counts step 2 wrote.
# Environment: SAMLKIT_PGO_TARGETS (what step 3 builds besides what step 1 built; default:
# all), SAMLKIT_PGO_JOBS.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:?usage: scripts/pgo_build.sh BUILD_DIR [cmake args...]}
shift
jobs=${SAMLKIT_PGO_JOBS:-$(nproc 2>/dev/null || echo 2)}
# shellcheck disable=SC2206  # a list of target names, split on white space (new lines too)
targets=(${SAMLKIT_PGO_TARGETS:-})
# What the training runs: built instrumented in step 1, so step 3 always builds it again
# (optimised), whatever SAMLKIT_PGO_TARGETS names.
trained=(saml-verify saml-decode saml-lint samlkit_bench_generate)
final_targets=()
((${#targets[@]})) && final_targets=(--target "${trained[@]}" "${targets[@]}")

echo "pgo_build: 1/3 instrumented build in $dir" >&2
cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" -DSAMLKIT_PGO=generate >/dev/null
cmake --build "$dir" -j "$jobs" --target "${trained[@]}" "${targets[@]}" >/dev/null
find "$dir" -name '*.gcda' -delete

echo "pgo_build: 2/3 training run" >&2
tools=$dir/tools
keys=$root/fixtures/keys
now=2024-05-01T12:01:00Z
trust=(--cert "$keys/idp-rsa.crt" --now "$now")
training=$dir/pgo-training
rm -rf "$training"
"$dir/bench/samlkit_bench_generate" "$root/fixtures/responses/okta-aws-role-reversed-order.xml" \
  "$keys/idp-rsa.key" "$training" 1000

# Rejections exit non-zero by design; a signal (128 and up) is a crash and stops the build.
run() {
  local status=0
  "$@" >/dev/null 2>&1 || status=$?
  if ((status >= 128)); then
    echo "pgo_build: training command died (exit $status): $*" >&2
    exit 1
  fi
}
run "$tools/saml-lint" "${trust[@]}" --jobs 1 "$training"
run "$tools/saml-lint" "${trust[@]}" --jobs 2 "$training"
for format in json sarif junit html; do
  run "$tools/saml-lint" "${trust[@]}" --jobs 1 --format "$format" "$training"
done
for fixture in "$root"/fixtures/responses/*.xml "$root"/fixtures/captures/*; do
  run "$tools/saml-verify" "${trust[@]}" "$fixture"
  run "$tools/saml-verify" "${trust[@]}" --json "$fixture"
  run "$tools/saml-decode" "$fixture"
  run "$tools/saml-lint" "${trust[@]}" "$fixture"
done
run "$tools/saml-lint" "${trust[@]}" --jobs 1 "$root/fixtures/responses" "$root/fixtures/captures"
bench=$dir/bench
if [[ -x $bench/samlkit_bench_batch ]]; then
  for mode in floor xmlsec-floor; do
    run "$bench/samlkit_bench_batch" 1 "$keys/idp-rsa.crt" "$training" "$mode"
  done
  run "$bench/samlkit_bench_batch" 1 "$keys/idp-rsa.crt" "$training"
  run "$bench/samlkit_bench" --benchmark_min_time=0.05
  run "$bench/samlkit_bench_oneshot_xmlsec" "$keys/idp-rsa.crt" \
    "$root/fixtures/responses/okta-aws-signed-assertion.xml" "$(date -u -d "$now" +%s)"
fi
[[ -n $(find "$dir" -name '*.gcda' -print -quit) ]] || { echo "pgo_build: the training wrote no profile" >&2; exit 1; }

echo "pgo_build: 3/3 optimised build from the profile" >&2
cmake -S "$root" -B "$dir" -DSAMLKIT_PGO=use >/dev/null
cmake --build "$dir" -j "$jobs" "${final_targets[@]}" >/dev/null
