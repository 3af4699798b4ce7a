#include <utility>

#include "saml/xml.h"
#include "xml/source_text.h"

namespace saml {

Document::Document(std::unique_ptr<xmlDoc, XmlDocDeleter> doc) : doc_(std::move(doc)) {}

Document::Document(std::unique_ptr<xmlDoc, XmlDocDeleter> doc, std::string source)
    : source_(std::make_unique<detail::SourceText>(std::move(source))), doc_(std::move(doc)) {
  if (doc_ != nullptr) doc_->_private = source_.get();
}

Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

}  // namespace saml
