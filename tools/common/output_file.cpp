// --output FILE: a report written to a file instead of standard output.
#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli.h"

namespace samlkit::cli {

boost::program_options::options_description output_file_options() {
  boost::program_options::options_description options("Report file");
  options.add_options()("output,o", boost::program_options::value<std::string>()->value_name("FILE"),
                        "write the report to FILE instead of standard output (e.g. with --format html)");
  return options;
}

OutputFile::OutputFile(const std::string& path) : file_(path, std::ios::binary | std::ios::trunc) {}

OutputFile::~OutputFile() {
  if (saved_ != nullptr) {
    std::cout.flush();
    std::cout.rdbuf(saved_);
  }
}

saml::Expected<std::unique_ptr<OutputFile>> OutputFile::open(const boost::program_options::variables_map& vm) {
  if (!vm.count("output")) return std::unique_ptr<OutputFile>();
  const std::string path = vm["output"].as<std::string>();
  std::unique_ptr<OutputFile> output(new OutputFile(path));
  if (!output->file_) {
    return saml::Error{saml::ErrorKind::Config, saml::ErrorCode::OutputOpen, "--output " + path + ": " + std::strerror(errno), {}};
  }
  output->saved_ = std::cout.rdbuf(output->file_.rdbuf());
  return output;
}

}  // namespace samlkit::cli
