#include "decode_run.h"

#include <algorithm>
#include <iostream>
#include <iterator>
#include <optional>

#include "cli.h"
#include "saml/capture.h"
#include "saml/decode.h"
#include "saml/report.h"
#include "saml/html_report.h"

namespace samlkit::decode_tool {
namespace {

constexpr const char* kTool = "saml-decode";
constexpr const char* kSchema = "samlkit.decode/2";

struct Decoded {
  std::vector<saml::DecodeView> views;
  std::vector<saml::HtmlMessage> failures;  // for the HTML page: what could not be read
  int exit_code = cli::kExitPass;
};

void report(const std::string& source, const saml::Error& error, int& exit_code) {
  exit_code = std::max(exit_code, cli::fail(kTool, source, error));
}

void report(const std::string& source, const saml::Error& error, Decoded& decoded) {
  report(source, error, decoded.exit_code);
  decoded.failures.push_back({nullptr, source, error, {}});
}

// Every capture of every input, as views; errors are printed and set the exit code.
Decoded decode_inputs(const std::vector<std::string>& inputs, const Request& request,
                      const saml::TrustStore& trust) {
  Decoded decoded;
  for (const std::string& input : inputs) {
    auto messages = cli::read_captures(kTool, input, request.selection, request.policy.capture_limits);
    if (!messages) {
      report(input, messages.error(), decoded);
      continue;
    }
    // saml-decode shows every message, the flow's requests too, in the input's order.
    std::vector<saml::Capture>& captures = messages->judged;
    std::move(messages->listed.begin(), messages->listed.end(), std::back_inserter(captures));
    std::sort(captures.begin(), captures.end(), [](const saml::Capture& a, const saml::Capture& b) {
      return a.origin.message < b.origin.message;
    });
    for (const saml::Capture& capture : captures) {
      std::optional<saml::Policy> storage;
      auto view = saml::decode_view(capture, trust, cli::policy_for(capture, request.policy, storage));
      if (!view) {
        report(saml::describe_origin(capture), view.error(), decoded);
        continue;
      }
      if (request.redact) saml::redact_view(*view);
      decoded.views.push_back(std::move(*view));
    }
  }
  return decoded;
}

// The summary or the XML of one view (text output).
std::string render_text(const saml::DecodeView& view, const Request& request, int& exit_code) {
  if (request.xml) {
    auto xml = saml::pretty_xml(view);
    if (!xml) {
      report(saml::describe_origin(view.capture), xml.error(), exit_code);
      return "";
    }
    return *xml;
  }
  std::optional<saml::Policy> storage;
  const saml::Policy& judged = cli::policy_for(view.capture, request.policy, storage);
  return saml::decode_summary(view, judged.now, saml::TextStyle{request.color}, judged.cert_now);
}

void print_json(const std::vector<const saml::DecodeView*>& shown, const Request& request) {
  saml::JsonReport json(kSchema, request.format == cli::Format::JsonLines ? saml::JsonLayout::Lines
                                                                          : saml::JsonLayout::Document);
  std::cout << json.begin();
  for (const saml::DecodeView* view : shown) {
    std::optional<saml::Policy> storage;
    std::cout << json.message(saml::decode_to_json(*view, cli::policy_for(view->capture, request.policy, storage).now));
  }
  std::cout << json.end();
}

int show(const Request& request, const saml::TrustStore& trust) {
  Decoded decoded = decode_inputs(request.inputs, request, trust);
  std::vector<const saml::DecodeView*> shown;
  for (const saml::DecodeView& view : decoded.views) shown.push_back(&view);
  if (request.format == cli::Format::Html) {
    std::vector<saml::HtmlMessage> messages;
    for (const saml::DecodeView* view : shown) messages.push_back({view, "", std::nullopt, {}});
    if (!request.selection.index) messages.insert(messages.end(), decoded.failures.begin(), decoded.failures.end());
    std::cout << saml::messages_to_html(messages, {"saml-decode report", request.policy.now, request.policy.skew});
    return decoded.exit_code;
  }
  if (request.format != cli::Format::Text) {
    print_json(shown, request);
    return decoded.exit_code;
  }
  if (request.xml && !shown.empty()) {
    std::cerr << kTool << ": note: the XML is re-indented for reading only; the signature is "
                          "computed over the original bytes, so verify those, not this text\n";
  }
  const bool several = shown.size() > 1;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const std::string text = render_text(*shown[i], request, decoded.exit_code);
    if (i > 0) std::cout << "\n";
    // The summary starts with the message's origin; the XML needs a line naming it.
    if (several && request.xml) {
      std::cout << "== " << saml::describe_origin(shown[i]->capture) << "\n";
    }
    std::cout << text;
  }
  return decoded.exit_code;
}

// One side of --diff: the --index message, else the first (saying so when there are more).
const saml::DecodeView* diff_side(const Decoded& decoded, const Request& request, const std::string& input) {
  if (decoded.views.empty()) return nullptr;
  if (!request.selection.index && decoded.views.size() > 1) {
    std::cerr << kTool << ": note: " << input << " holds " << decoded.views.size()
              << " messages; comparing the first (choose with --index N)\n";
  }
  return &decoded.views.front();
}

int diff(const Request& request, const saml::TrustStore& trust) {
  const Decoded before = decode_inputs({request.inputs[0]}, request, trust);
  const Decoded after = decode_inputs({request.inputs[1]}, request, trust);
  const int decode_exit = std::max(before.exit_code, after.exit_code);
  const saml::DecodeView* a = diff_side(before, request, request.inputs[0]);
  const saml::DecodeView* b = diff_side(after, request, request.inputs[1]);
  if (a == nullptr || b == nullptr) return decode_exit != cli::kExitPass ? decode_exit : cli::kExitUsage;
  const std::vector<saml::Change> changes = saml::diff_views(*a, *b);
  if (request.format != cli::Format::Text) {
    std::cout << saml::diff_to_json(changes);
  } else {
    std::cout << "--- " << saml::describe_origin(a->capture) << "\n+++ "
              << saml::describe_origin(b->capture) << "\n"
              << saml::diff_to_text(changes, saml::TextStyle{request.color});
  }
  return decode_exit;
}

}  // namespace

int run(const Request& request, const saml::TrustStore& trust) {
  return request.diff ? diff(request, trust) : show(request, trust);
}

}  // namespace samlkit::decode_tool
