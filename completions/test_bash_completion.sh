#!/usr/bin/env bash
# test_bash_completion.sh COMPLETION TOOL KEYS_DIR: the completion script loads in a plain
# bash, registers the tools, and completes options, option values and inputs from the
# tool's real --help.
set -euo pipefail
script=$1 tool=$2 keys_dir=$3

fail() { echo "bash completion: $*" >&2; exit 1; }

# shellcheck source=/dev/null
source "$script" || fail "$script does not load"
complete -p saml-verify >/dev/null 2>&1 || fail "saml-verify is not registered"
complete -p saml-lint >/dev/null 2>&1 || fail "saml-lint is not registered"

# complete WORD...: completes the last word of a command line, as bash would on TAB.
complete_line() {
  COMP_WORDS=("$tool" "$@")
  COMP_CWORD=$#
  COMPREPLY=()
  _samlkit
}

complete_line --ce
[[ ${COMPREPLY[*]} == --cert ]] || fail "'--ce' completed to '${COMPREPLY[*]}', expected --cert"

complete_line --
for option in --cert --fingerprint --metadata --now --skew --help --version; do
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
echo "bash completion loads and completes options, values and inputs"
