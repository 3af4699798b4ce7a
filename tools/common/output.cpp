// The report formats, the colour decision and the final flush of stdout, for every tool.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli.h"

namespace po = boost::program_options;

namespace samlkit::cli {
namespace {

constexpr Format kAllFormats[] = {Format::Text, Format::Json, Format::JsonLines, Format::Sarif,
                                  Format::Junit, Format::Html};

saml::Error format_error(std::string message) {
  return saml::Error{saml::ErrorKind::Config, saml::ErrorCode::CliFormat, std::move(message), {}};
}

bool offers(std::span<const Format> formats, Format format) {
  return std::find(formats.begin(), formats.end(), format) != formats.end();
}

bool is_set(const po::variables_map& vm, const char* name) {
  return vm.count(name) != 0 && vm[name].as<bool>();
}

}  // namespace

std::string_view format_name(Format format) {
  switch (format) {
    case Format::Text: return "text";
    case Format::Json: return "json";
    case Format::JsonLines: return "json-lines";
    case Format::Sarif: return "sarif";
    case Format::Junit: return "junit";
    case Format::Html: return "html";
  }
  return "text";
}

po::options_description output_options(std::span<const Format> formats) {
  po::options_description options("Output");
  options.add_options()
      ("format", po::value<std::string>()->value_name(choices_text(formats, format_name))->default_value("text"),
       "report format")
      ("json", po::bool_switch(), "short for --format json: one document with a `messages` array")
      ("json-lines", po::bool_switch(), "short for --format json-lines: one JSON object per line")
      ("color", po::value<std::string>()->value_name("auto|always|never")->default_value("auto")
                    ->notifier([](const std::string& choice) {
                      if (choice != "auto" && choice != "always" && choice != "never") {
                        throw po::invalid_option_value("--color " + choice + " (expected auto, always or never)");
                      }
                    }),
       "colour the text report (auto: on a terminal, unless NO_COLOR is set or TERM=dumb)");
  return options;
}

saml::Expected<Format> selected_format(const po::variables_map& vm, std::span<const Format> formats) {
  const std::string name = vm["format"].as<std::string>();
  std::optional<Format> chosen;
  for (const Format format : kAllFormats) {
    if (format_name(format) == name && offers(formats, format)) chosen = format;
  }
  if (!chosen) return format_error("--format " + name + ": expected " + choices_text(formats, format_name));
  for (const auto& [option, format] : {std::pair{"json", Format::Json}, std::pair{"json-lines", Format::JsonLines}}) {
    if (!is_set(vm, option)) continue;
    if (!vm["format"].defaulted() && *chosen != format) {
      return format_error("--" + std::string(option) + " and --format " + name + " disagree");
    }
    if (*chosen != Format::Text && *chosen != format) {
      return format_error("--json and --json-lines exclude each other");
    }
    chosen = format;
  }
  return *chosen;
}

bool use_color(const po::variables_map& vm) {
  const std::string choice = vm.count("color") ? vm["color"].as<std::string>() : "auto";
  if (choice == "always") return true;
  if (choice == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || no_color[0] == '\0') &&
         (term == nullptr || std::string_view(term) != "dumb");
}

int finish_output(std::string_view tool, int exit_code) {
  std::cout.flush();
  errno = 0;
  const bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
  if (!failed) return exit_code;
  const int error = errno;
  std::cerr << tool << ": cannot write the report to standard output"
            << (error != 0 ? std::string(": ") + std::strerror(error) : std::string()) << "\n";
  return std::max(exit_code, static_cast<int>(kExitUsage));
}

}  // namespace samlkit::cli
