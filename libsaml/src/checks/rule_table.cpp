// The rule table. Append new rules; never renumber or reuse an ID once published.
#include <algorithm>
#include <array>

#include "saml/rules.h"

namespace saml {
namespace {

constexpr std::string_view kAwsSamlDoc =
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html";
constexpr std::string_view kAwsTroubleshoot =
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html";
constexpr std::string_view kSamlCore =
    "https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf";
constexpr std::string_view kSamlProfiles =
    "https://docs.oasis-open.org/security/saml/v2.0/saml-profiles-2.0-os.pdf";
constexpr std::string_view kXmlDsig = "https://www.w3.org/TR/xmldsig-core1/";
constexpr std::string_view kStsApi =
    "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html";

constexpr auto E = Severity::Error;
constexpr auto W = Severity::Warning;

constexpr std::array kRules = {
    // XML: safety and structure
    Rule{"XML001", E, "Document type declaration present",
         "A DOCTYPE enables entity tricks (XXE, billion laughs) and is never part of a SAML message; "
         "samlkit refuses it before any entity is read.",
         "Send the Response without a DOCTYPE; a legitimate IdP never emits one.", kSamlCore},
    Rule{"XML002", E, "Duplicate ID values",
         "Two elements share an ID, so a signature Reference could resolve to either: the classic "
         "signature-wrapping setup.",
         "Every ID in the message must be unique; check the IdP or any proxy that rewrites the message.",
         kSamlCore},
    Rule{"XML003", E, "Root element is not samlp:Response",
         "AWS accepts only a SAML 2.0 protocol Response posted to its sign-in endpoint.",
         "Capture the SAMLResponse form field of the POST to the AWS sign-in endpoint.", kSamlCore},
    Rule{"XML004", E, "Not exactly one Assertion",
         "AWS expects one Assertion; extra assertions anywhere in the document are how multiple-"
         "assertion and wrapping bypasses smuggle unsigned claims.",
         "Configure the IdP to send a single assertion.", kAwsSamlDoc},
    Rule{"XML005", E, "Encrypted assertion not supported yet",
         "The assertion is encrypted (saml:EncryptedAssertion); samlkit cannot decrypt it yet, so "
         "nothing in it can be checked.",
         "Turn off assertion encryption at the IdP for debugging, or wait for decryption support.",
         kAwsSamlDoc},

    // SIG: signatures, trust, algorithms
    Rule{"SIG001", E, "Assertion not covered by a trusted signature",
         "AWS requires the assertion to be signed (by its own signature or the Response's) with the "
         "key in the IAM identity provider's metadata.",
         "In Okta: Applications > AWS > Sign On > Edit, keep assertion signing on; give samlkit the "
         "IdP certificate with --cert, --fingerprint or --metadata.",
         kAwsTroubleshoot},
    Rule{"SIG002", E, "Signature in an unexpected place",
         "A signature must be an immediate child of the element it signs (the Response or the "
         "Assertion); signatures elsewhere are a wrapping pattern.",
         "Sign the Response and/or the Assertion with an enveloped signature.", kSamlCore},
    Rule{"SIG003", E, "Signature reference does not point at its parent",
         "The signature must have exactly one Reference whose URI is '#' plus the ID of the element "
         "holding it, and that ID must resolve to that very element (XSW defence).",
         "Use enveloped signatures with one Reference to the signed element's ID.", kSamlCore},
    Rule{"SIG004", E, "Transform not allowed",
         "Only the enveloped-signature transform and exclusive canonicalization are allowed; XPath, "
         "XSLT, base64 and comment-preserving transforms change what was signed.",
         "Configure the IdP to use exclusive canonicalization (xml-exc-c14n#).", kSamlCore},
    Rule{"SIG005", E, "SHA-1 algorithm",
         "SHA-1 is broken for collision resistance; samlkit refuses it unless --allow-sha1 is given.",
         "In Okta the signature algorithm is RSA-SHA256 by default; in other IdPs choose SHA-256.",
         kXmlDsig},
    Rule{"SIG006", E, "HMAC signature method",
         "An HMAC signature is made with a shared secret, so anyone who verifies can forge; it is "
         "always refused.",
         "Use an asymmetric signature (RSA-SHA256 or ECDSA-SHA256).", kXmlDsig},
    Rule{"SIG007", E, "Algorithm not supported",
         "The signature, digest or canonicalization algorithm is not one samlkit accepts.",
         "Use RSA-SHA256/384/512 or ECDSA-SHA256/384/512 with SHA-256+ digests and exclusive c14n.",
         kXmlDsig},
    Rule{"SIG008", E, "No trusted key for the signature",
         "None of the trusted keys can verify this signature; a certificate embedded in the message is "
         "never trusted by itself.",
         "Pass the IdP signing certificate (--cert), its SHA-256 fingerprint (--fingerprint) or the "
         "IdP metadata (--metadata); after a key rotation, update the IAM identity provider.",
         kAwsTroubleshoot},
    Rule{"SIG009", E, "Signature does not verify",
         "A digest or the signature value does not match: the signed content was changed after "
         "signing (re-indented, re-encoded, edited) or signed with another key.",
         "Use the bytes exactly as posted; if the IdP produced it, check its signing configuration.",
         kXmlDsig},
    Rule{"SIG010", E, "Key retrieval in KeyInfo",
         "RetrievalMethod and KeyInfoReference make a verifier fetch keys from elsewhere; samlkit "
         "never follows them and refuses the signature.",
         "Send the certificate inline (X509Data) or nothing at all.", kXmlDsig},
    Rule{"SIG011", W, "KeyInfo certificate is not the trusted one",
         "The message carries a certificate that matches no trusted key. The signature was checked "
         "with the trusted key only, but a mismatch usually means a key rotation is under way.",
         "Upload the new IdP metadata to the IAM identity provider and pass it to samlkit.",
         kAwsTroubleshoot},

    // PRO: protocol
    Rule{"PRO001", E, "Version is not 2.0", "AWS accepts SAML 2.0 responses only.",
         "Configure the IdP to send SAML 2.0.", kSamlCore},
    Rule{"PRO002", E, "Status is not Success",
         "The top-level StatusCode must be urn:oasis:names:tc:SAML:2.0:status:Success; the IdP "
         "reported a failure.",
         "Read the StatusMessage and the nested StatusCode; fix the problem at the IdP.", kSamlCore},
    Rule{"PRO003", E, "Issuer missing",
         "The assertion must name its issuer; AWS matches it against the identity provider's "
         "entityID.",
         "Set the IdP issuer (in Okta, the 'Identity Provider Issuer' shown in the app's metadata).",
         kAwsTroubleshoot},
    Rule{"PRO004", E, "Destination does not match the Recipient",
         "When the Response has a Destination it must be the endpoint the assertion is for.",
         "Set the ACS URL (Okta: 'Single sign-on URL') to the AWS sign-in endpoint.", kSamlCore},

    // SUB: subject and confirmation
    Rule{"SUB001", E, "Subject or NameID missing", "AWS requires a Subject with a NameID.",
         "Configure a NameID (Okta: 'Name ID format' and 'Application username').", kAwsSamlDoc},
    Rule{"SUB002", E, "Not exactly one bearer SubjectConfirmation",
         "AWS requires exactly one SubjectConfirmation with Method "
         "urn:oasis:names:tc:SAML:2.0:cm:bearer.",
         "Configure the IdP for the Web Browser SSO bearer profile.", kSamlProfiles},
    Rule{"SUB003", E, "SubjectConfirmationData NotOnOrAfter missing",
         "AWS requires an expiry on the bearer confirmation.",
         "Configure the IdP to include NotOnOrAfter in SubjectConfirmationData.", kAwsSamlDoc},
    Rule{"SUB004", E, "SubjectConfirmationData Recipient missing",
         "AWS requires the Recipient to name its sign-in endpoint.",
         "Set the IdP's recipient/ACS URL to https://signin.aws.amazon.com/saml.", kAwsSamlDoc},
    Rule{"SUB005", E, "Recipient not accepted",
         "The Recipient must be the AWS sign-in endpoint (global, regional, GovCloud or China) or "
         "one given with --recipient, compared exactly.",
         "Set the IdP's Recipient (Okta: 'Recipient URL') to https://signin.aws.amazon.com/saml or "
         "the regional endpoint your trust policy names.",
         kAwsTroubleshoot},
    Rule{"SUB006", E, "Bearer confirmation expired",
         "now is at or after the SubjectConfirmationData NotOnOrAfter (plus skew).",
         "Redeem the response promptly; check the clocks; use --now to evaluate at capture time.",
         kSamlProfiles},

    // CND: conditions
    Rule{"CND001", E, "Not yet valid",
         "Conditions NotBefore is after now (plus skew): usually the IdP's clock runs ahead.",
         "Fix the IdP or client clock (NTP); use --skew to allow a known drift.", kSamlCore},
    Rule{"CND002", E, "Expired",
         "now is at or after Conditions NotOnOrAfter (plus skew).",
         "Redeem the response promptly; use --now to evaluate at capture time.", kSamlCore},
    Rule{"CND003", E, "AudienceRestriction missing",
         "AWS requires the assertion to be restricted to its audience.",
         "Set the audience (Okta: 'Audience URI (SP Entity ID)') to urn:amazon:webservices.",
         kAwsSamlDoc},
    Rule{"CND004", E, "Audience not accepted",
         "Every AudienceRestriction must contain an accepted audience (exact match).",
         "Set the audience to urn:amazon:webservices (or the value your trust policy expects).",
         kAwsTroubleshoot},
    Rule{"CND005", E, "Session expired",
         "now is at or after AuthnStatement SessionNotOnOrAfter (plus skew).",
         "Sign in again at the IdP.", kSamlCore},
    Rule{"CND006", E, "Invalid time value",
         "A time attribute is not a valid xs:dateTime.",
         "Use UTC times such as 2024-05-01T12:00:00Z.", kSamlCore},

    // AWS: attributes and ARNs
    Rule{"AWS001", E, "Role attribute missing",
         "https://aws.amazon.com/SAML/Attributes/Role must have at least one value.",
         "In Okta's AWS app, assign the user to a role (Sign On > Role mapping / group filter).",
         kAwsSamlDoc},
    Rule{"AWS002", E, "Role value is not a role and provider ARN pair",
         "Each Role value is exactly one role ARN and one saml-provider ARN separated by a comma, "
         "in either order.",
         "Send values like arn:aws:iam::123456789012:saml-provider/Okta,"
         "arn:aws:iam::123456789012:role/Admin.",
         kAwsSamlDoc},
    Rule{"AWS003", E, "Invalid role ARN",
         "A role ARN is arn:<partition>:iam::<12 digits>:role/<path><name>, name 1-64 of "
         "[A-Za-z0-9_+=,.@-].",
         "Correct the role ARN in the IdP's role mapping.", kAwsSamlDoc},
    Rule{"AWS004", E, "Invalid saml-provider ARN",
         "A provider ARN is arn:<partition>:iam::<12 digits>:saml-provider/<name>, name 1-128 of "
         "[A-Za-z0-9_.-].",
         "Correct the identity provider ARN in the IdP (Okta: 'Identity Provider ARN').",
         kAwsSamlDoc},
    Rule{"AWS005", E, "Role and provider in different partitions",
         "Both ARNs of one Role value must be in the same partition (aws, aws-us-gov, aws-cn).",
         "Use the provider ARN from the same partition as the role.", kAwsSamlDoc},
    Rule{"AWS006", W, "Role and provider in different accounts",
         "The role's trust policy must name a provider in its own account; a pair across accounts "
         "fails at sign-in.",
         "Pair each role with the saml-provider of the same account.", kAwsTroubleshoot},
    Rule{"AWS007", W, "Whitespace around Role ARNs",
         "Whitespace around the ARNs was trimmed; other SAML consumers may not trim it.",
         "Remove spaces and line breaks from the Role attribute value.", kAwsSamlDoc},
    Rule{"AWS008", E, "RoleSessionName missing or repeated",
         "https://aws.amazon.com/SAML/Attributes/RoleSessionName must have exactly one value.",
         "Map RoleSessionName to one user attribute (Okta sends the username by default).",
         kAwsSamlDoc},
    Rule{"AWS009", E, "Invalid RoleSessionName",
         "RoleSessionName must be 2-64 characters of [A-Za-z0-9_+=,.@-].",
         "Map it to an attribute without spaces or other characters (for example the e-mail).",
         kStsApi},
    Rule{"AWS010", E, "Invalid SessionDuration",
         "SessionDuration, when present, is one integer from 900 to 43200 seconds.",
         "Set the session duration (Okta: 'Session Duration') to a value in that range.",
         kAwsSamlDoc},
    Rule{"AWS011", E, "SAML message over 100,000 base64 characters",
         "AssumeRoleWithSAML refuses a SAMLAssertion longer than 100,000 characters.",
         "Send fewer attributes or groups (trim role and group lists at the IdP).", kStsApi},

    // HYG: hygiene
    Rule{"HYG001", W, "Issued more than 5 minutes ago",
         "STS refuses a response not redeemed within 5 minutes of its IssueInstant (\"Token must "
         "be redeemed within 5 minutes of issuance\").",
         "Redeem the response at once; check the IdP clock.", kAwsTroubleshoot},
};

}  // namespace

std::span<const Rule> all_rules() { return kRules; }

const Rule* find_rule(std::string_view id) {
  const auto* it = std::find_if(kRules.begin(), kRules.end(),
                                [id](const Rule& rule) { return rule.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

}  // namespace saml
