// The JUnit report: JUnit XML as Jenkins and GitLab read it. A testsuite per message, a
// testcase per enabled rule: a failure for findings at or above --fail-on, skipped when the
// rule does not apply, passed otherwise (findings below --fail-on go to system-out).
// Written with libxml2's xmlTextWriter, which escapes text and attributes; one writer for
// the document hands out what it buffered after each testsuite.
#include <libxml/xmlwriter.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "report/lint/report_common.h"
#include "report/lint/report_writers.h"
#include "saml/lint.h"
#include "saml/report.h"

namespace saml {
namespace {

struct BufferDeleter {
  void operator()(xmlBuffer* buffer) const { xmlBufferFree(buffer); }
};
struct WriterDeleter {
  void operator()(xmlTextWriter* writer) const { xmlFreeTextWriter(writer); }
};

const xmlChar* x(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

// Bytes XML 1.0 cannot carry (C0 controls other than tab, LF, CR) become '?'.
std::string xml_safe(std::string text) {
  for (char& c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') c = '?';
  }
  return text;
}

class Writer {
 public:
  explicit Writer(xmlTextWriter* writer) : writer_(writer) {}
  void start(const char* name) { xmlTextWriterStartElement(writer_, x(name)); }
  void end() { xmlTextWriterEndElement(writer_); }
  void attribute(const char* name, const std::string& value) {
    xmlTextWriterWriteAttribute(writer_, x(name), x(xml_safe(value).c_str()));
  }
  void text(const std::string& value) { xmlTextWriterWriteString(writer_, x(xml_safe(value).c_str())); }

 private:
  xmlTextWriter* writer_;
};

std::string finding_line(const Finding& finding) {
  std::string text = "[" + finding.rule_id + "] " + severity_name(finding.severity);
  if (const std::string where = location_text(finding.where); !where.empty()) text += " at " + where;
  return text + ": " + finding.message + "\n";
}

void write_rule_case(Writer& out, const Rule& rule, const LintEntry& entry,
                     const LintConfig& config) {
  const LintResult& result = *entry.result;
  std::string failing;
  std::string below;
  for (const Finding& finding : result.findings) {
    if (finding.rule_id != rule.id) continue;
    (finding_fails(config, finding) ? failing : below) += finding_line(finding);
  }
  out.start("testcase");
  out.attribute("classname", "saml-lint." + lint::source_label(entry));
  out.attribute("name", std::string(rule.id) + " " + std::string(rule.title));
  const bool not_applicable =
      std::find(result.not_applicable.begin(), result.not_applicable.end(), rule.id) !=
      result.not_applicable.end();
  if (!failing.empty()) {
    out.start("failure");
    out.attribute("type", severity_name(config.severity_of(rule)));
    out.attribute("message", std::string(rule.title));
    out.text(failing + "fix: " + std::string(rule.fix) + "\n");
    out.end();
  } else if (not_applicable) {
    out.start("skipped");
    out.attribute("message", "does not apply to this message (profile " +
                                 std::string(profile_name(result.profile)) + ")");
    out.end();
  }
  if (!below.empty()) {
    out.start("system-out");
    out.text(below);
    out.end();
  }
  out.end();
}

void write_property(Writer& out, const std::string& name, const std::string& value) {
  out.start("property");
  out.attribute("name", name);
  out.attribute("value", value);
  out.end();
}

void write_suite(Writer& out, const LintEntry& entry, const std::vector<const Rule*>& rules,
                 const LintReportOptions& options) {
  const LintConfig& config = options.config;
  out.start("testsuite");
  out.attribute("name", lint::source_label(entry));
  if (!entry.result) {
    out.attribute("tests", "1");
    out.attribute("failures", "0");
    out.attribute("errors", "1");
    out.attribute("skipped", "0");
    out.start("testcase");
    out.attribute("classname", "saml-lint." + lint::source_label(entry));
    out.attribute("name", "read input");
    out.start("error");
    out.attribute("message", entry.error ? entry.error->message : "unreadable");
    out.end();
    out.end();
    out.end();
    return;
  }
  std::size_t failures = 0;
  std::size_t skipped = 0;
  for (const Rule* rule : rules) {
    const auto& findings = entry.result->findings;
    const bool fails = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
      return f.rule_id == rule->id && finding_fails(config, f);
    });
    const auto& na = entry.result->not_applicable;
    if (fails) {
      ++failures;
    } else if (std::find(na.begin(), na.end(), rule->id) != na.end()) {
      ++skipped;
    }
  }
  out.attribute("tests", std::to_string(rules.size()));
  out.attribute("failures", std::to_string(failures));
  out.attribute("errors", "0");
  out.attribute("skipped", std::to_string(skipped));
  out.start("properties");
  write_property(out, "profile", profile_name(entry.result->profile));
  // Which time judged what: the conditions (a capture's own time, --now or the clock) and
  // the certificates.
  write_property(out, "now", format_xs_datetime(entry.result->now));
  write_property(out, "now_source", time_source_name(entry.result->now_source));
  write_property(out, "cert_now", options.cert_now);
  write_property(out, "cert_now_source", time_source_name(options.cert_now_source));
  out.end();
  for (const Rule* rule : rules) write_rule_case(out, *rule, entry, config);
  out.end();
}

class JunitWriter final : public LintReportWriter {
 public:
  explicit JunitWriter(const LintReportOptions& options)
      : options_(options),
        rules_(lint::enabled_rules(options_.config)),
        buffer_(xmlBufferCreate()),
        writer_(buffer_ ? xmlNewTextWriterMemory(buffer_.get(), 0) : nullptr),
        out_(writer_.get()) {}

  std::string begin() override {
    if (!writer_) return {};
    xmlTextWriterSetIndent(writer_.get(), 1);
    xmlTextWriterSetIndentString(writer_.get(), x("  "));
    xmlTextWriterStartDocument(writer_.get(), nullptr, "UTF-8", nullptr);
    out_.start("testsuites");
    out_.attribute("name", "saml-lint");
    return take();
  }

  std::string entry(const LintEntry& entry) override {
    if (!writer_) return {};
    write_suite(out_, entry, rules_, options_);
    return take();
  }

  std::string end() override {
    if (!writer_) return {};
    out_.end();
    xmlTextWriterEndDocument(writer_.get());
    return take();
  }

 private:
  // What the writer has produced since the last call.
  std::string take() {
    xmlTextWriterFlush(writer_.get());
    std::string text(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                     static_cast<std::size_t>(xmlBufferLength(buffer_.get())));
    xmlBufferEmpty(buffer_.get());
    return text;
  }

  LintReportOptions options_;
  std::vector<const Rule*> rules_;
  std::unique_ptr<xmlBuffer, BufferDeleter> buffer_;
  std::unique_ptr<xmlTextWriter, WriterDeleter> writer_;  // writes into buffer_
  Writer out_;
};

}  // namespace

namespace lint {

std::unique_ptr<LintReportWriter> make_junit_writer(const LintReportOptions& options) {
  return std::make_unique<JunitWriter>(options);
}

}  // namespace lint
}  // namespace saml
