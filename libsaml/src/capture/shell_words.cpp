#include "capture/shell_words.h"

#include <cctype>
#include <optional>

#include "capture/sniff.h"
#include "util/printable.h"

namespace saml {
namespace {

Error command_error(const std::string& message) {
  return Error{ErrorKind::Decode, ErrorCode::CaptureCommand, message, {}};
}

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// The length of a line break at `i` ("\n" or "\r\n"), 0 if there is none.
std::size_t line_break_at(std::string_view text, std::size_t i) {
  if (i < text.size() && text[i] == '\n') return 1;
  if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') return 2;
  return 0;
}

// The command ended at a line break at `i`: anything but blank lines after it is a second
// command, which is refused rather than ignored.
std::optional<Error> check_nothing_follows(std::string_view text, std::size_t i) {
  const std::string_view rest = skip_bom_and_space(text.substr(i));
  if (rest.empty()) return std::nullopt;
  return command_error("the copied command is followed by more commands (\"" +
                       util::printable_prefix(rest, 30) +
                       "\"); paste only the one request");
}

void append_utf8(std::string& out, unsigned long code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

int digit_value(char c, int base) {
  int value = 99;
  if (c >= '0' && c <= '9') value = c - '0';
  if (c >= 'a' && c <= 'f') value = c - 'a' + 10;
  if (c >= 'A' && c <= 'F') value = c - 'A' + 10;
  return value < base ? value : -1;
}

// Up to `max_digits` digits in `base` at text[i]; advances i past them.
std::optional<unsigned long> read_number(std::string_view text, std::size_t& i, int base,
                                         std::size_t max_digits) {
  unsigned long value = 0;
  std::size_t digits = 0;
  while (digits < max_digits && i < text.size() && digit_value(text[i], base) >= 0) {
    value = value * static_cast<unsigned long>(base) + static_cast<unsigned long>(digit_value(text[i], base));
    ++i;
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  return value;
}

// The control characters that bash's $'...' and PowerShell's backtick escapes both name by
// one letter; nullopt for any other letter.
std::optional<char> control_escape(char letter) {
  switch (letter) {
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    case 'e': return '\x1B';
    default: return std::nullopt;
  }
}

// bash's $'...' (ANSI-C quoting); `i` is just past the opening quote.
Expected<std::size_t> read_ansi_c(std::string_view text, std::size_t i, std::string& word) {
  while (i < text.size() && text[i] != '\'') {
    if (text[i] != '\\' || i + 1 == text.size()) {
      word += text[i++];
      continue;
    }
    const char escape = text[i + 1];
    i += 2;
    if (const std::optional<char> control = control_escape(escape)) {
      word += *control;
      continue;
    }
    switch (escape) {
      case 'E': word += '\x1B'; break;
      case '\\': case '\'': case '"': case '?': word += escape; break;
      case 'x': case 'u': case 'U': {
        const std::size_t max = escape == 'x' ? 2 : escape == 'u' ? 4 : 8;
        const std::optional<unsigned long> value = read_number(text, i, 16, max);
        if (!value) {
          word += '\\';
          word += escape;
        } else if (escape == 'x') {
          word += static_cast<char>(*value);
        } else {
          append_utf8(word, *value);
        }
        break;
      }
      default:
        if (escape >= '0' && escape <= '7') {
          --i;
          word += static_cast<char>(*read_number(text, i, 8, 3) & 0xFF);
        } else {
          word += '\\';
          word += escape;
        }
    }
  }
  if (i == text.size()) return command_error("a $'...' string is not closed");
  return i + 1;
}

// A double-quoted bash string; `i` is just past the opening quote.
Expected<std::size_t> read_posix_double(std::string_view text, std::size_t i, std::string& word) {
  while (i < text.size() && text[i] != '"') {
    const char c = text[i];
    if (c == '$' || c == '`') {
      return command_error(std::string("the command needs the shell to expand '") + c +
                           "' inside \"...\"; paste the request as the browser copied it");
    }
    if (c == '\\' && i + 1 < text.size()) {
      const char next = text[i + 1];
      if (next == '"' || next == '\\' || next == '$' || next == '`') {
        word += next;
        i += 2;
        continue;
      }
      if (const std::size_t br = line_break_at(text, i + 1)) {
        i += 1 + br;
        continue;
      }
    }
    word += c;
    ++i;
  }
  if (i == text.size()) return command_error("a \"...\" string is not closed");
  return i + 1;
}

// cmd.exe's own pass: ^ escapes the next character (a line break after ^ continues the
// command, and the character after that break is taken as it is); "..." is taken as it
// is, quotes included, for the C runtime's pass.
Expected<std::string> cmd_pass(std::string_view text) {
  std::string line;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (is_line_end(c)) return command_error("a \"...\" string runs past the end of a line");
      quoted = c != '"';
      line += c;
    } else if (c == '^') {
      if (const std::size_t br = line_break_at(text, i + 1)) i += br;
      if (i + 1 < text.size()) line += text[++i];
    } else if (c == '"') {
      quoted = true;
      line += c;
    } else if (is_line_end(c)) {
      if (auto error = check_nothing_follows(text, i)) return *error;
      break;
    } else if (c == '&' || c == '|' || c == '<' || c == '>') {
      return command_error(std::string("the command uses cmd's operator '") + c +
                           "' outside quotes; paste only the request");
    } else {
      line += c;
    }
  }
  return line;
}

// The C runtime's argv rules (as curl.exe reads its command line): "..." groups, "" inside
// quotes is a quote, 2n backslashes before a quote are n and the quote counts, 2n+1 are n
// and a literal quote; other backslashes are themselves.
std::vector<std::string> crt_words(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  bool quoted = false;
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == '\\') {
      std::size_t run = 0;
      while (i < line.size() && line[i] == '\\') {
        ++run;
        ++i;
      }
      const bool before_quote = i < line.size() && line[i] == '"';
      word.append(before_quote ? run / 2 : run, '\\');
      if (before_quote && run % 2 == 1) {
        word += '"';
        ++i;
      }
      in_word = true;
    } else if (c == '"') {
      in_word = true;
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
        word += '"';
        i += 2;
      } else {
        quoted = !quoted;
        ++i;
      }
    } else if ((c == ' ' || c == '\t') && !quoted) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      ++i;
    } else {
      word += c;
      in_word = true;
      ++i;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

// A PowerShell "..." string; `i` is just past the opening quote. Only the subexpression
// Chrome writes for characters outside printable ASCII, $([char]N), is evaluated.
Expected<std::size_t> read_powershell_double(std::string_view text, std::size_t i, std::string& word) {
  // A UTF-16 high surrogate waiting for its low half (0: none). Half of a pair that does not
  // come in order becomes U+FFFD: UTF-8 cannot hold a lone surrogate.
  unsigned long high_surrogate = 0;
  const auto flush = [&] {
    if (high_surrogate != 0) append_utf8(word, 0xFFFD);
    high_surrogate = 0;
  };
  const auto add_unit = [&](unsigned long unit) {
    const bool low = unit >= 0xDC00 && unit <= 0xDFFF;
    if (high_surrogate != 0 && low) {
      append_utf8(word, 0x10000 + ((high_surrogate - 0xD800) << 10) + (unit - 0xDC00));
      high_surrogate = 0;
      return;
    }
    flush();
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      high_surrogate = unit;
    } else {
      append_utf8(word, low ? 0xFFFD : unit);
    }
  };
  const auto add_char = [&](char ch) {
    flush();
    word += ch;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {
      if (i + 1 < text.size() && text[i + 1] == '"') {
        add_char('"');
        i += 2;
        continue;
      }
      flush();
      return i + 1;
    }
    if (c == '`' && i + 1 < text.size()) {
      const char escape = text[i + 1];
      i += 2;
      add_char(escape == '0' ? '\0' : control_escape(escape).value_or(escape));
      continue;
    }
    if (c == '$' && text.substr(i).starts_with("$([char]")) {
      std::size_t at = i + 8;
      const std::optional<unsigned long> unit = read_number(text, at, 10, 5);
      if (!unit || at >= text.size() || text[at] != ')' || *unit > 0xFFFF) {
        return command_error("a $([char]...) in a \"...\" string is not a character number");
      }
      add_unit(*unit);
      i = at + 1;
      continue;
    }
    if (c == '$' && i + 1 < text.size() &&
        (std::isalnum(static_cast<unsigned char>(text[i + 1])) != 0 || text[i + 1] == '_' ||
         text[i + 1] == '{' || text[i + 1] == '(' || text[i + 1] == ':')) {
      return command_error("a \"...\" string uses a PowerShell variable or expression (\"" +
                           util::printable_prefix(text.substr(i), 20) +
                           "\"); paste the request as the browser copied it");
    }
    add_char(c);
    ++i;
  }
  return command_error("a \"...\" string is not closed");
}

}  // namespace

