#include "saml/policy.h"

namespace saml {

const char* time_source_name(TimeSource source) {
  switch (source) {
    case TimeSource::SystemClock: return "clock";
    case TimeSource::Option: return "option";
    case TimeSource::Capture: return "capture";
  }
  return "clock";
}

}  // namespace saml
