#!/usr/bin/env python3
"""Checks that no #include in libsaml runs from a lower pipeline stage to a higher one.

The stages, their order and which folder and public headers belong to each are the table
between <!-- stages:begin --> and <!-- stages:end --> in docs/architecture.md: that table is
the one statement of the order, this script only enforces it. A file of a stage may include
its own stage's headers and those of any stage of a lower rank; stages of the same rank do
not include each other. A file belongs to the stage of the longest folder of the table that
holds it (report/html/ before report/). Public headers (libsaml/include/saml/*.h) are
checked too.

    scripts/check_stage_includes.py            exit 1 listing every violation
    scripts/check_stage_includes.py --count    print the number of violations, exit 0
"""
import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, "docs", "architecture.md")
SRC = os.path.join(ROOT, "libsaml", "src")
PUBLIC = os.path.join(ROOT, "libsaml", "include", "saml")
TABLE = re.compile(r"<!-- stages:begin -->\n(.*?)<!-- stages:end -->", re.DOTALL)
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)
CODE = re.compile(r"`([^`]+)`")


def read_stages():
    """Returns {stage: rank}, {src folder: stage}, {public header: stage}."""
    with open(DOC, encoding="utf-8") as doc:
        match = TABLE.search(doc.read())
    if not match:
        sys.exit(f"check_stage_includes: no stage table in {DOC}")
    ranks, folders, headers = {}, {}, {}
    for line in match.group(1).splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not cells[0].isdigit():
            continue  # the heading and its rule
        rank, stage = int(cells[0]), cells[1].strip("`")
        ranks[stage] = rank
        for folder in CODE.findall(cells[2]):
            folders[folder.rstrip("/")] = stage
        for header in CODE.findall(cells[3]):
            headers[header] = stage
    return ranks, folders, headers


def stage_of_folder(path, folders):
    """The stage of the longest folder of the table that holds `path` ("report/html/x.h")."""
    parts = path.split("/")[:-1]
    while parts:
        stage = folders.get("/".join(parts))
        if stage is not None:
            return stage
        parts.pop()
    return None


def stage_of_include(path, folders, headers):
    if path.startswith("saml/"):
        return headers.get(path[len("saml/"):], "?" + path)
    return stage_of_folder(path, folders) or "?" + path


def files():
    """Yields (path shown, stage key, text) for every libsaml source and public header."""
    for base, _, names in sorted(os.walk(SRC)):
        for name in sorted(names):
            if name.endswith((".cpp", ".h")):
                path = os.path.join(base, name)
                yield os.path.relpath(path, ROOT), ("folder", os.path.relpath(path, SRC)), path
    for name in sorted(os.listdir(PUBLIC)):
        if name.endswith(".h"):
            path = os.path.join(PUBLIC, name)
            yield os.path.relpath(path, ROOT), ("header", name), path


def violations():
    ranks, folders, headers = read_stages()
    found = []
    for shown, (kind, key), path in files():
        stage = stage_of_folder(key, folders) if kind == "folder" else headers.get(key)
        if stage is None:
            found.append(f"{shown}: its {kind} is in no stage of the table in docs/architecture.md")
            continue
        with open(path, encoding="utf-8") as source:
            text = source.read()
        for included in INCLUDE.findall(text):
            if not included.startswith("saml/") and not os.path.exists(os.path.join(SRC, included)):
                continue  # generated at build time (samlkit_build_info.h): no stage's source
            target = stage_of_include(included, folders, headers)
            if target.startswith("?"):
                found.append(f"{shown}: includes \"{included}\", which is in no stage of the table")
            elif target != stage and ranks[target] >= ranks[stage]:
                found.append(f"{shown}: stage {stage} (rank {ranks[stage]}) includes \"{included}\" "
                             f"of stage {target} (rank {ranks[target]})")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", action="store_true", help="print the number of violations")
    args = parser.parse_args()
    found = violations()
    if args.count:
        print(len(found))
        return 0
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} include(s) against the stage order of docs/architecture.md")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
