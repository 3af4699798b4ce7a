#define BOOST_TEST_MODULE xml
#include <boost/test/unit_test.hpp>

#include <libxml/globals.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "saml/xml.h"
#include "saml_support.h"

namespace {

using samltest::why;

const std::string kResponse =
    "<?xml version=\"1.0\"?>\n"
    "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"\n"
    "    xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"r1\" Version=\"2.0\">\n"
    "  <saml:Issuer>https://idp.example.com</saml:Issuer>\n"
    "  <saml:Assertion ID=\"a1\">\n"
    "    <saml:Subject>\n"
    "      <saml:NameID Format=\"f\" saml:Format=\"namespaced\">"
    "alice<!-- x -->@example.com</saml:NameID>\n"
    "    </saml:Subject>\n"
    "    <saml:AttributeStatement>\n"
    "      <saml:Attribute Name=\"Role\">"
    "<saml:AttributeValue>r1</saml:AttributeValue></saml:Attribute>\n"
    "      <saml:Attribute Name=\"RoleSessionName\"/>\n"
    "      <saml:Attribute Name=\"Other\"/>\n"
    "    </saml:AttributeStatement>\n"
    "  </saml:Assertion>\n"
    "</samlp:Response>\n";

std::string nested(int depth) {
  std::string xml;
  for (int i = 0; i < depth; ++i) {
    xml += "<e>";
  }
  for (int i = 0; i < depth; ++i) {
    xml += "</e>";
  }
  return xml;
}

const xmlNode* child(const xmlNode* parent, std::string_view ns, std::string_view name) {
  const xmlNode* node = saml::first_child(parent, ns, name);
  BOOST_TEST_REQUIRE(node != nullptr, "missing child " << name);
  return node;
}


int generic_calls = 0;
int structured_calls = 0;
void count_generic(void* /*context*/, const char* /*format*/, ...) { ++generic_calls; }
void count_structured(void* /*context*/, xmlError* /*error*/) { ++structured_calls; }

}  // namespace

BOOST_AUTO_TEST_CASE(parses_and_navigates_a_response) {
  auto doc = saml::parse_xml(kResponse);
  BOOST_TEST_REQUIRE(doc.has_value(), "valid response refused: " << why(doc));
  const xmlNode* root = doc->root();
  BOOST_TEST(saml::is_element(root, saml::ns::protocol, "Response"));
  BOOST_TEST(!saml::is_element(root, saml::ns::assertion, "Response"), "namespace must matter");
  BOOST_TEST(!saml::is_element(root, "", "Response"), "no-namespace must not match");

  const xmlNode* assertion = child(root, saml::ns::assertion, "Assertion");
  const xmlNode* statement = child(assertion, saml::ns::assertion, "AttributeStatement");
  BOOST_TEST(saml::count_children(statement, saml::ns::assertion, "Attribute") == 3u);
  BOOST_TEST(saml::count_children(statement, saml::ns::protocol, "Attribute") == 0u);
  const xmlNode* first = child(statement, saml::ns::assertion, "Attribute");
  const xmlNode* second = saml::next_sibling(first, saml::ns::assertion, "Attribute");
  BOOST_TEST_REQUIRE(second != nullptr);
  BOOST_TEST(saml::attribute(second, "Name") == "RoleSessionName");
  const xmlNode* third = saml::next_sibling(second, saml::ns::assertion, "Attribute");
  BOOST_TEST_REQUIRE(third != nullptr);
  BOOST_TEST(saml::next_sibling(third, saml::ns::assertion, "Attribute") == nullptr);
  BOOST_TEST(saml::first_child(root, saml::ns::assertion, "Missing") == nullptr);
  BOOST_TEST(saml::first_child(nullptr, saml::ns::assertion, "Assertion") == nullptr);
}

