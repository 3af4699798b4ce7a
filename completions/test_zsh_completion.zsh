# test_zsh_completion.zsh COMPLETION TOOL LINT (run with zsh -f): the completion function
# parses the tool's real --help into _arguments specs: options, option values (choices, and
# saml-lint's rule IDs) and inputs.
completion=$1 tool=$2 lint=$3

fail() { print -u2 "zsh completion: $*"; exit 1 }

# Stand-ins for the completion system: run the tool, and record what _arguments is given.
_call_program() { shift; eval "$@" }
_arguments() { specs=("$@") }
local -a specs words
words=($tool)
source $completion || fail "$completion does not load"

(( ${#specs} > 0 )) || fail "no _arguments specs"
for expected in '*--cert=:PEM:_files' '*--metadata=:FILE:_files' '*--now=:TIME: ' \
                '*--json' '*--help' '*:input:_files'; do
  (( ${specs[(Ie)$expected]} )) || fail "spec '$expected' missing from: ${(j: | :)specs}"
done
(( ${specs[(I)\*--format=:*json-lines*]} )) || fail "--format offers no choices: ${(j: | :)specs}"

words=($lint)
source $completion >/dev/null || fail "$completion does not load for $lint"
explain=${specs[(r)\*--explain=*]}
[[ $explain == *SIG012* && $explain == *HYG005* ]] || fail "--explain does not offer rule IDs: $explain"
[[ ${specs[(r)\*--fail-on=*]} == *warning* ]] || fail "--fail-on offers no levels"
print "zsh completion parses the tool's --help into ${#specs} specs"
