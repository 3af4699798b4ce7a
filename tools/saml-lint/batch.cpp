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
#include "message_batch.h"
#include "saml/thread_crypto.h"

namespace samlkit::lint_tool {
namespace {

constexpr int kBarWidth = 30;
// How many items per thread the workers may lint ahead of the output: room for a full
// batch of messages held by each worker (MessageBatch), and as many again.
constexpr std::size_t kAheadPerThread = 2 * MessageBatch::kMessages;

// Used under OrderedBatch's mutex only.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), shown_(total > 1 && isatty(STDERR_FILENO) == 1) {}
  // One more item linted.
  void step() { ++done_; }
  // Draws the bar, and wipes it after the last item.
  void draw() {
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
// next one to emit. Whoever completes that one becomes the emitter: it takes every ready
// item in order and writes (and frees) them outside the lock, so the other workers go on
// linting meanwhile; one emitter at a time keeps the order.
class OrderedBatch {
 public:
  OrderedBatch(std::size_t total, std::size_t window, const EntrySink& sink, const NoteSink& notes)
      : total_(total), slots_(window), progress_(total), sink_(sink), notes_(notes) {}

  // The next item to lint, once it is inside the window; nullopt when every item is taken.
  std::optional<std::size_t> claim() {
    std::unique_lock<std::mutex> lock(mutex_);
    window_open_.wait(lock, [this] { return next_claim_ == total_ || inside_window(); });
    if (next_claim_ == total_) return std::nullopt;
    return next_claim_++;
  }

  // The next item if it is inside the window now; nullopt otherwise (or when none is left).
  std::optional<std::size_t> try_claim() {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (next_claim_ == total_ || !inside_window()) return std::nullopt;
    return next_claim_++;
  }

  void complete(std::size_t index, ItemOutput output) {
    std::unique_lock<std::mutex> lock(mutex_);
    slots_[index % slots_.size()] = std::move(output);
    progress_.step();
    // The bar is not drawn while entries are written, which may go to the same terminal.
    if (emitting_) return;
    progress_.draw();
    emitting_ = true;
    for (std::vector<ItemOutput> ready = take_ready(); !ready.empty(); ready = take_ready()) {
      progress_.clear();
      lock.unlock();
      emit(ready);
      ready.clear();
      lock.lock();
    }
    emitting_ = false;
    window_open_.notify_all();  // wait_until_written may be waiting for this
    progress_.draw();
  }

  // Returns once every item is written and freed.
  void wait_until_written() {
    std::unique_lock<std::mutex> lock(mutex_);
    window_open_.wait(lock, [this] { return next_emit_ == total_ && !emitting_; });
  }

 private:
  bool inside_window() const { return next_claim_ < next_emit_ + slots_.size(); }

  // Moves the completed items from next_emit_ on out of their slots, in order, and opens
  // the window past them. Called with mutex_ held.
  std::vector<ItemOutput> take_ready() {
    std::vector<ItemOutput> ready;
    while (next_emit_ < total_) {
      std::optional<ItemOutput>& slot = slots_[next_emit_ % slots_.size()];
      if (!slot) break;
      ready.push_back(std::move(*slot));
      slot.reset();
      ++next_emit_;
    }
    if (!ready.empty()) window_open_.notify_all();
    return ready;
  }

  void emit(const std::vector<ItemOutput>& ready) const {
    for (const ItemOutput& output : ready) {
      for (const std::string& note : output.notes) notes_(note);
      for (const saml::LintEntry& entry : output.entries) sink_(entry);
    }
  }

  std::mutex mutex_;
  std::condition_variable window_open_;
  std::size_t total_;
  std::size_t next_claim_ = 0;
  std::size_t next_emit_ = 0;
  bool emitting_ = false;
  // Item i waits in slot i % window: claims stay inside the window, so slots never collide.
  std::vector<std::optional<ItemOutput>> slots_;
  Progress progress_;
  const EntrySink& sink_;
  const NoteSink& notes_;
};

}  // namespace

void lint_all(const std::vector<WorkItem>& items, const cli::InputSelection& selection,
              const saml::TrustStore& trust, const saml::LintOptions& options,
              const saml::LintConfig& config, unsigned jobs, const EntrySink& sink,
              const NoteSink& notes) {
  const std::size_t threads = std::max<std::size_t>(1, std::min<std::size_t>(jobs, items.size()));
  OrderedBatch batch(items.size(), kAheadPerThread * threads, sink, notes);
  const auto work = [&](const saml::TrustStore& keys) {
    MessageBatch messages(selection, keys, options, config,
                          [&](std::size_t index, ItemOutput output) { batch.complete(index, std::move(output)); });
    for (;;) {
      std::optional<std::size_t> index = batch.try_claim();
      if (!index) {
        // Before waiting for the window, hand on what this worker holds: the output may be
        // waiting for exactly those items.
        messages.finish();
        index = batch.claim();
        if (!index) break;
      }
      messages.add(*index, items[*index]);
    }
    messages.finish();
  };
  // Each extra thread works in an OpenSSL context of its own with its own copy of the keys:
  // threads sharing one context contend on its locks and reference counts.
  // Its context and keys are freed only once every item is written and freed, whichever
  // thread wrote them: nothing made in this context outlives it.
  const auto own_context_worker = [&] {
    const saml::ThreadCrypto crypto;
    const saml::TrustStore keys = trust.for_this_thread();
    work(keys);
    batch.wait_until_written();
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(own_context_worker);
  work(trust);
  for (std::thread& thread : pool) thread.join();
}

}  // namespace samlkit::lint_tool