// Names and namespace URIs match whole: not a prefix of the expected one, not one that
// starts with it, whatever byte they first differ in.
BOOST_AUTO_TEST_CASE(names_and_namespaces_match_whole) {
  auto doc = saml::parse_xml(
      "<r xmlns='urn:x'>"
      "<Assertion xmlns='urn:oasis:names:tc:SAML:2.0:assertio'/>"
      "<Assertion xmlns='urn:oasis:names:tc:SAML:2.0:assertionX'/>"
      "<AssertionX xmlns='urn:oasis:names:tc:SAML:2.0:assertion'/>"
      "<Assertio xmlns='urn:oasis:names:tc:SAML:2.0:assertion'/>"
      "<Assertion xmlns='urn:oasis:names:tc:SAML:2.0:assertion' IDX='1' I='2'/>"
      "</r>");
  BOOST_TEST_REQUIRE(doc.has_value(), why(doc));
  const xmlNode* root = doc->root();
  BOOST_TEST(saml::count_children(root, saml::ns::assertion, "Assertion") == 1u);
  const xmlNode* assertion = saml::first_child(root, saml::ns::assertion, "Assertion");
  BOOST_TEST_REQUIRE(assertion != nullptr);
  BOOST_TEST(assertion->next == nullptr, "the match is the last child");
  BOOST_TEST(saml::is_element(root, "urn:x", "r"));
  BOOST_TEST(!saml::is_element(root, "urn:x", ""));
  BOOST_TEST(!saml::is_element(root, "urn:", "r"));
  BOOST_TEST(!saml::has_attribute(assertion, "ID"));
  BOOST_TEST(!saml::has_attribute(assertion, "IDXY"));
  BOOST_TEST(saml::attribute(assertion, "I") == "2");
  BOOST_TEST(saml::attribute(assertion, "IDX") == "1");
}

BOOST_AUTO_TEST_CASE(attributes_without_namespace_only) {
  auto doc = saml::parse_xml(kResponse);
  BOOST_TEST_REQUIRE(doc.has_value());
  const xmlNode* name_id =
      child(child(child(doc->root(), saml::ns::assertion, "Assertion"), saml::ns::assertion,
                  "Subject"),
            saml::ns::assertion, "NameID");
  BOOST_TEST(saml::has_attribute(name_id, "Format"));
  BOOST_TEST(saml::attribute(name_id, "Format") == "f", "namespaced saml:Format must not be read");
  BOOST_TEST(!saml::has_attribute(name_id, "SPNameQualifier"));
  BOOST_TEST(saml::attribute(name_id, "SPNameQualifier").empty());

  auto escaped = saml::parse_xml("<a v=\"x&amp;y&#65;&lt;\"/>");
  BOOST_TEST_REQUIRE(escaped.has_value());
  BOOST_TEST(saml::attribute(escaped->root(), "v") == "x&yA<", "predefined and char refs");
}

BOOST_AUTO_TEST_CASE(optional_attribute_tells_absent_from_empty) {
  auto doc = saml::parse_xml(R"(<a xmlns:p="urn:p" empty="" v="x&amp;y" p:ns="n"/>)");
  BOOST_TEST_REQUIRE(doc.has_value());
  const xmlNode* root = doc->root();
  const std::optional<std::string> empty = saml::optional_attribute(root, "empty");
  BOOST_TEST_REQUIRE(empty.has_value());
  BOOST_TEST(empty->empty());
  const std::optional<std::string> value = saml::optional_attribute(root, "v");
  BOOST_TEST_REQUIRE(value.has_value());
  BOOST_TEST(*value == "x&y");
  BOOST_TEST(!saml::optional_attribute(root, "missing").has_value());
  BOOST_TEST(!saml::optional_attribute(root, "ns").has_value(), "a namespaced attribute is not read");
  BOOST_TEST(!saml::optional_attribute(nullptr, "v").has_value());
}

