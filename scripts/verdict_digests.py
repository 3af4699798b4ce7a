"""The verdict differential: every fixture, fuzz seed corpus and fuzz regression input
through verify_capture and lint_capture, each verdict's JSON reduced to its SHA-256
(tests/differential/verdict_digests.cpp), compared with tests/differential/verdict_digests.txt.

  python3 scripts/verdict_digests.py --check BUILD/tests/verdict_digests   (ctest differential.verdicts)
  python3 scripts/verdict_digests.py --write BUILD/tests/verdict_digests

--write is for a change that is meant to change verdicts (a new rule, a new fixture): an
optimisation must pass --check unchanged."""
import difflib
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN = os.path.join(ROOT, "tests", "differential", "verdict_digests.txt")
INPUTS = ["fixtures", "fuzz/corpus", "fuzz/regressions"]


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("--check", "--write"):
        sys.exit(__doc__)
    mode, program = sys.argv[1], sys.argv[2]
    current = subprocess.run([program, ROOT] + INPUTS, check=True, capture_output=True,
                             text=True).stdout
    if mode == "--write":
        with open(GOLDEN, "w", encoding="utf-8") as golden:
            golden.write(current)
        print(f"wrote {current.count(chr(10))} lines to {os.path.relpath(GOLDEN, ROOT)}")
        return
    with open(GOLDEN, encoding="utf-8") as golden:
        expected = golden.read()
    if current == expected:
        print(f"{expected.count(chr(10))} verdicts identical")
        return
    diff = list(difflib.unified_diff(expected.splitlines(), current.splitlines(),
                                     "verdict_digests.txt", "this build", lineterm="", n=0))
    print("verdicts changed (a digest is the SHA-256 of the verdict or lint JSON):")
    print("\n".join(diff[:60]))
    sys.exit(1)


if __name__ == "__main__":
    main()
