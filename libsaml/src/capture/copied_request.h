// The HTTP request in a command copied from browser devtools: "Copy as cURL" (bash,
// Windows cmd, curl.exe in PowerShell) and Chrome's "Copy as PowerShell" (Invoke-WebRequest).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "capture/shell_words.h"
#include "saml/error.h"

namespace saml {

struct CopiedRequest {
  std::string url;
  std::string method;
  std::string body;  // application/x-www-form-urlencoded, as it would be sent
  std::string date;  // the Date header's value, when the command sends one
  bool cmdlet = false;  // Invoke-WebRequest/Invoke-RestMethod rather than curl
};

// Whether the text starts like a copied command: curl, curl.exe, Invoke-WebRequest,
// Invoke-RestMethod, iwr, irm, or Chrome's "$session = New-Object ..." preamble.
bool looks_like_command(std::string_view text);

// The request of a curl command line, from its words (words[0] is curl or curl.exe). The
// body is --data/-d/--data-ascii/--data-binary/--data-raw/--data-urlencode/-F joined with
// '&' as curl does; a body read from a file (@file) is an error "capture.command".
Expected<CopiedRequest> read_curl_words(const std::vector<std::string>& words);

// The request of the first Invoke-WebRequest/Invoke-RestMethod (or curl.exe) command in a
// PowerShell script: -Uri, -Method, -Body (a string, a hashtable, or Chrome's
// ([System.Text.Encoding]::UTF8.GetBytes("..."))), -Headers @{...}.
Expected<CopiedRequest> read_powershell_request(const std::vector<PowerShellToken>& tokens);

}  // namespace saml
