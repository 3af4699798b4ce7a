// saml-lint's MessageBatch (tools/saml-lint/message_batch.h): messages wait in the queue until
// it holds kMessages of them or kBytes of XML, an item is handed on once all its messages are
// linted (an unreadable one at once), and what is handed on is what lint_capture says of each
// message alone.
#define BOOST_TEST_MODULE message_batch
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "message_batch.h"
#include "saml/capture.h"
#include "saml/report.h"
#include "saml/time.h"
#include "run_tool.h"

namespace {

using samlkit::lint_tool::ItemOutput;
using samlkit::lint_tool::MessageBatch;
using samlkit::lint_tool::WorkItem;

const std::string kFixtures = SAMLKIT_FIXTURES_DIR;

struct Handed {
  std::size_t index;
  ItemOutput output;
};

struct Setup {
  samlkit::cli::InputSelection selection;
  saml::TrustStore trust;
  saml::LintOptions options;
  saml::LintConfig config;
  std::vector<Handed> handed;

  Setup() {
    BOOST_REQUIRE(trust.add_pem_certificates(samltest::slurp(kFixtures + "/keys/idp-rsa.crt"), "idp-rsa.crt"));
    auto now = saml::parse_xs_datetime("2024-05-01T12:01:00Z");
    BOOST_REQUIRE(now);
    options.policy.now = *now;
    options.policy.now_source = saml::TimeSource::Option;
  }

  MessageBatch batch() {
    return MessageBatch(selection, trust, options, config,
                        [this](std::size_t index, ItemOutput output) { handed.push_back({index, std::move(output)}); });
  }

  // The JSON lint_capture's result gives for `item`'s one message.
  std::string alone(const WorkItem& item) const {
    auto captures = saml::decode_capture(item.text, item.source, options.policy.capture_limits);
    BOOST_REQUIRE(captures && captures->size() == 1);
    auto result = saml::lint_capture(captures->front(), trust, options);
    BOOST_REQUIRE(result);
    saml::apply_lint_config(config, *result);
    return saml::lint_to_json({saml::make_lint_entry(item.source, item.line, captures->front(), std::move(result))}, {});
  }
};

// A --lines item: line `line` of "batch.txt" holds `text`.
WorkItem line_item(int line, std::string text) { return {"batch.txt", line, std::move(text)}; }

const std::string& signed_response() {
  static const std::string xml = samltest::slurp(kFixtures + "/responses/okta-aws-signed-assertion.xml");
  return xml;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_full_queue_is_linted_and_its_items_handed_on) {
  Setup setup;
  MessageBatch batch = setup.batch();
  std::vector<WorkItem> items;
  for (std::size_t i = 0; i < MessageBatch::kMessages + 3; ++i) {
    items.push_back(line_item(static_cast<int>(i + 1), signed_response()));
  }
  for (std::size_t i = 0; i + 1 < MessageBatch::kMessages; ++i) batch.add(i, items[i]);
  BOOST_TEST(setup.handed.empty(), "linted before the queue was full");
  batch.add(MessageBatch::kMessages - 1, items[MessageBatch::kMessages - 1]);
  BOOST_REQUIRE_EQUAL(setup.handed.size(), MessageBatch::kMessages);
  for (std::size_t i = MessageBatch::kMessages; i < items.size(); ++i) batch.add(i, items[i]);
  BOOST_TEST(setup.handed.size() == MessageBatch::kMessages);
  batch.finish();
  BOOST_REQUIRE_EQUAL(setup.handed.size(), items.size());
  const std::string expected = setup.alone(items.front());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Handed& handed = setup.handed[i];
    BOOST_TEST(handed.index == i);
    BOOST_REQUIRE_EQUAL(handed.output.entries.size(), 1u);
    BOOST_TEST(handed.output.entries.front().result->accepted);
    saml::LintEntry entry = handed.output.entries.front();
    entry.source_line = items.front().line;  // the one difference from the first item's report
    BOOST_TEST(saml::lint_to_json({entry}, {}) == expected, "item " << i);
  }
}

