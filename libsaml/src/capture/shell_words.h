// Splitting a copied command line into the words the program receives, for the quoting
// styles browsers' "Copy as cURL" writes. Nothing is expanded or run: a command that needs
// the shell to compute a word (variables, command substitution) is refused.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "saml/error.h"

namespace saml {

enum class ShellQuoting {
  Posix,       // bash: '...', $'...' (\xHH, \uHHHH, \n ...), "...", \ escapes, \ newline
  WindowsCmd,  // cmd.exe then the C runtime's argv rules: ^ escapes (Chrome's ^"...^"),
               // "" doubling and "%" (Firefox), ^ newline continuations
  PowerShell,  // '...' with '', "..." with ` escapes and $([char]N), ` newline continuations
};

const char* shell_quoting_name(ShellQuoting quoting);

// Which style a copied command uses: anything but "curl ..." (Invoke-WebRequest, curl.exe,
// which is how PowerShell runs curl) and backtick line continuations are PowerShell;
// caret continuations, ^" and "%" are cmd; single quotes, '$' and backslash continuations
// are bash; double quotes alone are cmd (Firefox's older form).
ShellQuoting guess_quoting(std::string_view command);

// The words of the first command (a second command after a newline or ';' is an error, as
// are pipes, redirections and expansions). Errors are "capture.command".
Expected<std::vector<std::string>> split_posix_words(std::string_view command);
Expected<std::vector<std::string>> split_cmd_words(std::string_view command);

// PowerShell tokens: strings (quoted or bare words) and the punctuation that shapes
// Invoke-WebRequest's arguments. Statement ends (newline or ';') are tokens too.
struct PowerShellToken {
  enum Kind { Word, String, Punct, End } kind = Word;
  std::string text;  // the value for Word and String; "@{", "{", "}", "(", ")", "=" for Punct
};
Expected<std::vector<PowerShellToken>> split_powershell_tokens(std::string_view script);

}  // namespace saml
