#!/usr/bin/env python3
"""Every Boost.Test case is run by some ctest test.

A test binary registered with --run_test=SUITE filters runs only those suites; a case
written outside them (after a BOOST_AUTO_TEST_SUITE_END, say) would compile and never run.
This lists each such binary's top-level test units and fails on any that no filter names.

Usage: check_test_registration.py CTEST BUILD_DIR
"""
import json
import subprocess
import sys
from collections import defaultdict


def registered_filters(ctest, build_dir):
    """{binary: set of --run_test units, or None when some test runs it whole}."""
    listing = subprocess.run([ctest, "--show-only=json-v1"], cwd=build_dir, check=True,
                             capture_output=True, text=True).stdout
    filters = defaultdict(set)
    for test in json.loads(listing)["tests"]:
        command = test.get("command") or []
        if not command:
            continue
        units = [arg.split("=", 1)[1] for arg in command[1:] if arg.startswith("--run_test=")]
        if filters.get(command[0], set()) is None or not units:
            filters[command[0]] = None
        else:
            for unit in units:
                filters[command[0]].update(unit.split(":"))
    return filters


def top_level_units(binary):
    """The names --list_content prints without indentation; None if not a Boost.Test binary."""
    listed = subprocess.run([binary, "--list_content"], capture_output=True, text=True)
    if listed.returncode != 0:
        return None
    lines = (listed.stderr + listed.stdout).splitlines()
    return [line.rstrip("*").strip() for line in lines if line and not line[0].isspace()]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ctest, build_dir = sys.argv[1:]
    unrun = []
    filtered = 0
    for binary, units in sorted(registered_filters(ctest, build_dir).items()):
        if units is None:
            continue
        top = top_level_units(binary)
        if top is None:
            continue
        filtered += 1
        unrun += [f"{binary}: {unit} is in no --run_test filter" for unit in top if unit not in units]
    for line in unrun:
        print(line)
    print(f"{filtered} filtered test binaries checked, {len(unrun)} test unit(s) never run")
    sys.exit(1 if unrun else 0)


if __name__ == "__main__":
    main()