// The in-place readers the model fills its fields with: the same values as attribute()
// and text_content(), an absent attribute leaving the field alone, old text replaced.
BOOST_AUTO_TEST_CASE(attribute_into_and_text_content_into_fill_in_place) {
  auto doc = saml::parse_xml(R"(<a xmlns:p="urn:p" empty="" v="x&amp;y" p:ns="n">t<!--c-->u<![CDATA[<v>]]></a>)");
  BOOST_TEST_REQUIRE(doc.has_value());
  const xmlNode* root = doc->root();
  std::string value = "old";
  BOOST_TEST(saml::attribute_into(root, "v", value));
  BOOST_TEST(value == "x&y");
  BOOST_TEST(saml::attribute_into(root, "empty", value), "present but empty");
  BOOST_TEST(value.empty());
  value = "kept";
  BOOST_TEST(!saml::attribute_into(root, "missing", value));
  BOOST_TEST(!saml::attribute_into(root, "ns", value), "a namespaced attribute is not read");
  BOOST_TEST(!saml::attribute_into(nullptr, "v", value));
  BOOST_TEST(value == "kept", "an absent attribute leaves the value as it was");

  std::string text = "previous text";
  saml::text_content_into(root, text);
  BOOST_TEST(text == "tu<v>");
  BOOST_TEST(text == saml::text_content(root));
  saml::text_content_into(nullptr, text);
  BOOST_TEST(text.empty(), "no element: no text");
}

BOOST_AUTO_TEST_CASE(text_content_skips_comments_and_pis) {
  auto doc = saml::parse_xml(kResponse);
  BOOST_TEST_REQUIRE(doc.has_value());
  const xmlNode* name_id =
      child(child(child(doc->root(), saml::ns::assertion, "Assertion"), saml::ns::assertion,
                  "Subject"),
            saml::ns::assertion, "NameID");
  BOOST_TEST(saml::text_content(name_id) == "alice@example.com", "comment injection in NameID");

  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<a>a<!---->b</a>", "ab"},
      {"<a>x<?pi data?>y</a>", "xy"},
      {"<a>1<![CDATA[<2>]]>3</a>", "1<2>3"},
      {"<a>p<b>inner</b>q</a>", "pq"},
      {"<a>&amp;&#x41;</a>", "&A"},
      {"<a/>", ""},
  };
  for (const auto& [xml, expected] : cases) {
    auto parsed = saml::parse_xml(xml);
    BOOST_TEST_REQUIRE(parsed.has_value(), xml);
    BOOST_TEST(saml::text_content(parsed->root()) == expected, "text_content of " << xml);
  }
  BOOST_TEST(saml::text_content(nullptr).empty());
}

BOOST_AUTO_TEST_CASE(location_gives_line_and_local_name_path) {
  auto doc = saml::parse_xml(kResponse);
  BOOST_TEST_REQUIRE(doc.has_value());
  const xmlNode* name_id =
      child(child(child(doc->root(), saml::ns::assertion, "Assertion"), saml::ns::assertion,
                  "Subject"),
            saml::ns::assertion, "NameID");
  const saml::Location where = saml::location_of(name_id, "Format");
  BOOST_TEST(where.line == 7);
  BOOST_TEST(where.element == "/Response/Assertion/Subject/NameID");
  BOOST_TEST(where.attribute == "Format");
  BOOST_TEST(where.offset == -1);
  const saml::Location root = saml::location_of(doc->root());
  BOOST_TEST(root.line == 3, "libxml2 gives the line where the start tag ends");
  BOOST_TEST(root.element == "/Response");
  BOOST_TEST(root.attribute.empty());
  BOOST_TEST(saml::location_of(nullptr).empty());
}

BOOST_AUTO_TEST_CASE(location_lines_beyond_65535) {
  const std::string xml = "<a>" + std::string(70000, '\n') + "<b>x</b></a>";
  auto doc = saml::parse_xml(xml, {.max_bytes = 100000});
  BOOST_TEST_REQUIRE(doc.has_value(), why(doc));
  const xmlNode* b = saml::first_child(doc->root(), "", "b");
  BOOST_TEST_REQUIRE(b != nullptr);
  BOOST_TEST(saml::location_of(b).line == 70001);
}

