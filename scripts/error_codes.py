#!/usr/bin/env python3
"""Keeps the error list of docs/architecture.md equal to the ErrorCode enum.

The enum (libsaml/include/saml/error.h) gives each code its number and a one-line
description; error_code_name (libsaml/src/util/error_code.cpp) gives its stable name. The
table between <!-- errors:begin --> and <!-- errors:end --> in docs/architecture.md is
generated from both, so the documented list cannot drift from the code.

    scripts/error_codes.py            rewrite the table in docs/architecture.md
    scripts/error_codes.py --check    exit 1 with a diff when the table is stale or a code
                                      has no name (or a name no code)
"""
import argparse
import difflib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = os.path.join(ROOT, "libsaml", "include", "saml", "error.h")
NAMES = os.path.join(ROOT, "libsaml", "src", "util", "error_code.cpp")
DOC = os.path.join(ROOT, "docs", "architecture.md")
ENUM = re.compile(r"enum class ErrorCode \{\n(.*?)\n\};", re.DOTALL)
ENUMERATOR = re.compile(r"^\s+(\w+) = (\d+),\s*// (.+)$")
BAND = re.compile(r"^\s+// (.+)$")
CASE = re.compile(r'case ErrorCode::(\w+): return "([^"]+)";')
TABLE = re.compile(r"(<!-- errors:begin -->\n)(.*?)(<!-- errors:end -->)", re.DOTALL)


def read(path):
    with open(path, encoding="utf-8") as source:
        return source.read()


def table():
    enum = ENUM.search(read(HEADER))
    if not enum:
        sys.exit(f"error_codes: no ErrorCode enum in {HEADER}")
    names = dict(CASE.findall(read(NAMES)))
    rows, seen, band = [], set(), ""
    for line in enum.group(1).splitlines():
        if BAND.match(line):
            band = BAND.match(line).group(1)
            continue
        match = ENUMERATOR.match(line)
        if not match:
            sys.exit(f"error_codes: cannot read this ErrorCode line: {line.strip()}")
        enumerator, number, description = match.groups()
        if enumerator not in names:
            sys.exit(f"error_codes: ErrorCode::{enumerator} has no name in error_code_name")
        seen.add(enumerator)
        rows.append(f"| {number} | `{names[enumerator]}` | `{enumerator}` | {band.split(':')[0]} | "
                    f"{description} |")
    extra = set(names) - seen
    if extra:
        sys.exit(f"error_codes: error_code_name names codes the enum lacks: {sorted(extra)}")
    head = ["| Number | Name (JSON) | ErrorCode | Stage | Meaning |", "|---:|---|---|---|---|"]
    return "\n".join(head + rows) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the table is stale")
    args = parser.parse_args()
    doc = read(DOC)
    match = TABLE.search(doc)
    if not match:
        sys.exit(f"error_codes: no <!-- errors:begin --> table in {DOC}")
    wanted = table()
    if args.check:
        if match.group(2) == wanted:
            return 0
        diff = difflib.unified_diff(match.group(2).splitlines(), wanted.splitlines(),
                                    "docs/architecture.md", "generated", lineterm="")
        print("\n".join(diff))
        print("the error list is stale: run scripts/error_codes.py")
        return 1
    with open(DOC, "w", encoding="utf-8") as out:
        out.write(doc[:match.start(2)] + wanted + doc[match.end(2):])
    return 0


if __name__ == "__main__":
    sys.exit(main())
