// The reference for reading a large HAR: the file read into memory and parsed by
// nlohmann-json alone, either into a document ("dom", what most programs do) or through a
// SAX handler that keeps nothing ("sax", the least the library can do; samlkit's capture
// stage reads HAR files through a SAX handler). bench/large_har.sh times the tools against it.
//
//   samlkit_bench_har_json dom|sax FILE.har
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <string>

namespace {

// Accepts every event and keeps nothing.
struct NothingKept : nlohmann::json::json_sax_t {
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc == 3 ? argv[1] : "";
  if (mode != "dom" && mode != "sax") {
    std::cerr << "usage: samlkit_bench_har_json dom|sax FILE.har\n";
    return 2;
  }
  std::FILE* file = std::fopen(argv[2], "rb");
  if (file == nullptr) return 3;
  std::fseek(file, 0, SEEK_END);
  std::string text(static_cast<std::size_t>(std::ftell(file)), '\0');
  std::rewind(file);
  const bool read = std::fread(text.data(), 1, text.size(), file) == text.size();
  std::fclose(file);
  if (!read) return 3;
  if (mode == "dom") {
    const nlohmann::json har = nlohmann::json::parse(text);
    std::cout << har["log"]["entries"].size() << " entries\n";
    return 0;
  }
  NothingKept handler;
  return nlohmann::json::sax_parse(text, &handler) ? 0 : 1;
}
