#!/usr/bin/env python3
"""saml-lint streams its report: peak memory does not grow with the number of inputs, and
the streamed output keeps input order whatever the number of threads.

Usage: lint_streaming.py rss SAML_LINT FIXTURES_DIR
       lint_streaming.py order SAML_LINT FIXTURES_DIR
"""
import os
import resource
import subprocess
import sys
import tempfile

CERT_NOW = "2026-12-01T00:00:00Z"  # inside the fixture certificate's validity
NOW = "2024-05-01T12:01:00Z"
SMALL, LARGE = 200, 4000
# Before streaming, every message added about 7 KB (27 MB from SMALL to LARGE inputs).
MAX_GROWTH_KB = 4 * 1024


def trust_args(fixtures):
    # Both clocks pinned: a report names the times that judged it, and two runs must match.
    return ["--cert", os.path.join(fixtures, "keys", "idp-rsa.crt"), "--now", NOW,
            "--cert-now", CERT_NOW]


def measure(command):
    """Runs `command` (output discarded) and prints its peak RSS in KB. Run in a fresh
    interpreter, so that RUSAGE_CHILDREN sees this one child only."""
    code = subprocess.call(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def peak_rss_kb(command):
    out = subprocess.run([sys.executable, __file__, "measure", *command], check=True,
                         capture_output=True, text=True).stdout.split()
    code, kb = int(out[0]), int(out[1])
    if code != 0:
        sys.exit(f"FAIL: {' '.join(command[:3])} ... exited {code}, expected 0")
    return kb


def directory_of(count, response, parent):
    """A directory holding `count` links to the one response."""
    path = os.path.join(parent, f"inputs-{count}")
    os.mkdir(path)
    for i in range(count):
        os.symlink(response, os.path.join(path, f"r{i:05d}.xml"))
    return path


def check_rss(lint, fixtures):
    response = os.path.join(fixtures, "responses", "okta-aws-signed-assertion.xml")
    failures = []
    with tempfile.TemporaryDirectory(prefix="saml-lint-rss-") as scratch:
        small = directory_of(SMALL, response, scratch)
        large = directory_of(LARGE, response, scratch)
        for fmt in ("text", "json"):
            args = [lint, *trust_args(fixtures), "--jobs", "2", "--format", fmt]
            small_kb = peak_rss_kb(args + [small])
            large_kb = peak_rss_kb(args + [large])
            growth = large_kb - small_kb
            print(f"--format {fmt}: peak RSS {small_kb} KB for {SMALL} inputs, "
                  f"{large_kb} KB for {LARGE} inputs (growth {growth} KB)")
            if growth >= MAX_GROWTH_KB:
                failures.append(f"--format {fmt}: RSS grew by {growth} KB from {SMALL} to {LARGE} "
                                f"inputs (limit {MAX_GROWTH_KB} KB): the report is not streamed")
    return failures


def check_order(lint, fixtures):
    good = os.path.join(fixtures, "responses", "okta-aws-signed-assertion.xml")
    findings = os.path.join(fixtures, "lint", "duplicate-role-values.xml")
    unreadable = os.path.join(fixtures, "no-such-input.xml")
    # Enough inputs that two threads finish them out of order.
    inputs = [good, unreadable, findings] * 20
    failures = []
    for fmt in ("text", "json", "sarif", "junit"):
        runs = {}
        for jobs in ("1", "2"):
            runs[jobs] = subprocess.run([lint, *trust_args(fixtures), "--jobs", jobs, "--format", fmt,
                                         *inputs], capture_output=True, text=True)
        one, two = runs["1"], runs["2"]
        if one.returncode != 3 or two.returncode != 3:
            failures.append(f"--format {fmt}: exit codes {one.returncode} (--jobs 1) and "
                            f"{two.returncode} (--jobs 2), expected 3 (an unreadable input)")
        if one.stdout != two.stdout:
            failures.append(f"--format {fmt}: the report differs between --jobs 1 and --jobs 2")
        if one.stderr != two.stderr:
            failures.append(f"--format {fmt}: stderr differs between --jobs 1 and --jobs 2")
        error_lines = [line for line in one.stderr.splitlines() if "no-such-input.xml" in line]
        if len(error_lines) != 20:
            failures.append(f"--format {fmt}: expected 20 error lines on stderr, got {len(error_lines)}")
        if fmt == "text":
            labels = [line.split(" ")[0].rstrip(":") for line in one.stdout.splitlines()
                      if line.startswith(fixtures)]
            if labels != inputs:
                failures.append(f"--format text: inputs reported out of order:\n{one.stdout}")
    return failures


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "measure":
        measure(sys.argv[2:])
        return 0
    if len(sys.argv) != 4 or sys.argv[1] not in ("rss", "order"):
        sys.exit(__doc__)
    check = check_rss if sys.argv[1] == "rss" else check_order
    failures = check(sys.argv[2], os.path.abspath(sys.argv[3]))
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
