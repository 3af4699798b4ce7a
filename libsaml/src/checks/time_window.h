// The window of time the time checks (check_times, CND001/002/005, SUB006/008) accept a
// message in, for the reports that show it: one definition, so the text report's "valid
// for another ..." and the HTML time line cannot disagree with the verdict.
#pragma once

#include "saml/model.h"

namespace saml {

struct TimeWindow {
  // The latest NotBefore (Conditions, bearer confirmations); null when none has a value.
  const Instant* opens = nullptr;
  // The earliest NotOnOrAfter (Conditions, bearer confirmations) or AuthnStatement
  // SessionNotOnOrAfter; null when none has a value. The skew widens both ends.
  const Instant* closes = nullptr;
};

TimeWindow time_window(const Assertion& assertion);

}  // namespace saml
