# bash completion for saml-verify, saml-decode and saml-lint.
# The options are read from the tool's own --help (Boost.ProgramOptions layout), so the
# completion never drifts from the binary it completes.

# Prints the rule IDs of saml-lint's rule table (for --explain, --disable, --enable).
_samlkit_rule_ids() {
  local id rest
  while read -r id rest; do
    [[ $id =~ ^[A-Z]{3}[0-9]{3}$ ]] && printf '%s\n' "$id"
  done < <("$1" --list-rules 2>/dev/null)
}

# Prints "OPTION VALUE_NAME" (VALUE_NAME "-" for a switch) for each option of the tool.
_samlkit_options() {
  local line re='^ +(-[[:alnum:]] \[ )?(--[[:alnum:]-]+)( \])?( ([^ ]+))?'
  while IFS= read -r line; do
    [[ $line =~ $re ]] || continue
    printf '%s %s\n' "${BASH_REMATCH[2]}" "${BASH_REMATCH[5]:--}"
  done < <("$1" --help 2>/dev/null)
}

_samlkit() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=''
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  # "--cert=PEM": bash splits the word at "=".
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi

  local option value_name value_of_prev='' options=()
  while read -r option value_name; do
    options+=("$option")
    [[ $option == "$prev" ]] && value_of_prev=$value_name
  done < <(_samlkit_options "${COMP_WORDS[0]}")

  COMPREPLY=()
  case $value_of_prev in
    "" | -) ;;  # prev is no option taking a value: complete an option or an input
    *"|"*)      # a list of choices such as text|json|sarif|junit
      mapfile -t COMPREPLY < <(compgen -W "${value_of_prev//|/ }" -- "$cur")
      return ;;
    ID)         # a rule ID of the rule table
      mapfile -t COMPREPLY < <(compgen -W "$(_samlkit_rule_ids "${COMP_WORDS[0]}")" -- "$cur")
      return ;;
    DIR)
      compopt -o filenames 2>/dev/null || :
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      return ;;
    FILE | PEM | PATH | INPUT | *FILE)
      compopt -o filenames 2>/dev/null || :
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return ;;
    *) return ;;  # a free value (TIME, SECONDS, URI, ...): nothing to offer
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${options[*]}" -- "$cur")
  else
    compopt -o filenames 2>/dev/null || :
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}

complete -F _samlkit saml-verify saml-decode saml-lint
