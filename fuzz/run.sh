#!/usr/bin/env bash
# Builds the libFuzzer harnesses in build/fuzz (clang, ASan + UBSan) if needed, then runs
# every fuzzer (or those named) for a while each, two at a time.
#   fuzz/run.sh [--time N | --smoke] [--merge] [--jobs N] [HARNESS...]
#     --time N   seconds per fuzzer (default 60)
#     --smoke    at most 15 s and 6000 runs per fuzzer with a fixed seed (CI): the same
#                inputs on every machine, so a CI failure reproduces, not a random draw
#     --merge    merge new coverage into the committed corpora (fuzz/corpus/<harness>/)
#     --jobs N   fuzzers run at once (default 2)
# Exits non-zero if any fuzzer finds a crash, leak, timeout or invariant violation; the
# reproducer is left in build/fuzz/artifacts/<harness>/ and the log in build/fuzz/logs/.
set -euo pipefail

fuzz_dir=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$fuzz_dir/.." && pwd)
build=$root/build/fuzz
seconds=60
merge=0
seed_flag=
jobs=2
harnesses=()
while (($#)); do
  case $1 in
    --time) seconds=$2; shift ;;
    --smoke) seconds=15; seed_flag="-seed=1 -runs=6000" ;;
    --merge) merge=1 ;;
    --jobs) jobs=$2; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) harnesses+=("${1%_fuzzer}_fuzzer") ;;
  esac
  shift
done
if ((${#harnesses[@]} == 0)); then
  harnesses=(decode_fuzzer parse_fuzzer verify_fuzzer verify_xsw_fuzzer aws_fuzzer time_fuzzer trust_fuzzer
             lint_fuzzer)
fi

if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
    -DCMAKE_CXX_COMPILER=clang++ -DSAMLKIT_FUZZ=ON -DSAMLKIT_BUILD_TESTS=OFF \
    -DSAMLKIT_BUILD_TOOLS=OFF >/dev/null
fi
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target "${harnesses[@]}"

# The [libfuzzer] section of HARNESS.options as -key=value flags (dict resolved in fuzz/).
options_of() {
  sed -n '/^\[libfuzzer\]/,/^\[/p' "$fuzz_dir/$1.options" | grep '=' | while IFS='=' read -r key value; do
    key=$(echo "$key" | tr -d ' '); value=$(echo "$value" | tr -d ' ')
    [[ $key == dict ]] && value=$fuzz_dir/$value
    echo "-$key=$value"
  done
}

run_one() {  # run_one HARNESS: fuzz into a scratch corpus seeded by the committed one
  local h=$1 work=$build/scratch/$1
  rm -rf "$work" "$build/logs/$h.failed" && mkdir -p "$work/new" "$build/artifacts/$h" "$build/logs"
  local status=0
  # shellcheck disable=SC2046
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$build/fuzz/$h" $(options_of "$h") $seed_flag -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$build/artifacts/$h/" \
      "$work/new" "$fuzz_dir/corpus/$h" >"$build/logs/$h.log" 2>&1 || status=$?
  local stats
  stats=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$build/logs/$h.log" | tail -n1 || true)
  echo "run.sh: $h: exit $status; ${stats:-no stats} $(grep -h '^stat::average_exec_per_sec' "$build/logs/$h.log" || true)"
  if ((status == 0 && merge)); then
    "$build/fuzz/$h" -merge=1 $(options_of "$h") "$fuzz_dir/corpus/$h" "$work/new" >>"$build/logs/$h.log" 2>&1
    echo "run.sh: $h: corpus now $(find "$fuzz_dir/corpus/$h" -type f | wc -l) files"
  fi
  if ((status != 0)); then touch "$build/logs/$h.failed"; fi
}

for h in "${harnesses[@]}"; do
  run_one "$h" &
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
done
wait
failed=()
for h in "${harnesses[@]}"; do
  [[ -f $build/logs/$h.failed ]] && failed+=("$h")
done
if ((${#failed[@]})); then
  echo "run.sh: FAILED: ${failed[*]} (see $build/logs/ and $build/artifacts/)" >&2
  exit 1
fi
echo "run.sh: all ${#harnesses[@]} fuzzers ran ${seconds}s each without a finding"