const char* shell_quoting_name(ShellQuoting quoting) {
  switch (quoting) {
    case ShellQuoting::Posix: return "bash";
    case ShellQuoting::WindowsCmd: return "Windows cmd";
    case ShellQuoting::PowerShell: return "PowerShell";
  }
  return "unknown";
}

ShellQuoting guess_quoting(std::string_view command) {
  const auto continued_with = [&](char mark) {
    for (std::size_t i = command.find(mark); i != std::string_view::npos; i = command.find(mark, i + 1)) {
      if (line_break_at(command, i + 1) > 0) return true;
    }
    return false;
  };
  const auto has = [&](std::string_view part) { return command.find(part) != std::string_view::npos; };
  const bool curl = starts_with_nocase(command, "curl ") || starts_with_nocase(command, "curl\t");
  if (!curl || continued_with('`')) return ShellQuoting::PowerShell;  // cmdlets, curl.exe
  if (continued_with('^') || has("^\"") || has("\"%\"")) return ShellQuoting::WindowsCmd;
  if (has("'") || has("$") || continued_with('\\')) return ShellQuoting::Posix;
  // Only double quotes: Firefox's older Windows form (bash would read simple ones alike).
  return has("\"") ? ShellQuoting::WindowsCmd : ShellQuoting::Posix;
}

