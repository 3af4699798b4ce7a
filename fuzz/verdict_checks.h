// Invariants of a verify_capture verdict, shared by the verify and verify-xsw harnesses.
#pragma once

#include "saml/verify.h"

namespace fuzz {

// Traps unless the verdict is self-consistent, and when it is an accept unless:
//   - the assertion it reports is a child of the Response and covered by a verified
//     signature, and the AWS view was read;
//   - every verified signature is an immediate child of the element it signs, has exactly
//     one Reference "#ID" to that element, only enveloped + exclusive c14n transforms,
//     exclusive c14n for SignedInfo, an allowed (SHA-2) signature and digest algorithm,
//     and was checked with a key from `trust`;
//   - the ID of every signed element is unique among all ID and xml:id attributes;
//   - every covered node is the signed element of a verified signature.
void check_verdict(const saml::Verdict& verdict, const saml::TrustStore& trust);

}  // namespace fuzz