// Columns count UTF-16 code units from the line's start (as SARIF does): one per ASCII
// byte, none for UTF-8 continuation bytes, two for a character beyond U+FFFF.
BOOST_AUTO_TEST_CASE(element_columns_in_utf16_code_units) {
  const auto column_of_c = [](const std::string& xml) {
    auto doc = saml::parse_xml(xml);
    BOOST_TEST_REQUIRE(doc.has_value(), why(doc));
    const xmlNode* c = saml::first_child(doc->root(), "", "c");
    BOOST_TEST_REQUIRE(c != nullptr);
    return saml::location_of(c).column;
  };
  BOOST_TEST(column_of_c("<a>\n  <b>xyz</b><c/></a>") == 13);
  BOOST_TEST(column_of_c("<a>\n  <b>\xc3\xa9\xf0\x9f\x98\x80</b><c/></a>") == 13);  // e-acute, U+1F600
  BOOST_TEST(column_of_c("<a>\n\t<b>\xc3\xa9</b>\n<c/></a>") == 1);
  BOOST_TEST(column_of_c("<a><b>x</b><c/></a>") == 12);
  auto doc = saml::parse_xml("<a>\n  <b>\xc3\xa9</b>\n  <c/></a>");
  BOOST_TEST_REQUIRE(doc.has_value(), why(doc));
  BOOST_TEST(saml::location_of(doc->root()).column == 1);
  BOOST_TEST(saml::location_of(saml::first_child(doc->root(), "", "c")).column == 3);
}

// Columns are worked out when asked for, from the text the Document keeps: counted directly
// near a line start, through an index of 4 KB blocks on a line longer than 16 KB. Lines of
// non-ASCII text over several blocks, with and without earlier lines, and a moved Document.
BOOST_AUTO_TEST_CASE(element_columns_on_long_lines) {
  // Each item is 16 bytes of UTF-8 and 13 UTF-16 code units.
  const std::string item = "<b>x\xc3\xa9\xf0\x9f\x98\x80yz</b>";  // x, e-acute (1 unit), U+1F600 (2), y, z
  const int units_per_item = 3 + 6 + 4;  // <b>, x e-acute U+1F600 y z, </b>
  // "<a>", 2000 items with a line break before item `break_before` (none: -1), "<c/></a>".
  const auto column_of_c = [&](int break_before) {
    std::string xml = "<a>";
    for (int i = 0; i < 2000; ++i) xml += (i == break_before ? "\n" : "") + item;
    xml += "<c/></a>";
    auto parsed = saml::parse_xml(xml);
    BOOST_TEST_REQUIRE(parsed.has_value(), why(parsed));
    const saml::Document doc = std::move(*parsed);
    const xmlNode* c = saml::first_child(doc.root(), "", "c");
    BOOST_TEST_REQUIRE(c != nullptr);
    return saml::location_of(c).column;
  };
  BOOST_TEST(column_of_c(-1) == 1 + 3 + 2000 * units_per_item);   // 32 KB on line 1
  BOOST_TEST(column_of_c(100) == 1 + 1900 * units_per_item);      // 30 KB on line 2
  BOOST_TEST(column_of_c(1500) == 1 + 500 * units_per_item);      // 8 KB on line 2
}

BOOST_AUTO_TEST_CASE(syntax_errors_name_line_and_column) {
  auto result = saml::parse_xml("<a>\n  <b>\n  </c>\n</a>");
  BOOST_TEST_REQUIRE(!result.has_value(), "mismatched tags accepted");
  BOOST_TEST(result.error().code == saml::ErrorCode::XmlSyntax);
  BOOST_TEST(static_cast<int>(result.error().kind) == static_cast<int>(saml::ErrorKind::Decode));
  BOOST_TEST(result.error().where.line == 3);
  BOOST_TEST(result.error().message.rfind("line 3, column ", 0) == 0, result.error().message);
  BOOST_TEST(result.error().message.find("mismatch") != std::string::npos, result.error().message);
  BOOST_TEST(result.error().message.find('\n') == std::string::npos, "one-line message");

  const std::vector<std::string> bad = {
      "",
      "not xml",
      "<a>",
      "<a/><b/>",
      "<a>&undefined;</a>",
      "<x:a/>",
      "<a xmlns:s='urn:x'><t:b/></a>",
      "<a>\xc3\x28</a>",
      "<?xml version=\"1.0\" encoding=\"no-such-encoding\"?><a/>",
  };
  for (const std::string& xml : bad) {
    auto parsed = saml::parse_xml(xml);
    BOOST_TEST_REQUIRE(!parsed.has_value(), "accepted: " << xml);
    BOOST_TEST(parsed.error().code == saml::ErrorCode::XmlSyntax, "code for " << xml);
  }
  auto undefined = saml::parse_xml("<a>\n&undefined;</a>");
  BOOST_TEST_REQUIRE(!undefined.has_value());
  BOOST_TEST(undefined.error().message.find("Entity 'undefined' not defined") != std::string::npos,
             undefined.error().message);
  BOOST_TEST(undefined.error().where.line == 2);
}