Expected<std::vector<std::string>> split_posix_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  const auto flush = [&] {
    if (in_word) words.push_back(std::move(word));
    word.clear();
    in_word = false;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\') {
      if (const std::size_t br = line_break_at(text, i + 1)) {
        i += 1 + br;
      } else if (i + 1 < text.size()) {
        word += text[i + 1];
        in_word = true;
        i += 2;
      } else {
        return command_error("the command ends with a backslash");
      }
    } else if (c == ' ' || c == '\t') {
      flush();
      ++i;
    } else if (is_line_end(c)) {
      if (auto error = check_nothing_follows(text, i)) return *error;
      break;
    } else if (c == '\'') {
      const std::size_t close = text.find('\'', i + 1);
      if (close == std::string_view::npos) return command_error("a '...' string is not closed");
      word.append(text.substr(i + 1, close - i - 1));
      in_word = true;
      i = close + 1;
    } else if (c == '$' && i + 1 < text.size() && text[i + 1] == '\'') {
      auto next = read_ansi_c(text, i + 2, word);
      if (!next) return next.error();
      in_word = true;
      i = *next;
    } else if (c == '"') {
      auto next = read_posix_double(text, i + 1, word);
      if (!next) return next.error();
      in_word = true;
      i = *next;
    } else if (c == '$' || c == '`') {
      return command_error(std::string("the command needs the shell to expand '") + c +
                           "' (a variable or command substitution); paste the request as "
                           "the browser copied it");
    } else if (c == '|' || c == ';' || c == '&' || c == '<' || c == '>') {
      return command_error(std::string("the command uses the shell operator '") + c +
                           "' outside quotes; paste only the request");
    } else if (c == '#' && !in_word) {
      const std::size_t end = text.find('\n', i);
      i = end == std::string_view::npos ? text.size() : end;
    } else {
      word += c;
      in_word = true;
      ++i;
    }
  }
  flush();
  return words;
}

Expected<std::vector<std::string>> split_cmd_words(std::string_view command) {
  auto line = cmd_pass(command);
  if (!line) return line.error();
  return crt_words(*line);
}

Expected<std::vector<PowerShellToken>> split_powershell_tokens(std::string_view text) {
  std::vector<PowerShellToken> tokens;
  std::string word;
  std::size_t hashtables = 0;  // open @{ ... }
  const auto flush = [&] {
    if (!word.empty()) tokens.push_back(PowerShellToken{PowerShellToken::Word, std::move(word)});
    word.clear();
  };
  const auto push = [&](PowerShellToken::Kind kind, std::string token) {
    flush();
    if (kind == PowerShellToken::End && (tokens.empty() || tokens.back().kind == PowerShellToken::End)) return;
    tokens.push_back(PowerShellToken{kind, std::move(token)});
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '`') {
      if (const std::size_t br = line_break_at(text, i + 1)) {
        flush();
        i += 1 + br;
      } else if (i + 1 < text.size()) {
        word += text[i + 1];
        i += 2;
      } else {
        return command_error("the command ends with a backtick");
      }
    } else if (c == ' ' || c == '\t') {
      flush();
      ++i;
    } else if (is_line_end(c) || c == ';' || c == '|') {
      push(PowerShellToken::End, "");
      ++i;
    } else if (c == '#' && word.empty()) {
      const std::size_t end = text.find('\n', i);
      i = end == std::string_view::npos ? text.size() : end;
    } else if (c == '\'') {
      std::string value;
      std::size_t j = i + 1;
      for (;; ++j) {
        if (j >= text.size()) return command_error("a '...' string is not closed");
        if (text[j] != '\'') {
          value += text[j];
        } else if (j + 1 < text.size() && text[j + 1] == '\'') {
          value += '\'';
          ++j;
        } else {
          break;
        }
      }
      push(PowerShellToken::String, std::move(value));
      i = j + 1;
    } else if (c == '"') {
      std::string value;
      auto next = read_powershell_double(text, i + 1, value);
      if (!next) return next.error();
      push(PowerShellToken::String, std::move(value));
      i = *next;
    } else if (c == '@' && i + 1 < text.size() && text[i + 1] == '{') {
      push(PowerShellToken::Punct, "@{");
      ++hashtables;
      i += 2;
    } else if (c == '{' || c == '}' || c == '(' || c == ')' || c == ',' || (c == '=' && hashtables > 0)) {
      // '=' separates a hashtable's keys from values; elsewhere it is part of a word.
      if (c == '}' && hashtables > 0) --hashtables;
      push(PowerShellToken::Punct, std::string(1, c));
      ++i;
    } else {
      word += c;
      ++i;
    }
  }
  flush();
  return tokens;
}

}  // namespace saml
