// The main() harnesses link in normal builds (no libFuzzer): runs LLVMFuzzerTestOneInput over
// the files and directories given, so ctest replays every corpus and regression input.
//   <harness> [--mutate N] PATH...
// With --mutate N, a harness that has a custom mutator also runs N mutations of each input,
// so the mutator is exercised in normal builds too.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_support.h"

extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" __attribute__((weak)) std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data,
                                                                     std::size_t size,
                                                                     std::size_t max_size,
                                                                     unsigned int seed);

// libFuzzer's byte mutator, which a custom mutator may call: here a deterministic stand-in
// that flips one byte.
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size,
                                        std::size_t /*max_size*/) {
  if (size > 0) data[(size * 7 + 3) % size] ^= 0x20;
  return size;
}

namespace {

std::vector<std::filesystem::path> collect_inputs(const std::vector<std::string>& args) {
  std::vector<std::filesystem::path> files;
  for (const std::string& arg : args) {
    if (std::filesystem::is_directory(arg)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(arg)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else {
      files.emplace_back(arg);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool read_file(const std::filesystem::path& path, std::vector<std::uint8_t>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

void run_mutations(std::vector<std::uint8_t> input, unsigned rounds) {
  const std::size_t max_size = std::max<std::size_t>(input.size() * 2, 4096);
  for (unsigned seed = 1; seed <= rounds; ++seed) {
    std::vector<std::uint8_t> buffer(input);
    buffer.resize(max_size);
    const std::size_t size = LLVMFuzzerCustomMutator(buffer.data(), input.size(), max_size, seed);
    if (size > max_size) {
      std::fprintf(stderr, "the custom mutator returned %zu bytes, more than %zu\n", size, max_size);
      std::abort();
    }
    LLVMFuzzerTestOneInput(buffer.data(), size);
    buffer.resize(size);
    input.swap(buffer);  // mutate the mutant next, as a fuzzer would
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  unsigned mutate_rounds = 0;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--mutate") == 0 && i + 1 < argc) {
      mutate_rounds = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
    } else {
      args.emplace_back(argv[i]);
    }
  }
  if (mutate_rounds > 0 && LLVMFuzzerCustomMutator == nullptr) {
    std::fprintf(stderr, "--mutate: this harness has no custom mutator\n");
    return 2;
  }
  const std::vector<std::filesystem::path> files = collect_inputs(args);
  if (files.empty()) {
    std::fprintf(stderr, "usage: %s [--mutate N] FILE-OR-DIR...  (no input files found)\n", argv[0]);
    return 2;
  }
  std::vector<std::uint8_t> data;
  for (const auto& file : files) {
    if (!read_file(file, data)) {
      std::fprintf(stderr, "cannot read %s\n", file.c_str());
      return 2;
    }
    LLVMFuzzerTestOneInput(data.data(), data.size());
    if (mutate_rounds > 0) run_mutations(data, mutate_rounds);
  }
  std::printf("replayed %zu inputs%s\n", files.size(), mutate_rounds > 0 ? " (and their mutations)" : "");
  return 0;
}