BOOST_AUTO_TEST_CASE(a_megabyte_of_xml_is_linted_without_waiting_for_more_messages) {
  Setup setup;
  MessageBatch batch = setup.batch();
  // The signed response with a comment after its XML declaration, about 300 KB (larger than AWS takes).
  std::string large = signed_response();
  large.insert(large.find('\n') + 1, "<!--" + std::string(300 * 1024, 'x') + "-->\n");
  const std::size_t needed = (MessageBatch::kBytes + large.size() - 1) / large.size();
  BOOST_REQUIRE(needed < MessageBatch::kMessages);
  std::vector<WorkItem> items;
  for (std::size_t i = 0; i < needed; ++i) items.push_back(line_item(static_cast<int>(i + 1), large));
  for (std::size_t i = 0; i + 1 < needed; ++i) batch.add(i, items[i]);
  BOOST_TEST(setup.handed.empty());
  batch.add(needed - 1, items.back());
  BOOST_REQUIRE_EQUAL(setup.handed.size(), needed);
  const std::string expected = setup.alone(items.front());
  for (const Handed& handed : setup.handed) {
    BOOST_REQUIRE_EQUAL(handed.output.entries.size(), 1u);
    saml::LintEntry entry = handed.output.entries.front();
    BOOST_REQUIRE(entry.result.has_value());
    entry.source_line = items.front().line;
    BOOST_TEST(saml::lint_to_json({entry}, {}) == expected, "item " << handed.index);
  }
}

BOOST_AUTO_TEST_CASE(an_unreadable_item_is_handed_on_at_once_and_the_rest_in_their_order) {
  Setup setup;
  MessageBatch batch = setup.batch();
  const WorkItem good = line_item(1, signed_response());
  const WorkItem bad = line_item(2, "not base64 at all");
  const WorkItem missing{"/nonexistent/samlkit/input.xml", 0, {}};
  batch.add(0, good);
  batch.add(1, bad);
  batch.add(2, missing);
  BOOST_REQUIRE_EQUAL(setup.handed.size(), 2u);
  BOOST_TEST(setup.handed[0].index == 1u);
  BOOST_TEST(setup.handed[1].index == 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    BOOST_REQUIRE_EQUAL(setup.handed[i].output.entries.size(), 1u);
    BOOST_TEST(setup.handed[i].output.entries.front().error.has_value());
  }
  batch.finish();
  BOOST_REQUIRE_EQUAL(setup.handed.size(), 3u);
  BOOST_TEST(setup.handed[2].index == 0u);
  BOOST_TEST(saml::lint_to_json(setup.handed[2].output.entries, {}) == setup.alone(good));
}

// A HAR file's messages are judged at the time each was captured, and the item is handed on
// only after its last message, even when the queue was linted in the middle of it.
BOOST_AUTO_TEST_CASE(an_item_of_many_messages_is_handed_on_after_its_last) {
  Setup setup;
  setup.options.policy.now_source = saml::TimeSource::SystemClock;  // no --now: the capture's time
  MessageBatch batch = setup.batch();
  const std::string har = kFixtures + "/captures/okta-idp-initiated.har";
  const WorkItem first = line_item(1, signed_response());
  const WorkItem capture{har, 0, {}};
  for (std::size_t i = 0; i + 1 < MessageBatch::kMessages; ++i) batch.add(i, first);
  batch.add(MessageBatch::kMessages - 1, capture);  // its first message fills the queue
  BOOST_REQUIRE_EQUAL(setup.handed.size(), MessageBatch::kMessages - 1);
  batch.finish();
  BOOST_REQUIRE_EQUAL(setup.handed.size(), MessageBatch::kMessages);
  const ItemOutput& output = setup.handed.back().output;
  BOOST_TEST(setup.handed.back().index == MessageBatch::kMessages - 1);
  BOOST_REQUIRE_EQUAL(output.entries.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const saml::LintEntry& entry = output.entries[i];
    BOOST_TEST(entry.message == i + 1);
    BOOST_REQUIRE(entry.result.has_value());
    BOOST_TEST(entry.result->accepted, "message " << i + 1);
    BOOST_TEST((entry.result->now_source == saml::TimeSource::Capture), "message " << i + 1);
  }
}
