// parse_xml: libxml2 with every loading feature off and any DOCTYPE refused outright.
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "saml/xml.h"
#include "util/libxml_init.h"
#include "xml/quiet_errors.h"
#include "xml/tree_limits.h"

namespace saml {
namespace {

struct ParserCtxtDeleter {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
using ParserCtxtPtr = std::unique_ptr<xmlParserCtxt, ParserCtxtDeleter>;

// What the SAX callbacks saw during one parse; reachable through ctxt->_private.
struct ParseState {
  bool doctype_seen = false;
  std::string doctype_name;
  int doctype_line = 0;

  bool error_seen = false;
  std::string error_message;
  int error_line = 0;
  int error_column = 0;

  // The input, and how far element columns have been counted in it (elements start in
  // document order, so the counting runs once over the input).
  std::string_view source;
  bool source_is_ascii = false;  // then a column is one more than the bytes before it on its line
  std::size_t counted = 0;
  int column = 1;  // the column of source[counted]
};

// Whether every byte is below 0x80 (one pass the compiler vectorises).
bool is_ascii(std::string_view text) {
  unsigned char seen = 0;
  for (const char c : text) seen |= static_cast<unsigned char>(c);
  return (seen & 0x80U) == 0;
}

ParseState& state_of(void* user_data) {
  // xmlCreateMemoryParserCtxt sets userData to the context itself.
  auto* ctxt = static_cast<xmlParserCtxt*>(user_data);
  return *static_cast<ParseState*>(ctxt->_private);
}

// Installed as both internalSubset and externalSubset: libxml2 calls it right after
// reading "<!DOCTYPE name ...", before any entity in the internal subset is declared.
void refuse_doctype(void* user_data, const xmlChar* name, const xmlChar* /*external_id*/,
                    const xmlChar* /*system_id*/) {
  auto* ctxt = static_cast<xmlParserCtxt*>(user_data);
  ParseState& state = state_of(user_data);
  if (!state.doctype_seen) {
    state.doctype_seen = true;
    state.doctype_name = name != nullptr ? reinterpret_cast<const char*>(name) : "";
    state.doctype_line = ctxt->input != nullptr ? ctxt->input->line : 0;
  }
  xmlStopParser(ctxt);
}

// Keeps the first error (later ones are usually consequences of it) and prints nothing.
void record_error(void* user_data, xmlError* error) {
  ParseState& state = state_of(user_data);
  if (state.error_seen || error == nullptr || error->level < XML_ERR_ERROR) {
    return;
  }
  state.error_seen = true;
  // libxml2 messages end with a newline and some span two lines; make them one line.
  std::string message = error->message != nullptr ? error->message : "not well-formed";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  for (char& c : message) {
    if (c == '\n') {
      c = ' ';
    }
  }
  state.error_message = std::move(message);
  state.error_line = error->line;
  state.error_column = error->int2;
}

// How many UTF-16 code units the UTF-8 bytes stand for: a lead byte counts one, a
// four-byte sequence's lead two, continuation bytes none.
int utf16_units(unsigned char byte) {
  return static_cast<int>((byte & 0xc0U) != 0x80U) + static_cast<int>(byte >= 0xf0U);
}

// The column of the byte at `offset`, counting on from the last element's (UTF-16 code
// units). Only the bytes after the last line break in between are counted: none in an ASCII
// input (SAML messages mostly are), eight at a time where they are all ASCII otherwise.
int column_at(ParseState& state, std::size_t offset) {
  const char* from = state.source.data() + state.counted;
  const char* to = state.source.data() + offset;
  if (const void* line_break = memrchr(from, '\n', static_cast<std::size_t>(to - from))) {
    state.column = 1;
    from = static_cast<const char*>(line_break) + 1;
  }
  state.counted = offset;
  if (state.source_is_ascii) {
    state.column += static_cast<int>(to - from);
    return state.column;
  }
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  for (; to - from >= 8; from += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, from, sizeof word);
    if ((word & kHighBits) == 0) {
      state.column += 8;
      continue;
    }
    for (int i = 0; i < 8; ++i) state.column += utf16_units(static_cast<unsigned char>(from[i]));
  }
  for (; from < to; ++from) state.column += utf16_units(static_cast<unsigned char>(*from));
  state.counted = offset;
  return state.column;
}

// Whether the start tag at `tag` names this element: '<', then "prefix:" if any, then the
// local name, compared in place.
bool tag_names(std::string_view source, std::size_t tag, const xmlChar* prefix, const xmlChar* localname) {
  std::string_view rest = source.substr(tag + 1);
  if (prefix != nullptr) {
    const std::string_view prefix_text = reinterpret_cast<const char*>(prefix);
    if (rest.substr(0, prefix_text.size()) != prefix_text || rest.substr(prefix_text.size(), 1) != ":") return false;
    rest.remove_prefix(prefix_text.size() + 1);
  }
  const std::string_view name = reinterpret_cast<const char*>(localname);
  return rest.substr(0, name.size()) == name;
}

// libxml2's element handler, then the element's column kept in its psvi field (libxml2 uses
// psvi of text nodes only, for line numbers past 65535; location_of reads it back). The
// start tag is the last '<' before the parser's position; a position that does not lead back
// to this element's name in the input (an input libxml2 re-encoded) leaves the column unknown.
void start_element(void* user_data, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri,
                   int nb_namespaces, const xmlChar** namespaces, int nb_attributes, int nb_defaulted,
                   const xmlChar** attributes) {
  xmlSAX2StartElementNs(user_data, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                        nb_defaulted, attributes);
  auto* ctxt = static_cast<xmlParserCtxt*>(user_data);
  ParseState& state = state_of(user_data);
  if (ctxt->node == nullptr || ctxt->input == nullptr || ctxt->input->cur == nullptr) return;
  const auto position = static_cast<std::size_t>(ctxt->input->consumed) +
                        static_cast<std::size_t>(ctxt->input->cur - ctxt->input->base);
  if (position > state.source.size()) return;
  // The last '<' at or before position - 1 (memrchr: rfind compares byte by byte).
  const void* found = memrchr(state.source.data(), '<', position == 0 ? 1 : position);
  if (found == nullptr) return;
  const auto tag = static_cast<std::size_t>(static_cast<const char*>(found) - state.source.data());
  if (tag < state.counted) return;
  if (!tag_names(state.source, tag, prefix, localname)) return;
  ctxt->node->psvi = reinterpret_cast<void*>(static_cast<std::uintptr_t>(column_at(state, tag)));
}

Error doctype_error(const ParseState& state) {
  Error error{ErrorKind::Decode, ErrorCode::XmlDoctype,
              "DOCTYPE declarations are not allowed (found <!DOCTYPE " + state.doctype_name +
                  "> at line " + std::to_string(state.doctype_line) + ")",
              {}};
  error.where.line = state.doctype_line;
  return error;
}

Error syntax_error(const ParseState& state) {
  Error error{ErrorKind::Decode, ErrorCode::XmlSyntax, "not well-formed XML", {}};
  if (state.error_seen) {
    error.message = "line " + std::to_string(state.error_line) + ", column " +
                    std::to_string(state.error_column) + ": " + state.error_message;
    error.where.line = state.error_line;
  }
  return error;
}

}  // namespace

Expected<Document> parse_xml(std::string_view xml, const ParseLimits& limits) {
  if (xml.size() > limits.max_bytes || xml.size() > static_cast<std::size_t>(INT_MAX)) {
    return Error{ErrorKind::Limit, ErrorCode::XmlSize,
                 "the XML is " + std::to_string(xml.size()) + " bytes, more than the limit of " +
                     std::to_string(limits.max_bytes) + " bytes",
                 {}};
  }
  if (xml.empty()) {
    return Error{ErrorKind::Decode, ErrorCode::XmlSyntax, "the XML document is empty", {}};
  }
  util::ensure_libxml_initialised();
  const QuietLibxmlErrors quiet;

  ParserCtxtPtr ctxt(xmlCreateMemoryParserCtxt(xml.data(), static_cast<int>(xml.size())));
  if (ctxt == nullptr) {
    return Error{ErrorKind::Decode, ErrorCode::XmlSyntax, "libxml2 could not create a parser", {}};
  }
  ParseState state;
  state.source = xml;
  state.source_is_ascii = is_ascii(xml);
  ctxt->_private = &state;
  // No NOENT, DTDLOAD, DTDATTR, DTDVALID or XINCLUDE: nothing is substituted or loaded.
  xmlCtxtUseOptions(ctxt.get(), XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                    XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
  // Belt and braces against process-wide defaults (xmlSubstituteEntitiesDefault & co.).
  ctxt->replaceEntities = 0;
  ctxt->loadsubset = 0;
  ctxt->validate = 0;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->externalSubset = refuse_doctype;
  ctxt->sax->serror = record_error;
  ctxt->sax->startElementNs = start_element;

  const int rc = xmlParseDocument(ctxt.get());
  std::unique_ptr<xmlDoc, XmlDocDeleter> doc(ctxt->myDoc);
  ctxt->myDoc = nullptr;

  if (state.doctype_seen) {
    return doctype_error(state);
  }
  if (rc != 0 || ctxt->wellFormed == 0 || ctxt->nsWellFormed == 0 || state.error_seen ||
      doc == nullptr || xmlDocGetRootElement(doc.get()) == nullptr) {
    return syntax_error(state);
  }
  if (auto checked = check_tree_limits(doc.get(), limits); !checked) {
    return checked.error();
  }
  return Document(std::move(doc));
}

}  // namespace saml
