#!/usr/bin/env bash
# check_man_page.sh PAGE TOOL: the page (as installed: gzip -9n compressed) renders without a
# single groff warning, with man -l as a reader would see it, and holds the sections a reader
# looks for.
set -euo pipefail
page=$1 tool=$2

fail() { echo "man page $page: $*" >&2; exit 1; }

[[ -s $page ]] || fail "missing or empty"
gzip -t "$page" 2>/dev/null || fail "not gzip-compressed"
warnings=$(gzip -dc "$page" | groff -man -Tutf8 -ww -z 2>&1) || fail "groff failed: $warnings"
[[ -z $warnings ]] || fail "groff warnings: $warnings"

# col -b removes the overstrike bold that man writes even into a pipe.
text=$(MANWIDTH=80 MANPAGER=cat man -l "$page" 2>&1 | col -bx) || fail "man -l failed: $text"
for section in NAME SYNOPSIS DESCRIPTION "EXIT STATUS" EXAMPLES "SEE ALSO"; do
  grep -q "^$section" <<<"$text" || fail "no $section section"
done
grep -Eq "^ *$tool +- " <<<"$text" || fail "NAME does not start with '$tool - '"
grep -q -- "--help" <<<"$text" || fail "the options from --help are missing"
grep -q -- "--version" <<<"$text" || fail "--version is missing"
echo "man page $page renders with man -l and groff without warnings"
