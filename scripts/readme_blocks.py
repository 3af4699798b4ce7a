#!/usr/bin/env python3
"""Regenerates the command outputs shown in README.md, docs/capture.md and docs/aws-side.md, so
they never drift.

A block in those documents looks like this:

    <!-- run: saml-verify --help -->
    ```
    $ saml-verify --help
    ...output...
    ```
    <!-- /run -->

The first word of the command names a tool in TOOLS_DIR; the command runs from the
repository root without a shell (arguments split like a shell would, no expansion), with
NO_COLOR set, and its stdout and stderr are shown followed by "(exit N)" when N is not 0.

    scripts/readme_blocks.py TOOLS_DIR            rewrite the documents in place
    scripts/readme_blocks.py --check TOOLS_DIR    exit 1 with a diff when one is stale
"""
import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The documents whose commands are run, relative to the repository root.
DOCUMENTS = ("README.md", "docs/capture.md", "docs/aws-side.md")
BLOCK = re.compile(r"<!-- run: (?P<command>.+?) -->\n.*?<!-- /run -->", re.DOTALL)


def run(command, tools_dir):
    words = shlex.split(command)
    program = os.path.join(tools_dir, words[0])
    if not os.access(program, os.X_OK):
        sys.exit(f"readme_blocks: {words[0]} is not in {tools_dir}")
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    done = subprocess.run([program] + words[1:], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
    output = done.stdout.decode("utf-8", "replace").rstrip("\n")
    status = f"\n(exit {done.returncode})" if done.returncode != 0 else ""
    return f"<!-- run: {command} -->\n```\n$ {command}\n{output}{status}\n```\n<!-- /run -->"


def refresh(name, tools_dir, check):
    """Regenerates one document; returns True when it was up to date (or is now)."""
    path = os.path.join(ROOT, name)
    with open(path, encoding="utf-8") as f:
        current = f.read()
    blocks = 0

    def regenerate(match):
        nonlocal blocks
        blocks += 1
        return run(match.group("command"), tools_dir)

    fresh = BLOCK.sub(regenerate, current)
    if blocks == 0:
        sys.exit(f"readme_blocks: no <!-- run: ... --> blocks in {name}")
    if not check:
        with open(path, "w", encoding="utf-8") as f:
            f.write(fresh)
        print(f"readme_blocks: {name}: {blocks} blocks regenerated")
        return True
    if fresh == current:
        print(f"readme_blocks: {name}: {blocks} blocks up to date")
        return True
    sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), fresh.splitlines(True),
                                               name, name + " (regenerated)"))
    print(f"readme_blocks: {name} is stale; run scripts/readme_blocks.py TOOLS_DIR")
    return False


def main():
    parser = argparse.ArgumentParser(description="Regenerate the command outputs in the documents")
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when stale")
    parser.add_argument("tools_dir", help="directory holding the built tools")
    args = parser.parse_args()
    tools_dir = os.path.abspath(args.tools_dir)
    fresh = [refresh(name, tools_dir, args.check) for name in DOCUMENTS]
    return 0 if all(fresh) else 1


if __name__ == "__main__":
    sys.exit(main())
