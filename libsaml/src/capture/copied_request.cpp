#include "capture/copied_request.h"

#include <algorithm>
#include <optional>

#include "capture/sniff.h"
#include "util/percent_encoding.h"
#include "util/printable.h"

namespace saml {
namespace {

Error command_error(const std::string& message) {
  return Error{ErrorKind::Decode, ErrorCode::CaptureCommand, message, {}};
}

bool equals_nocase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && starts_with_nocase(a, b);
}

std::string trim(std::string_view text) {
  text = skip_bom_and_space(trim_trailing_space(text));
  return std::string(text);
}

Error file_body_error(const std::string& option, const std::string& value) {
  return command_error(option + " " + util::printable_prefix(value, 30) +
                       " reads the body from a file, which is not in the capture; paste the "
                       "file's content, or the request as the browser copied it");
}

// --data-urlencode's forms: "content", "=content", "name=content"; "@file" and
// "name@file" read a file.
Expected<std::string> urlencoded_part(const std::string& value) {
  const std::size_t equals = value.find('=');
  const std::size_t at = value.find('@');
  if (at != std::string::npos && (equals == std::string::npos || at < equals)) {
    return file_body_error("--data-urlencode", value);
  }
  if (equals == std::string::npos) return util::percent_encode(value);
  const std::string name = value.substr(0, equals);
  return (name.empty() ? "" : name + "=") + util::percent_encode(std::string_view(value).substr(equals + 1));
}

// curl options that take a value, besides those read below: the value must not be taken
// for the URL.
bool takes_value(std::string_view option) {
  static constexpr std::string_view kOptions[] = {
      "-A", "--user-agent", "-b", "--cookie", "-c", "--cookie-jar", "-e", "--referer",
      "-u", "--user", "-o", "--output", "-x", "--proxy", "-m", "--max-time",
      "--connect-timeout", "--cacert", "--cert", "-E", "--key", "-w", "--write-out",
      "--resolve", "--retry", "-r", "--range", "-K", "--config", "--limit-rate",
      "--max-redirs", "-U", "--proxy-user", "--interface", "--ciphers", "--tls-max"};
  return std::find(std::begin(kOptions), std::end(kOptions), option) != std::end(kOptions);
}

std::string joined(const std::vector<std::string>& parts) {
  std::string body;
  for (const std::string& part : parts) body += (body.empty() ? "" : "&") + part;
  return body;
}

// ---- PowerShell ----

using Tokens = std::vector<PowerShellToken>;

bool is_punct(const PowerShellToken& token, std::string_view text) {
  return token.kind == PowerShellToken::Punct && token.text == text;
}
bool opens(const PowerShellToken& token) {
  return is_punct(token, "@{") || is_punct(token, "{") || is_punct(token, "(");
}
bool closes(const PowerShellToken& token) { return is_punct(token, "}") || is_punct(token, ")"); }

// The index just past the bracket group that opens at `start`.
Expected<std::size_t> group_end(const Tokens& tokens, std::size_t start) {
  std::size_t depth = 0;
  for (std::size_t i = start; i < tokens.size(); ++i) {
    if (opens(tokens[i])) ++depth;
    if (closes(tokens[i]) && --depth == 0) return i + 1;
  }
  return command_error("a bracket (" + tokens[start].text + ") is not closed");
}

struct Pair {
  std::string key;
  std::string value;
};

// @{ "key"="value" ... } between `start` (the "@{") and `end` (past the "}").
Expected<std::vector<Pair>> hashtable(const Tokens& tokens, std::size_t start, std::size_t end) {
  std::vector<Pair> pairs;
  std::size_t i = start + 1;
  while (i + 1 < end) {
    if (tokens[i].kind == PowerShellToken::End) {
      ++i;
      continue;
    }
    const bool simple = i + 2 < end && tokens[i].kind != PowerShellToken::Punct &&
                        is_punct(tokens[i + 1], "=") &&
                        tokens[i + 2].kind == PowerShellToken::String;
    if (!simple) {
      return command_error("a hashtable entry is not \"name\"=\"value\" (at \"" +
                           util::printable_prefix(tokens[i].text, 30) + "\")");
    }
    pairs.push_back(Pair{tokens[i].text, tokens[i + 2].text});
    i += 3;
  }
  return pairs;
}

struct Value {
  std::optional<std::string> text;
  std::vector<Pair> pairs;  // when the value is a hashtable
  std::size_t next = 0;     // the token after the value
};

// A parameter's value at tokens[i]: a string, a hashtable, or a parenthesised expression
// holding exactly one string (Chrome's UTF8.GetBytes("...")). A variable is refused.
Expected<Value> value_at(const Tokens& tokens, std::size_t i, const std::string& parameter) {
  if (i >= tokens.size() || tokens[i].kind == PowerShellToken::End) {
    return command_error(parameter + " has no value");
  }
  const PowerShellToken& token = tokens[i];
  Value value;
  if (token.kind == PowerShellToken::String ||
      (token.kind == PowerShellToken::Word && !token.text.starts_with("$"))) {
    value.text = token.text;
    value.next = i + 1;
    return value;
  }
  if (opens(token)) {
    auto end = group_end(tokens, i);
    if (!end) return end.error();
    value.next = *end;
    if (is_punct(token, "@{")) {
      auto pairs = hashtable(tokens, i, *end);
      if (!pairs) return pairs.error();
      value.pairs = std::move(*pairs);
      return value;
    }
    for (std::size_t j = i + 1; j < *end; ++j) {
      if (tokens[j].kind != PowerShellToken::String) continue;
      if (value.text) return command_error(parameter + " is an expression of several strings");
      value.text = tokens[j].text;
    }
    if (value.text) return value;
  }
  return command_error(parameter + " " + util::printable_prefix(token.text, 30) +
                       " is a variable or an expression, not the value itself; paste the "
                       "request as the browser copied it");
}

bool is_request_command(std::string_view word) {
  for (const std::string_view name : {"Invoke-WebRequest", "Invoke-RestMethod", "iwr", "irm", "curl", "curl.exe"}) {
    if (equals_nocase(word, name)) return true;
  }
  return false;
}

bool is_parameter(const PowerShellToken& token) {
  return token.kind == PowerShellToken::Word && token.text.size() > 1 && token.text[0] == '-';
}

bool uses_iwr_parameters(const Tokens& tokens, std::size_t start, std::size_t end) {
  for (std::size_t i = start; i < end; ++i) {
    if (is_parameter(tokens[i]) && (equals_nocase(tokens[i].text, "-Uri") || equals_nocase(tokens[i].text, "-Body"))) {
      return true;
    }
  }
  return false;
}

// The statement [start, end): Invoke-WebRequest and its parameters.
Expected<CopiedRequest> read_invoke_webrequest(const Tokens& tokens, std::size_t start, std::size_t end) {
  static constexpr std::string_view kSwitches[] = {
      "-UseBasicParsing", "-UseDefaultCredentials", "-DisableKeepAlive", "-PassThru",
      "-SkipCertificateCheck", "-SkipHeaderValidation", "-AllowUnencryptedAuthentication",
      "-SkipHttpErrorCheck", "-NoProxy", "-Resume", "-AllowInsecureRedirect"};
  CopiedRequest request;
  request.cmdlet = true;
  for (std::size_t i = start + 1; i < end;) {
    const PowerShellToken& token = tokens[i];
    const bool parameter = is_parameter(token);
    if (parameter && std::any_of(std::begin(kSwitches), std::end(kSwitches),
                                 [&](std::string_view name) { return equals_nocase(token.text, name); })) {
      ++i;
      continue;
    }
    if (parameter && (equals_nocase(token.text, "-WebSession") || equals_nocase(token.text, "-SessionVariable"))) {
      i += 2;  // the cookie session: not part of the SAML message
      continue;
    }
    if (parameter && equals_nocase(token.text, "-InFile")) {
      return command_error("-InFile reads the body from a file, which is not in the capture; paste "
                           "the request as the browser copied it");
    }
    const std::string name = parameter ? token.text : "-Uri";
    auto value = value_at(tokens, parameter ? i + 1 : i, name);
    if (!value) return value.error();
    i = value->next;
    if (equals_nocase(name, "-Uri")) {
      request.url = value->text.value_or("");
    } else if (equals_nocase(name, "-Method")) {
      request.method = value->text.value_or("");
    } else if (equals_nocase(name, "-Body") || equals_nocase(name, "-Form")) {
      if (value->text) {
        request.body = *value->text;
      } else {
        std::vector<std::string> parts;
        for (const Pair& pair : value->pairs) parts.push_back(util::percent_encode(pair.key) + "=" + util::percent_encode(pair.value));
        request.body = joined(parts);
      }
    } else if (equals_nocase(name, "-Headers")) {
      for (const Pair& pair : value->pairs) {
        if (equals_nocase(pair.key, "date")) request.date = trim(pair.value);
      }
    }
  }
  if (request.method.empty()) request.method = request.body.empty() ? "GET" : "POST";
  for (char& c : request.method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return request;
}

}  // namespace

bool looks_like_command(std::string_view text) {
  for (const std::string_view start : {"curl ", "curl.exe ", "curl\t", "curl.exe\t", "Invoke-WebRequest",
                                       "Invoke-RestMethod", "iwr ", "irm ", "$session"}) {
    if (starts_with_nocase(text, start)) return true;
  }
  return false;
}

Expected<CopiedRequest> read_curl_words(const std::vector<std::string>& words) {
  if (words.empty() || !(equals_nocase(words[0], "curl") || equals_nocase(words[0], "curl.exe"))) {
    return command_error("the command does not start with curl");
  }
  CopiedRequest request;
  std::vector<std::string> data;
  bool get = false;
  for (std::size_t i = 1; i < words.size(); ++i) {
    std::string option = words[i];
    std::optional<std::string> attached;
    // Short options may carry their value: -dVALUE, -XPOST, -H'...'.
    if (option.size() > 2 && option[0] == '-' && option[1] != '-' &&
        (option[1] == 'd' || option[1] == 'X' || option[1] == 'H' || option[1] == 'F')) {
      attached = option.substr(2);
      option = option.substr(0, 2);
    }
    const auto value = [&]() -> Expected<std::string> {
      if (attached) return *attached;
      if (i + 1 >= words.size()) return command_error("the option " + option + " has no value");
      return words[++i];
    };
    if (option == "-d" || option == "--data" || option == "--data-ascii" || option == "--data-binary" ||
        option == "--data-raw") {
      auto text = value();
      if (!text) return text.error();
      if (option != "--data-raw" && text->starts_with("@")) return file_body_error(option, *text);
      if (option != "--data-binary" && option != "--data-raw") {
        std::erase(*text, '\r');  // curl's --data drops line breaks, --data-binary keeps them
        std::erase(*text, '\n');
      }
      data.push_back(std::move(*text));
    } else if (option == "--data-urlencode") {
      auto text = value();
      if (!text) return text.error();
      auto part = urlencoded_part(*text);
      if (!part) return part.error();
      data.push_back(std::move(*part));
    } else if (option == "-F" || option == "--form" || option == "--form-string") {
      auto text = value();
      if (!text) return text.error();
      const std::size_t equals = text->find('=');
      if (option != "--form-string" && equals != std::string::npos && equals + 1 < text->size() &&
          ((*text)[equals + 1] == '@' || (*text)[equals + 1] == '<')) {
        return file_body_error(option, *text);
      }
      if (equals != std::string::npos) {
        data.push_back(text->substr(0, equals) + "=" + util::percent_encode(std::string_view(*text).substr(equals + 1)));
      }
    } else if (option == "-H" || option == "--header") {
      auto text = value();
      if (!text) return text.error();
      if (starts_with_nocase(*text, "date:")) request.date = trim(std::string_view(*text).substr(5));
    } else if (option == "-X" || option == "--request") {
      auto text = value();
      if (!text) return text.error();
      request.method = *text;
    } else if (option == "--url") {
      auto text = value();
      if (!text) return text.error();
      request.url = *text;
    } else if (option == "-G" || option == "--get") {
      get = true;
    } else if (option == "-T" || option == "--upload-file") {
      return file_body_error(option, words[i + 1 < words.size() ? i + 1 : i]);
    } else if (takes_value(option)) {
      ++i;
    } else if (option.starts_with("-")) {
      continue;  // a switch (--compressed, --insecure, -s, ...)
    } else if (request.url.empty()) {
      request.url = option;
    } else {
      return command_error("the command names two URLs (" + util::printable_prefix(request.url, 40) +
                           " and " + util::printable_prefix(option, 40) + "); paste one request");
    }
  }
  if (request.url.empty()) return command_error("the curl command has no URL");
  request.body = joined(data);
  if (get && !request.body.empty()) {
    request.url += (request.url.find('?') == std::string::npos ? "?" : "&") + request.body;
    request.body.clear();
  }
  if (request.method.empty()) request.method = get || request.body.empty() ? "GET" : "POST";
  return request;
}

Expected<CopiedRequest> read_powershell_request(const Tokens& tokens) {
  std::size_t start = 0;
  while (start < tokens.size()) {
    std::size_t end = start;
    std::size_t depth = 0;
    for (; end < tokens.size(); ++end) {
      if (opens(tokens[end])) ++depth;
      if (closes(tokens[end]) && depth > 0) --depth;
      if (tokens[end].kind == PowerShellToken::End && depth == 0) break;
    }
    const PowerShellToken& first = tokens[start];
    if (first.kind == PowerShellToken::Word && is_request_command(first.text)) {
      const bool curl = (equals_nocase(first.text, "curl") || equals_nocase(first.text, "curl.exe")) &&
                        !uses_iwr_parameters(tokens, start, end);
      if (!curl) return read_invoke_webrequest(tokens, start, end);
      std::vector<std::string> words;
      for (std::size_t i = start; i < end; ++i) words.push_back(tokens[i].text);
      return read_curl_words(words);
    }
    start = end + 1;
  }
  return command_error("no Invoke-WebRequest, Invoke-RestMethod or curl.exe command in the "
                       "PowerShell script");
}

}  // namespace saml
