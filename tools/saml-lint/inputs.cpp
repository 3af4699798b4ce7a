#include "inputs.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "cli.h"

namespace fs = std::filesystem;

namespace samlkit::lint_tool {
namespace {

bool included(const fs::path& path, const std::vector<std::string>& includes) {
  if (includes.empty()) return true;
  const std::string name = path.filename().string();
  return std::any_of(includes.begin(), includes.end(), [&](const std::string& glob) {
    return fnmatch(glob.c_str(), name.c_str(), 0) == 0;
  });
}

saml::Error input_error(std::string message) {
  return saml::Error{saml::ErrorKind::Decode, saml::ErrorCode::InputOpen, std::move(message), {}};
}

saml::Expected<std::vector<std::string>> files_under(const std::string& dir,
                                                     const std::vector<std::string>& includes) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && included(it->path(), includes)) files.push_back(it->path().string());
  }
  if (ec) return input_error("cannot read directory " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

// An NDJSON line holds the message in a SAMLResponse (or SAMLRequest) string field; any
// other line is the message itself (base64, form body, XML on one line).
std::string message_of_line(const std::string& line) {
  if (line.empty() || line.front() != '{') return line;
  const auto json = nlohmann::json::parse(line, nullptr, false);
  if (!json.is_object()) return line;
  for (const char* field : {"SAMLResponse", "SAMLRequest"}) {
    const auto it = json.find(field);
    if (it != json.end() && it->is_string()) return it->get<std::string>();
  }
  return line;
}

saml::Expected<std::vector<WorkItem>> line_items(const std::string& source,
                                                const cli::InputSelection& selection) {
  auto bytes = cli::read_input("saml-lint", source, selection);
  if (!bytes) return bytes.error();
  std::vector<WorkItem> items;
  std::size_t start = 0;
  int number = 0;
  while (start < bytes->size()) {
    std::size_t end = bytes->find('\n', start);
    if (end == std::string::npos) end = bytes->size();
    std::string line = bytes->substr(start, end - start);
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (!blank) items.push_back(WorkItem{source, number, message_of_line(line)});
    start = end + 1;
  }
  return items;
}

}  // namespace

saml::Expected<std::vector<WorkItem>> expand_inputs(const std::vector<std::string>& inputs,
                                                    const std::vector<std::string>& includes,
                                                    bool lines,
                                                    const cli::InputSelection& selection) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      auto found = files_under(input, includes);
      if (!found) return found.error();
      files.insert(files.end(), found->begin(), found->end());
    } else {
      files.push_back(input);
    }
  }
  std::vector<WorkItem> items;
  for (const std::string& file : files) {
    if (!lines) {
      items.push_back(WorkItem{file, 0, {}});
      continue;
    }
    auto found = line_items(file, selection);
    if (!found) return found.error();
    items.insert(items.end(), found->begin(), found->end());
  }
  return items;
}

}  // namespace samlkit::lint_tool