BOOST_AUTO_TEST_CASE(size_is_checked_before_parsing) {
  auto result = saml::parse_xml("<a>0123456789</a>", {.max_bytes = 10});
  BOOST_TEST_REQUIRE(!result.has_value());
  BOOST_TEST(result.error().code == saml::ErrorCode::XmlSize);
  BOOST_TEST(static_cast<int>(result.error().kind) == static_cast<int>(saml::ErrorKind::Limit));
  BOOST_TEST(result.error().message.find("17 bytes") != std::string::npos, result.error().message);
  BOOST_TEST(saml::parse_xml("<a>01234</a>", {.max_bytes = 12}).has_value(), "exactly at limit");
}

BOOST_AUTO_TEST_CASE(any_doctype_is_refused) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<!DOCTYPE a><a/>", "a"},
      {"<!DOCTYPE r [<!ENTITY e \"text\">]><r>&e;</r>", "r"},
      {"<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><x>&xxe;</x>", "x"},
      {"<!DOCTYPE y SYSTEM \"http://127.0.0.1:1/evil.dtd\"><y/>", "y"},
      {"<!DOCTYPE z PUBLIC \"-//X//Y\" \"file:///etc/passwd\"><z/>", "z"},
      {"<!DOCTYPE p [<!ENTITY % pe SYSTEM \"file:///etc/passwd\"> %pe;]><p/>", "p"},
  };
  for (const auto& [xml, name] : cases) {
    auto result = saml::parse_xml(xml);
    BOOST_TEST_REQUIRE(!result.has_value(), "DOCTYPE accepted: " << xml);
    BOOST_TEST(result.error().code == saml::ErrorCode::XmlDoctype, "code for " << xml);
    BOOST_TEST(result.error().message.find("<!DOCTYPE " + name + ">") != std::string::npos,
               result.error().message);
    BOOST_TEST(result.error().message.find("root:") == std::string::npos, "file content leaked");
    BOOST_TEST(result.error().where.line == 1, "line for " << xml);
  }
  auto later =
      saml::parse_xml("<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE Response>\n<Response/>");
  BOOST_TEST_REQUIRE(!later.has_value());
  BOOST_TEST(later.error().code == saml::ErrorCode::XmlDoctype);
  BOOST_TEST(later.error().where.line == 3);
  BOOST_TEST(later.error().message.find("line 3") != std::string::npos, later.error().message);
}

BOOST_AUTO_TEST_CASE(billion_laughs_is_refused_fast) {
  std::string xml = "<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    xml += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) {
      xml += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
    }
    xml += "\">\n";
  }
  xml += "]>\n<lolz>&lol9;</lolz>";
  const auto start = std::chrono::steady_clock::now();
  auto result = saml::parse_xml(xml);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  BOOST_TEST_REQUIRE(!result.has_value());
  BOOST_TEST(result.error().code == saml::ErrorCode::XmlDoctype);
  BOOST_TEST(elapsed < std::chrono::milliseconds(500), "refusal took too long");
}

BOOST_AUTO_TEST_CASE(depth_limit) {
  BOOST_TEST(saml::parse_xml(nested(5), {.max_depth = 5}).has_value(), "depth 5 within limit 5");
  auto result = saml::parse_xml(nested(6), {.max_depth = 5});
  BOOST_TEST_REQUIRE(!result.has_value(), "depth 6 accepted with limit 5");
  BOOST_TEST(result.error().code == saml::ErrorCode::XmlDepth);
  BOOST_TEST(static_cast<int>(result.error().kind) == static_cast<int>(saml::ErrorKind::Limit));
  BOOST_TEST(result.error().where.element == "/e/e/e/e/e/e");
  BOOST_TEST(result.error().where.line == 1);
  BOOST_TEST(result.error().message.find("/e/e/e/e/e/e") != std::string::npos,
             result.error().message);

  auto deep_default = saml::parse_xml(nested(65));
  BOOST_TEST_REQUIRE(!deep_default.has_value(), "default limit 64");
  BOOST_TEST(deep_default.error().code == saml::ErrorCode::XmlDepth);
}

