#include "batch.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

#include "cli.h"

namespace samlkit::lint_tool {
namespace {

constexpr int kBarWidth = 30;

saml::LintEntry error_entry(const WorkItem& item, saml::Error error) {
  saml::LintEntry entry;
  entry.source = item.source;
  entry.source_line = item.line;
  entry.error = std::move(error);
  return entry;
}

std::vector<saml::LintEntry> lint_item(const WorkItem& item, const saml::TrustStore& trust,
                                       const saml::LintOptions& options,
                                       const saml::LintConfig& config) {
  std::string bytes = item.text;
  if (item.line == 0) {
    auto read = cli::read_file(item.source, cli::kMaxInputBytes, saml::ErrorKind::Decode);
    if (!read) return {error_entry(item, read.error())};
    bytes = std::move(*read);
  }
  auto captures = saml::decode_capture(bytes, item.source, options.policy.capture_limits);
  if (!captures) return {error_entry(item, captures.error())};
  std::vector<saml::LintEntry> entries;
  for (const saml::Capture& capture : *captures) {
    auto result = saml::lint_capture(capture, trust, options);
    if (!result) {
      entries.push_back(error_entry(item, result.error()));
      continue;
    }
    saml::apply_lint_config(config, *result);
    saml::LintEntry entry;
    entry.source = item.source;
    entry.source_line = item.line;
    entry.format = capture.format;
    entry.result = std::move(*result);
    entries.push_back(std::move(entry));
  }
  return entries;
}

class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), shown_(total > 1 && isatty(STDERR_FILENO) == 1) {}
  void step() {
    const std::size_t done = ++done_;
    if (!shown_) return;
    const std::lock_guard<std::mutex> lock(mutex_);
    const int filled = static_cast<int>(done * kBarWidth / total_);
    std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled, "##############################",
                 kBarWidth - filled, "", done, total_);
    if (done == total_) std::fprintf(stderr, "\r%*s\r", kBarWidth + 30, "");
    std::fflush(stderr);
  }

 private:
  std::size_t total_;
  bool shown_;
  std::atomic<std::size_t> done_{0};
  std::mutex mutex_;
};

}  // namespace

std::vector<saml::LintEntry> lint_all(const std::vector<WorkItem>& items, const saml::TrustStore& trust,
                                      const saml::LintOptions& options, const saml::LintConfig& config,
                                      unsigned jobs) {
  std::vector<std::vector<saml::LintEntry>> per_item(items.size());
  std::atomic<std::size_t> next{0};
  Progress progress(items.size());
  const auto worker = [&] {
    for (std::size_t i = next++; i < items.size(); i = next++) {
      per_item[i] = lint_item(items[i], trust, options, config);
      progress.step();
    }
  };
  const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(jobs, items.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();
  std::vector<saml::LintEntry> entries;
  for (auto& group : per_item) {
    for (auto& entry : group) entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace samlkit::lint_tool
