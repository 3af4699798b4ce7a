#include "message_batch.h"

#include <utility>

namespace samlkit::lint_tool {
namespace {

saml::LintEntry error_entry(const WorkItem& item, saml::Error error) {
  saml::LintEntry entry;
  entry.source = item.source;
  entry.source_line = item.line;
  entry.error = std::move(error);
  return entry;
}

}  // namespace

MessageBatch::MessageBatch(const cli::InputSelection& selection, const saml::TrustStore& trust,
                           const saml::LintOptions& options, const saml::LintConfig& config, Done done)
    : selection_(selection), trust_(trust), options_(options), config_(config), done_(std::move(done)) {}

void MessageBatch::add(std::size_t index, const WorkItem& item) {
  // A file, or (--lines) the message its line holds.
  const saml::CaptureLimits& limits = options_.policy.capture_limits;
  auto messages = item.line == 0 ? cli::read_captures("saml-lint", item.source, selection_, limits)
                                 : cli::plan_input(item.text, item.source, selection_, limits);
  if (!messages) {
    done_(index, {{error_entry(item, messages.error())}, {}});
    return;
  }
  held_.push_back(std::make_unique<Held>(Held{index, &item, std::move(*messages), {}, 0}));
  Held& held = *held_.back();
  for (const saml::Capture& request : held.messages.listed) {
    held.output.notes.push_back(cli::listed_request_note(request));
  }
  for (const saml::Capture& judged : held.messages.judged) {
    Queued queued{&held, &judged, std::nullopt};
    // A capture that records its time is judged at it (unless --now says otherwise).
    std::optional<saml::Policy> policy;
    if (&cli::policy_for(judged, options_.policy, policy) != &options_.policy) {
      queued.at_capture_time = options_;
      queued.at_capture_time->policy = std::move(*policy);
    }
    queue_.push_back(std::move(queued));
    ++held.unlinted;
    queued_bytes_ += judged.xml.size();
    if (queue_.size() >= kMessages || queued_bytes_ >= kBytes) lint_queue();
  }
  // Not inside the loop: the item being queued must not be handed on before its last message.
  hand_on_finished();
}

void MessageBatch::finish() {
  lint_queue();
  hand_on_finished();
}

void MessageBatch::lint_queue() {
  if (queue_.empty()) return;
  std::vector<saml::LintJob> jobs;
  jobs.reserve(queue_.size());
  for (const Queued& queued : queue_) {
    jobs.push_back({queued.capture, queued.at_capture_time ? &*queued.at_capture_time : &options_});
  }
  std::vector<saml::Expected<saml::LintResult>> results = saml::lint_captures(jobs, trust_);
  for (std::size_t i = 0; i < queue_.size(); ++i) {
    Held& held = *queue_[i].held;
    if (results[i]) saml::apply_lint_config(config_, *results[i]);
    held.output.entries.push_back(
        saml::make_lint_entry(held.item->source, held.item->line, *queue_[i].capture, std::move(results[i])));
    --held.unlinted;
  }
  queue_.clear();
  queued_bytes_ = 0;
}

void MessageBatch::hand_on_finished() {
  std::erase_if(held_, [&](std::unique_ptr<Held>& held) {
    if (held->unlinted != 0) return false;
    done_(held->index, std::move(held->output));
    return true;
  });
}

}  // namespace samlkit::lint_tool