BOOST_AUTO_TEST_CASE(node_limit) {
  // A top-level comment, <a>, 4 x (<b> + its text) and the newline text: 11 nodes.
  const std::string xml = "<!--c--><a><b>1</b><b>2</b><b>3</b>\n<b>4</b></a>";
  BOOST_TEST(saml::parse_xml(xml, {.max_nodes = 11}).has_value(), "11 nodes within limit");
  auto result = saml::parse_xml(xml, {.max_nodes = 10});
  BOOST_TEST_REQUIRE(!result.has_value(), "11 nodes accepted with limit 10");
  BOOST_TEST(result.error().code == saml::ErrorCode::XmlNodes);
  BOOST_TEST(result.error().where.line == 2);
  BOOST_TEST(result.error().where.element == "/a/b");
}

BOOST_AUTO_TEST_CASE(attribute_limit) {
  BOOST_TEST(saml::parse_xml("<a><b x='1' y='2' xmlns:p='urn:p'/></a>", {.max_attributes = 3})
                 .has_value());
  auto result =
      saml::parse_xml("<a>\n<b x='1' y='2' z='3' xmlns:p='urn:p'/></a>", {.max_attributes = 3});
  BOOST_TEST_REQUIRE(!result.has_value());
  BOOST_TEST(result.error().code == saml::ErrorCode::XmlAttributes);
  BOOST_TEST(result.error().where.element == "/a/b");
  BOOST_TEST(result.error().where.line == 2);
  BOOST_TEST(result.error().message.find("4 attributes") != std::string::npos,
             result.error().message);
}

BOOST_AUTO_TEST_CASE(nothing_reaches_the_global_error_handlers) {
  xmlSetGenericErrorFunc(nullptr, count_generic);
  xmlSetStructuredErrorFunc(nullptr, count_structured);
  std::fflush(stderr);
  const int saved_stderr = dup(2);
  std::FILE* capture = std::tmpfile();
  BOOST_TEST_REQUIRE(capture != nullptr);
  dup2(fileno(capture), 2);

  const std::vector<std::string> bad = {
      "<a><b></a>",
      // iconv conversion failures are raised without a parser context.
      "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?><a>\x1b$B\xff\xff</a>",
      "<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a>\xff</a>",
      "<!DOCTYPE a SYSTEM \"http://127.0.0.1:1/x.dtd\"><a/>",
      "<a xmlns:p='not absolute'><p:b/></a>",
  };
  for (const std::string& xml : bad) {
    (void)saml::parse_xml(xml);
  }
  std::fflush(stderr);
  dup2(saved_stderr, 2);
  close(saved_stderr);
  std::fseek(capture, 0, SEEK_END);
  const long written = std::ftell(capture);
  std::fclose(capture);

  BOOST_TEST(generic_calls == 0, "generic error handler was called");
  BOOST_TEST(structured_calls == 0, "structured error handler was called");
  BOOST_TEST(written == 0, "libxml2 wrote to stderr");
  BOOST_TEST(xmlGenericError == &count_generic, "generic handler not restored");
  BOOST_TEST(xmlStructuredError == &count_structured, "structured handler not restored");
  xmlSetGenericErrorFunc(nullptr, nullptr);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
}

BOOST_AUTO_TEST_CASE(parses_from_several_threads) {
  std::vector<int> ok(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < ok.size(); ++t) {
    threads.emplace_back([&ok, t] {
      for (int i = 0; i < 50; ++i) {
        auto good = saml::parse_xml(kResponse);
        auto bad = saml::parse_xml("<!DOCTYPE a><a/>");
        ok[t] += good.has_value() && !bad.has_value() && bad.error().code == saml::ErrorCode::XmlDoctype;
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  for (std::size_t t = 0; t < ok.size(); ++t) {
    BOOST_TEST(ok[t] == 50, "thread " << t);
  }
}
