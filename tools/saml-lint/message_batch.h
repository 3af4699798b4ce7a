// One worker's share of saml-lint's items, linted a batch of messages at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli.h"
#include "inputs.h"
#include "saml/lint.h"
#include "saml/trust.h"

namespace samlkit::lint_tool {

// What one item gives: its entries, and the notes on what was only listed.
struct ItemOutput {
  std::vector<saml::LintEntry> entries;
  std::vector<std::string> notes;
};

// Reads items and queues their messages; when the queue holds kMessages messages or kBytes of
// XML it lints them together with saml::lint_captures, stage by stage (docs/performance.md,
// "Stages over a batch"). An item is handed to `done` once each of its messages is linted,
// its entries in the order of its messages; items may finish out of input order.
class MessageBatch {
 public:
  using Done = std::function<void(std::size_t index, ItemOutput output)>;

  static constexpr std::size_t kMessages = 16;
  static constexpr std::size_t kBytes = std::size_t{1} << 20;

  MessageBatch(const cli::InputSelection& selection, const saml::TrustStore& trust,
               const saml::LintOptions& options, const saml::LintConfig& config, Done done);

  // Reads item `index` and queues its messages, linting the queue whenever it is full.
  void add(std::size_t index, const WorkItem& item);
  // Lints what is queued and hands on every item held.
  void finish();

 private:
  // An item read, until each of its messages is linted.
  struct Held {
    std::size_t index = 0;
    const WorkItem* item = nullptr;
    cli::InputMessages messages;
    ItemOutput output;
    std::size_t unlinted = 0;
  };
  // A message waiting for the next lint_captures.
  struct Queued {
    Held* held = nullptr;
    const saml::Capture* capture = nullptr;
    // Set when the capture records its time and is judged at it (cli::policy_for).
    std::optional<saml::LintOptions> at_capture_time;
  };

  void lint_queue();
  void hand_on_finished();

  const cli::InputSelection& selection_;
  const saml::TrustStore& trust_;
  const saml::LintOptions& options_;
  const saml::LintConfig& config_;
  Done done_;
  std::vector<std::unique_ptr<Held>> held_;  // stable addresses: the queue points into them
  std::vector<Queued> queue_;
  std::size_t queued_bytes_ = 0;
};

}  // namespace samlkit::lint_tool
