#!/usr/bin/env bash
# test_bash_completion.sh COMPLETION TOOL KEYS_DIR LINT: the completion script loads in a
# plain bash, registers the tools, and completes options, option values (choices, rule IDs)
# and inputs from the tools' real --help and --list-rules.
set -euo pipefail
script=$1 tool=$2 keys_dir=$3 lint=$4

fail() { echo "bash completion: $*" >&2; exit 1; }

# shellcheck source=/dev/null
source "$script" || fail "$script does not load"
complete -p saml-verify >/dev/null 2>&1 || fail "saml-verify is not registered"
complete -p saml-lint >/dev/null 2>&1 || fail "saml-lint is not registered"

# complete WORD...: completes the last word of a command line, as bash would on TAB.
complete_line() {
  COMP_WORDS=("${program:-$tool}" "$@")
  COMP_CWORD=$#
  COMPREPLY=()
  _samlkit
}

complete_line --fi
[[ ${COMPREPLY[*]} == --fingerprint ]] || fail "'--fi' completed to '${COMPREPLY[*]}', expected --fingerprint"

complete_line --
for option in --cert --fingerprint --metadata --now --cert-now --skew --help --version; do
  [[ " ${COMPREPLY[*]} " == *" $option "* ]] || fail "'--' does not offer $option: ${COMPREPLY[*]}"
done

complete_line --cert "$keys_dir/idp-rsa.c"
[[ ${COMPREPLY[*]} == "$keys_dir/idp-rsa.crt" ]] ||
  fail "--cert value completed to '${COMPREPLY[*]}', expected $keys_dir/idp-rsa.crt"

complete_line --cert "=" "$keys_dir/idp-rsa.c"  # bash splits --cert=VALUE at "="
[[ ${COMPREPLY[*]} == "$keys_dir/idp-rsa.crt" ]] ||
  fail "--cert=value completed to '${COMPREPLY[*]}', expected $keys_dir/idp-rsa.crt"

complete_line --now 2024
[[ ${#COMPREPLY[@]} -eq 0 ]] || fail "--now TIME offered '${COMPREPLY[*]}', expected nothing"

complete_line --json "$keys_dir/idp-rsa.sha"
[[ ${COMPREPLY[*]} == "$keys_dir/idp-rsa.sha256" ]] ||
  fail "the input after a switch completed to '${COMPREPLY[*]}', expected a file"
complete_line --format ""
[[ " ${COMPREPLY[*]} " == *" json-lines "* && " ${COMPREPLY[*]} " == *" text "* ]] ||
  fail "--format offered '${COMPREPLY[*]}', expected the formats"
complete_line --color a
[[ ${COMPREPLY[*]} == "auto always" ]] || fail "--color a offered '${COMPREPLY[*]}', expected auto always"

program=$lint
complete_line --fail-on w
[[ ${COMPREPLY[*]} == warning ]] || fail "--fail-on w offered '${COMPREPLY[*]}', expected warning"
complete_line --profile aws-i
[[ ${COMPREPLY[*]} == aws-identity-center ]] || fail "--profile offered '${COMPREPLY[*]}'"
complete_line --explain SIG01
[[ " ${COMPREPLY[*]} " == *" SIG012 "* && ${#COMPREPLY[@]} -ge 9 ]] ||
  fail "--explain SIG01 offered '${COMPREPLY[*]}', expected the SIG01x rule IDs"
complete_line --disable HYG00
[[ " ${COMPREPLY[*]} " == *" HYG005 "* ]] || fail "--disable HYG00 offered '${COMPREPLY[*]}'"
echo "bash completion loads and completes options, values (choices, rule IDs) and inputs"
