// Elements SAML allows once: the model reads the first, and records where each extra one is.
#pragma once

#include <string_view>
#include <vector>

#include "saml/xml.h"

namespace saml::detail {

// Appends every {ns_uri}local_name child of `parent` after the first.
inline void note_repeats(const xmlNode* parent, std::string_view ns_uri, std::string_view local_name,
                         std::vector<NodeRef>& repeated) {
  const xmlNode* first = first_child(parent, ns_uri, local_name);
  if (first == nullptr) return;
  for (const xmlNode* extra = next_sibling(first, ns_uri, local_name); extra != nullptr;
       extra = next_sibling(extra, ns_uri, local_name)) {
    repeated.push_back(NodeRef{extra, {}});
  }
}

}  // namespace saml::detail
