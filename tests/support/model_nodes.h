// Elements for models built by hand in tests. A model field records the element it was read
// from (saml::NodeRef), and a finding's Location is worked out from that element: its path
// and line. node_at gives a hand-built field such an element.
#pragma once

#include <libxml/tree.h>

#include <algorithm>
#include <deque>
#include <string>
#include <string_view>

#include "saml/model.h"

namespace samltest {

// A document that holds every element node_at makes, freed at exit.
class ModelNodes {
 public:
  ModelNodes() : doc_(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0"))) {}
  ModelNodes(const ModelNodes&) = delete;
  ModelNodes& operator=(const ModelNodes&) = delete;
  ~ModelNodes() { xmlFreeDoc(doc_); }

  // The last element of a new chain of elements named by `path` ("/Response/Assertion"), on
  // `line` (0: no line), naming `attribute`.
  saml::NodeRef at(std::string_view path, int line, std::string_view attribute) {
    xmlNode* parent = reinterpret_cast<xmlNode*>(doc_);
    while (!path.empty()) {
      path.remove_prefix(1);  // the '/'
      const std::string name(path.substr(0, path.find('/')));
      path.remove_prefix(std::min(path.size(), name.size()));
      xmlNode* element = xmlNewDocNode(doc_, nullptr, reinterpret_cast<const xmlChar*>(name.c_str()), nullptr);
      element->line = static_cast<unsigned short>(line);
      xmlAddChild(parent, element);
      parent = element;
    }
    // NodeRef keeps a view of the attribute's name: the names live as long as the nodes.
    return saml::NodeRef{parent, names_.emplace_back(attribute)};
  }

 private:
  xmlDoc* doc_;
  std::deque<std::string> names_;
};

inline saml::NodeRef node_at(std::string_view path, int line = 0, std::string_view attribute = {}) {
  static ModelNodes nodes;
  return nodes.at(path, line, attribute);
}

}  // namespace samltest
