#include "batch.h"

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "cli.h"

namespace samlkit::lint_tool {
namespace {

constexpr int kBarWidth = 30;
// How many items per thread the workers may lint ahead of the output.
constexpr std::size_t kAheadPerThread = 8;

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
  // A file, or (--lines) the message its line holds.
  const saml::CaptureLimits& limits = options.policy.capture_limits;
  auto captures = item.line == 0 ? cli::read_captures("saml-lint", item.source, limits)
                                 : saml::decode_capture(item.text, item.source, limits);
  if (!captures) return {error_entry(item, captures.error())};
  std::vector<saml::LintEntry> entries;
  for (const saml::Capture& capture : *captures) {
    // A capture that records its time is judged at it (unless --now says otherwise).
    std::optional<saml::Policy> policy;
    std::optional<saml::LintOptions> at_capture_time;
    if (&cli::policy_for(capture, options.policy, policy) != &options.policy) {
      at_capture_time = options;
      at_capture_time->policy = *policy;
    }
    auto result = saml::lint_capture(capture, trust, at_capture_time ? *at_capture_time : options);
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

// Used under OrderedBatch's mutex only.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), shown_(total > 1 && isatty(STDERR_FILENO) == 1) {}
  // One more item linted: redraws the bar, and wipes it after the last one.
  void step() {
    ++done_;
    if (!shown_) return;
    const int filled = static_cast<int>(done_ * kBarWidth / total_);
    std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled, "##############################",
                 kBarWidth - filled, "", done_, total_);
    if (done_ == total_) clear();
    std::fflush(stderr);
  }
  // Wipes the bar so that output to the same terminal starts on a clean line.
  void clear() {
    if (shown_) std::fprintf(stderr, "\r%*s\r", kBarWidth + 30, "");
  }

 private:
  std::size_t total_;
  bool shown_;
  std::size_t done_ = 0;
};

// The items in flight. Workers claim items in input order, at most a window ahead of the
// next one to emit; whoever completes that one emits it and every ready item after it.
class OrderedBatch {
 public:
  OrderedBatch(std::size_t total, std::size_t window, const EntrySink& sink)
      : total_(total), slots_(window), progress_(total), sink_(sink) {}

  // The next item to lint, once it is inside the window; nullopt when every item is taken.
  std::optional<std::size_t> claim() {
    std::unique_lock<std::mutex> lock(mutex_);
    window_open_.wait(lock, [this] {
      return next_claim_ == total_ || next_claim_ < next_emit_ + slots_.size();
    });
    if (next_claim_ == total_) return std::nullopt;
    return next_claim_++;
  }

  void complete(std::size_t index, std::vector<saml::LintEntry> entries) {
    const std::lock_guard<std::mutex> lock(mutex_);
    slots_[index % slots_.size()] = std::move(entries);
    if (index == next_emit_) emit_ready();
    progress_.step();
  }

 private:
  // Emits the completed items from next_emit_ on, in order. Called with mutex_ held.
  void emit_ready() {
    progress_.clear();
    while (next_emit_ < total_) {
      std::optional<std::vector<saml::LintEntry>>& slot = slots_[next_emit_ % slots_.size()];
      if (!slot) break;
      for (const saml::LintEntry& entry : *slot) sink_(entry);
      slot.reset();
      ++next_emit_;
    }
    window_open_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable window_open_;
  std::size_t total_;
  std::size_t next_claim_ = 0;
  std::size_t next_emit_ = 0;
  // Item i waits in slot i % window: claims stay inside the window, so slots never collide.
  std::vector<std::optional<std::vector<saml::LintEntry>>> slots_;
  Progress progress_;
  const EntrySink& sink_;
};

}  // namespace

void lint_all(const std::vector<WorkItem>& items, const saml::TrustStore& trust,
              const saml::LintOptions& options, const saml::LintConfig& config, unsigned jobs,
              const EntrySink& sink) {
  const std::size_t threads = std::max<std::size_t>(1, std::min<std::size_t>(jobs, items.size()));
  OrderedBatch batch(items.size(), kAheadPerThread * threads, sink);
  const auto worker = [&] {
    while (const std::optional<std::size_t> index = batch.claim()) {
      batch.complete(*index, lint_item(items[*index], trust, options, config));
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();
}

}  // namespace samlkit::lint_tool
