#!/usr/bin/env bash
# bench/large_har.sh: how long the tools take on a 100 MB HAR from a long session, and their
# peak memory (the README's figures). Generates the HAR from fixtures/captures/okta-idp-
# initiated.har: its two SAML POSTs among about 100 large, unrelated responses (1 MiB
# script bodies), then runs saml-decode, saml-verify and saml-lint on it, and, as the
# reference, the file read and parsed by nlohmann-json alone (bench/har_json_read.cpp: into
# a document, and through a SAX handler that keeps nothing), in interleaved rounds.
#
#   bench/large_har.sh [TOOLS_DIR [BENCH_DIR]]   (default build-bench/tools and build-bench/bench:
#                                                 a Release build, as bench/run makes)
#
# Environment: SAMLKIT_HAR_MB (size of the HAR, default 100), SAMLKIT_HAR_ROUNDS (default 2),
# SAMLKIT_HAR_RESULTS (a results file to append "har_cpu_ms.NAME N" and "har_rss_kb.NAME N"
# lines to, as bench/run does).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tools=${1:-$root/build-bench/tools}
bench=${2:-$root/build-bench/bench}
megabytes=${SAMLKIT_HAR_MB:-100}
rounds=${SAMLKIT_HAR_ROUNDS:-2}
results=${SAMLKIT_HAR_RESULTS:-/dev/null}
[[ -x $bench/samlkit_bench_har_json ]] || { echo "bench/large_har.sh: $bench/samlkit_bench_har_json is missing; build it first" >&2; exit 1; }
for tool in saml-decode saml-verify saml-lint; do
  [[ -x $tools/$tool ]] || { echo "bench/large_har.sh: $tools/$tool is missing; build it first" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "bench/large_har.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
har=$work/session.har

python3 - "$root/fixtures/captures/okta-idp-initiated.har" "$har" "$megabytes" <<'PY'
import json, sys
source, target, megabytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
har = json.load(open(source, encoding="utf-8"))
entries = har["log"]["entries"]
script = entries[1]  # the sign-in widget's script: an unrelated GET
body = "".join(f"function w{i}(e,t){{return e&&t?e[{i}]:null}}\n" for i in range(20000))[: 1 << 20]
filler = []
while len(filler) * len(body) < megabytes * 1000 * 1000:
    entry = json.loads(json.dumps(script))
    entry["request"]["url"] += f"?v={len(filler)}"
    entry["response"]["content"]["text"] = body
    entry["response"]["content"]["size"] = len(body)
    filler.append(entry)
half = len(filler) // 2
har["log"]["entries"] = filler[:half] + entries + filler[half:]
json.dump(har, open(target, "w", encoding="utf-8"), indent=1)
PY

size=$(stat -c %s "$har")
printf 'HAR: %d bytes (%d MB), %s\n' "$size" $((size / 1000000)) "$(nproc) cores"
now=2024-05-01T12:01:00Z
cert=$root/fixtures/keys/idp-rsa.crt
measure() { # label command... -> "label: seconds, CPU seconds, peak RSS"
  local label=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
    echo "bench/large_har.sh: $label failed:" >&2
    cat "$work/err" >&2
    exit 1
  }
  read -r seconds user system kilobytes <"$work/time"
  awk -v label="$label" -v s="$seconds" -v u="$user" -v y="$system" -v kb="$kilobytes" -v size="$size" \
    'BEGIN { printf "%-12s %6.2f s wall  %6.2f s CPU  peak RSS %4d MB (%.1fx the file)\n", label, s, u + y, kb / 1024, kb * 1024 / size }'
  awk -v label="$label" -v u="$user" -v y="$system" -v kb="$kilobytes" \
    'BEGIN { printf "har_cpu_ms.%s %d\nhar_rss_kb.%s %d\n", label, (u + y) * 1000, label, kb }' >>"$results"
}
for round in $(seq "$rounds"); do
  measure json-sax "$bench/samlkit_bench_har_json" sax "$har"
  measure json-dom "$bench/samlkit_bench_har_json" dom "$har"
  measure saml-decode "$tools/saml-decode" "$har"
  measure saml-verify "$tools/saml-verify" --cert "$cert" --now "$now" "$har"
  measure saml-lint "$tools/saml-lint" --cert "$cert" --now "$now" "$har"
done
echo "har_bytes $size" >>"$results"
