#!/usr/bin/env bash
# bench/large_har.sh: how long the tools take on a 100 MB HAR from a long session, and their
# peak memory (the README's figures). Generates the HAR from fixtures/captures/okta-idp-
# initiated.har: its two SAML POSTs among about 100 large, unrelated responses (1 MiB
# script bodies), then runs saml-decode, saml-verify and saml-lint on it.
#
#   bench/large_har.sh [TOOLS_DIR]   (default build-bench/tools: a Release build, as bench/run makes)
#
# Environment: SAMLKIT_HAR_MB (size of the HAR, default 100).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tools=${1:-$root/build-bench/tools}
megabytes=${SAMLKIT_HAR_MB:-100}
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
measure() { # label command... -> "label: seconds, peak RSS"
  local label=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
    echo "bench/large_har.sh: $label failed:" >&2
    cat "$work/err" >&2
    exit 1
  }
  read -r seconds kilobytes <"$work/time"
  awk -v label="$label" -v s="$seconds" -v kb="$kilobytes" -v size="$size" \
    'BEGIN { printf "%-12s %6.2f s  peak RSS %4d MB (%.1fx the file)\n", label, s, kb / 1024, kb * 1024 / size }'
}
measure saml-decode "$tools/saml-decode" "$har"
measure saml-verify "$tools/saml-verify" --cert "$cert" --now "$now" "$har"
measure saml-lint "$tools/saml-lint" --cert "$cert" --now "$now" "$har"
