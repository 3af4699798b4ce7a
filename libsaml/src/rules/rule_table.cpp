// The rule table: one row per rule, in RuleId order. Never renumber or reuse an ID once
// published; a new rule gets the next free number of its area.
#include <algorithm>
#include <array>
#include <vector>

#include "saml/rules.h"

#include "checks/rule_checks.h"
#include "lint/lint_rules.h"

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
constexpr std::string_view kAwsSessionTags =
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html";
constexpr std::string_view kAwsSourceIdentity =
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html";
constexpr std::string_view kAwsRelyingParty =
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_relying-party.html";
constexpr std::string_view kAwsMaxSession =
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html";
constexpr std::string_view kIdentityCenter =
    "https://docs.aws.amazon.com/singlesignon/latest/userguide/other-idps.html";
constexpr std::string_view kSamlBindings =
    "https://docs.oasis-open.org/security/saml/v2.0/saml-schema-protocol-2.0.xsd";
constexpr std::string_view kAwsTrustSaml =
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html";
constexpr std::string_view kAwsConditionOperators =
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html";
constexpr std::string_view kAwsSamlKeys =
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html";
constexpr std::string_view kAwsAuthorizationDetails =
    "https://docs.aws.amazon.com/cli/latest/reference/iam/get-account-authorization-details.html";
constexpr std::string_view kIdentityCenterScim =
    "https://docs.aws.amazon.com/singlesignon/latest/userguide/provision-automatically.html";
constexpr std::string_view kOktaAwsGuide =
    "https://saml-doc.okta.com/SAML_Docs/How-to-Configure-SAML-2.0-for-Amazon-Web-Service.html";
constexpr std::string_view kSamlMetadataIop =
    "https://docs.oasis-open.org/security/saml/Post2.0/sstc-metadata-iop-os.html";
constexpr std::string_view kIamCreateSamlProvider =
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateSAMLProvider.html";

constexpr auto E = Severity::Error;
constexpr auto W = Severity::Warning;
constexpr auto I = Severity::Info;
constexpr unsigned kForAll = rule_profile::all;
constexpr unsigned kForAws = rule_profile::aws;
constexpr unsigned kForIdentityCenter = rule_profile::identity_center;
constexpr unsigned kForAwsAndIdentityCenter = rule_profile::aws | rule_profile::identity_center;

// How each rule is used (RuleUse), by kind:
// reported by the pipeline stage that meets the problem, in saml-verify's verdict;
constexpr RuleUse stage(unsigned profiles) { return {profiles, Enforcement::Verdict}; }
// the same, about the verified assertion (does not apply without one);
constexpr RuleUse stage_on_assertion(unsigned profiles) {
  return {profiles, Enforcement::Verdict, RuleScope::Message, true};
}
// a check of its own in saml-verify's verdict (and so in saml-lint);
constexpr RuleUse verdict_check(unsigned profiles, RuleCheck check) {
  return {profiles, Enforcement::Verdict, RuleScope::Message, true, check};
}
// a check of its own that only saml-lint runs;
constexpr RuleUse lint_check(unsigned profiles, RuleCheck check) {
  return {profiles, Enforcement::Lint, RuleScope::Message, false, check};
}
// a rule on an IdP metadata document (saml-lint --metadata);
constexpr RuleUse metadata_document(unsigned profiles) {
  return {profiles, Enforcement::Lint, RuleScope::Metadata};
}
// a comparison with saml-lint --baseline;
constexpr RuleUse baseline_check(RuleCheck check) {
  return {kForAll, Enforcement::Lint, RuleScope::Baseline, false, check};
}
// what AWS, Okta or Identity Center do with the verified assertion, given their exports
// (--iam, --okta-groups, --identity-store); reported by the iam stage (iam::aws_side_findings).
constexpr RuleUse aws_side() { return {kForAll, Enforcement::Lint, RuleScope::AwsSide, true}; }

constexpr std::array kRules = {
    // XML: safety and structure
    Rule{RuleId::doctype_present, "XML001", E, "Document type declaration present",
         "A DOCTYPE enables entity tricks (XXE, billion laughs) and is never part of a SAML message; "
         "samlkit refuses it before any entity is read.",
         "Send the Response without a DOCTYPE; a legitimate IdP never emits one.", kSamlCore,
         stage(kForAll)},
    Rule{RuleId::duplicate_ids, "XML002", E, "Duplicate ID values",
         "Two elements share an ID, so a signature Reference could resolve to either: the classic "
         "signature-wrapping setup.",
         "Every ID in the message must be unique; check the IdP or any proxy that rewrites the message.",
         kSamlCore,
         stage(kForAll)},
    Rule{RuleId::root_not_response, "XML003", E, "Root element is not samlp:Response",
         "AWS accepts only a SAML 2.0 protocol Response posted to its sign-in endpoint.",
         "Capture the SAMLResponse form field of the POST to the AWS sign-in endpoint.", kSamlCore,
         stage(kForAll)},
    Rule{RuleId::not_one_assertion, "XML004", E, "Not exactly one Assertion",
         "AWS expects one Assertion; extra assertions anywhere in the document are how multiple-"
         "assertion and wrapping bypasses smuggle unsigned claims.",
         "Configure the IdP to send a single assertion.", kAwsSamlDoc,
         stage(kForAll)},
    Rule{RuleId::encrypted_no_key, "XML005", E, "Encrypted assertion and no decryption key",
         "The assertion is encrypted (saml:EncryptedAssertion) and no SP private key was given, "
         "so nothing in it can be checked; the message names the key it needs.",
         "Pass the private key uploaded to the IAM SAML provider with --decrypt-key sp.pem "
         "(repeatable for rotation).",
         kAwsSamlDoc,
         stage(kForAll)},
    Rule{RuleId::unknown_saml_element, "XML006", W, "Unknown element in a SAML namespace",
         "An element in the SAML protocol or assertion namespace is not defined by the SAML 2.0 "
         "schema: a typo, a hand-built template or a proxy that injects content. Strict SPs "
         "refuse schema-invalid messages.",
         "Remove the element or move it into the IdP's own namespace (inside Extensions).",
         kSamlBindings,
         lint_check(kForAll, lint::check_unknown_saml_elements)},
    Rule{RuleId::decryption_failed, "XML007", E, "Encrypted assertion could not be decrypted",
         "None of the given SP private keys decrypts the EncryptedAssertion, or its structure is "
         "not one samlkit accepts. Decryption failures are reported only as 'could not decrypt "
         "with key X' (no padding or parse details: those are decryption oracles).",
         "Give the private key whose certificate the IdP encrypts to (Okta: the 'Encryption "
         "Certificate' of the app); during rotation pass both keys.",
         "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml.html",
         stage(kForAll)},
    Rule{RuleId::element_repeated, "XML008", E, "Element repeated where SAML allows one",
         "The Assertion holds more than one Issuer, Subject, NameID or Conditions, or a "
         "SubjectConfirmation more than one SubjectConfirmationData. SAML allows one; a reader "
         "taking the first and another taking the last see two different users or windows (a "
         "parser differential), so the message is refused whatever each copy says.",
         "Send each of these elements once; check any proxy or template that adds elements.",
         kSamlCore,
         verdict_check(kForAll, check_repeated_elements)},

    // SIG: signatures, trust, algorithms
    Rule{RuleId::assertion_not_signed, "SIG001", E, "Assertion not covered by a trusted signature",
         "AWS requires the assertion to be signed (by its own signature or the Response's) with the "
         "key in the IAM identity provider's metadata.",
         "In Okta: Applications > AWS > Sign On > Edit, keep assertion signing on; give samlkit the "
         "IdP certificate with --cert, --pubkey, --fingerprint or --metadata.",
         kAwsTroubleshoot,
         stage(kForAll),
         "Sign the assertion in the IdP application for IAM Identity Center; give samlkit the IdP "
         "certificate uploaded in Settings > Identity source with --cert or --metadata."},
    Rule{RuleId::signature_misplaced, "SIG002", E, "Signature in an unexpected place",
         "A signature must be an immediate child of the element it signs (the Response or the "
         "Assertion); signatures elsewhere are a wrapping pattern.",
         "Sign the Response and/or the Assertion with an enveloped signature.", kSamlCore,
         stage(kForAll)},
    Rule{RuleId::reference_not_parent, "SIG003", E, "Signature reference does not point at its parent",
         "The signature must have exactly one Reference whose URI is '#' plus the ID of the element "
         "holding it, and that ID must resolve to that very element (XSW defence).",
         "Use enveloped signatures with one Reference to the signed element's ID.", kSamlCore,
         stage(kForAll)},
    Rule{RuleId::transform_not_allowed, "SIG004", E, "Transform not allowed",
         "Only the enveloped-signature transform and one canonicalization without comments "
         "(exclusive, or inclusive 1.0/1.1 as OpenSAML allows) are accepted; XPath, XSLT, base64 "
         "and comment-preserving transforms change what was signed.",
         "Configure the IdP to use exclusive canonicalization (xml-exc-c14n#).", kSamlCore,
         stage(kForAll)},
    Rule{RuleId::sha1_algorithm, "SIG005", E, "SHA-1 algorithm",
         "SHA-1 is broken for collision resistance; samlkit refuses it unless --allow-sha1 is given.",
         "In Okta the signature algorithm is RSA-SHA256 by default; in other IdPs choose SHA-256.",
         kXmlDsig,
         stage(kForAll)},
    Rule{RuleId::hmac_signature, "SIG006", E, "HMAC signature method",
         "An HMAC signature is made with a shared secret, so anyone who verifies can forge; it is "
         "always refused.",
         "Use an asymmetric signature (RSA-SHA256 or ECDSA-SHA256).", kXmlDsig,
         stage(kForAll)},
    Rule{RuleId::algorithm_unsupported, "SIG007", E, "Algorithm not supported",
         "The signature, digest or canonicalization algorithm is not one samlkit accepts.",
         "Use RSA-SHA256/384/512 or ECDSA-SHA256/384/512 with SHA-256+ digests and exclusive c14n.",
         kXmlDsig,
         stage(kForAll)},
    Rule{RuleId::no_trusted_key, "SIG008", E, "No trusted key for the signature",
         "None of the trusted keys can verify this signature; a certificate embedded in the message is "
         "never trusted by itself.",
         "Pass the IdP signing certificate (--cert), its public key (--pubkey), its SHA-256 "
         "fingerprint (--fingerprint) or the IdP metadata (--metadata); after a key rotation, "
         "update the IAM identity provider.",
         kAwsTroubleshoot,
         stage(kForAll),
         "Pass the IdP certificate uploaded in IAM Identity Center (Settings > Identity source > "
         "Manage authentication) with --cert or --metadata; after a rotation, upload the new one there."},
    Rule{RuleId::signature_invalid, "SIG009", E, "Signature does not verify",
         "A digest or the signature value does not match: the signed content was changed after "
         "signing (re-indented, re-encoded, edited) or signed with another key.",
         "Use the bytes exactly as posted; if the IdP produced it, check its signing configuration.",
         kXmlDsig,
         stage(kForAll)},
    Rule{RuleId::keyinfo_retrieval, "SIG010", E, "Key retrieval in KeyInfo",
         "RetrievalMethod and KeyInfoReference make a verifier fetch keys from elsewhere; samlkit "
         "never follows them and refuses the signature.",
         "Send the certificate inline (X509Data) or nothing at all.", kXmlDsig,
         stage(kForAll)},
    Rule{RuleId::keyinfo_certificate_untrusted, "SIG011", W, "KeyInfo certificate is not the trusted one",
         "The message carries a certificate that matches no trusted key. The signature was checked "
         "with the trusted key only, but a mismatch usually means a key rotation is under way.",
         "Upload the new IdP metadata to the IAM identity provider and pass it to samlkit.",
         kAwsTroubleshoot,
         stage(kForAll)},
    Rule{RuleId::not_verified_no_key, "SIG012", E, "Signatures not verified: no trusted key given",
         "saml-lint was run without --cert, --pubkey, --fingerprint or --metadata, so no signature could "
         "be verified and no signed content was checked. A certificate inside the message is "
         "never trusted by itself.",
         "Pass the IdP signing certificate (Okta: AWS app > Sign On > 'Identity Provider "
         "metadata') with --cert, --pubkey, --fingerprint or --metadata.",
         kAwsTroubleshoot,
         lint_check(kForAll, lint::check_not_verified)},
    Rule{RuleId::only_response_signed, "SIG013", W, "Only the Response is signed",
         "The assertion is covered only by the Response's signature. AWS accepts it, but AWS's "
         "SP metadata asks for signed assertions (WantAssertionsSigned), and an assertion "
         "without its own signature cannot be checked once taken out of its Response.",
         "Sign the assertion (Okta: AWS app > Sign On > Edit > Assertion Signature: Signed).",
         kAwsSamlDoc,
         lint_check(kForAll, lint::check_response_only_signed)},
    Rule{RuleId::certificate_expired, "SIG014", W, "Signing certificate expired",
         "The certificate of the trusted key that verified the signature is past its notAfter "
         "at --cert-now (default: the clock, whatever --now says). Like a certificate not yet valid (not reported: usually one re-issued for "
         "the same key after the message was signed), it changes no verdict, in saml-decode, "
         "saml-verify and saml-lint alike: the IAM documentation names no check of the "
         "signing certificate's dates (its troubleshooting page blames 'Response signature "
         "invalid' on a key that differs from the uploaded metadata, e.g. after the IdP "
         "replaced an expired certificate), and the SAML V2.0 Metadata Interoperability "
         "Profile has a metadata consumer trust the key itself, whatever the certificate "
         "around it says. An expired key still means the IdP's rotation is overdue.",
         "Rotate the signing certificate at the IdP (Okta: Sign On > SAML Signing Certificates) "
         "and upload the new metadata to the IAM identity provider.",
         kSamlMetadataIop,
         stage(kForAll)},
    Rule{RuleId::certificate_expiring, "SIG015", W, "Signing certificate expires within 30 days",
         "The certificate of the key that verified the signature expires within 30 days of "
         "--cert-now (default: the clock). AWS does not check its dates (see SIG014), but IdPs replace an expiring key, "
         "and sign-in breaks at that moment unless the new key is in IAM first.",
         "Generate the next certificate at the IdP (Okta: Sign On > SAML Signing Certificates), "
         "add its metadata to the IAM identity provider, then activate it.",
         kAwsTroubleshoot,
         lint_check(kForAll, lint::check_certificate_expiring)},
    Rule{RuleId::weak_key_size, "SIG016", W, "Signing key under 2048 bits",
         "An RSA signing key shorter than 2048 bits is below current guidance (NIST SP 800-131A) "
         "and can be factored with enough effort.",
         "Issue a 2048-bit (or larger) RSA or an EC P-256 signing key at the IdP.", kXmlDsig,
         lint_check(kForAll, lint::check_key_size)},
    Rule{RuleId::rsa15_key_transport, "SIG017", E, "RSA PKCS#1 v1.5 key transport",
         "The assertion's key is wrapped with RSA-1.5 (xmlenc#rsa-1_5), which is open to "
         "Bleichenbacher-style padding-oracle attacks; samlkit refuses it unless --allow-rsa15 "
         "is given.",
         "Set the IdP's key transport algorithm to RSA-OAEP.",
         "https://www.w3.org/TR/xmlenc-core1/#sec-RSA-1_5",
         verdict_check(kForAll, check_rsa15_transport)},
    Rule{RuleId::cbc_encryption, "SIG018", I, "AES-CBC content encryption",
         "The assertion is encrypted with AES-CBC, which has no integrity of its own; AES-GCM "
         "(xmlenc11) authenticates the ciphertext.",
         "Choose AES-GCM as the IdP's data encryption algorithm where it offers it.",
         "https://www.w3.org/TR/xmlenc-core1/#sec-AES-GCM",
         lint_check(kForAll, check_cbc_encryption)},
    Rule{RuleId::encryption_unsupported, "SIG019", E, "Encryption algorithm not supported",
         "The EncryptedAssertion uses a key transport or data encryption algorithm samlkit does "
         "not accept (supported: RSA-OAEP, RSA-1.5 with --allow-rsa15; AES-128/192/256 in CBC "
         "or GCM).",
         "Set the IdP to RSA-OAEP key transport and AES-GCM (or AES-CBC) data encryption.",
         "https://www.w3.org/TR/xmlenc-core1/",
         stage(kForAll)},
    Rule{RuleId::inclusive_c14n, "SIG020", W, "Inclusive canonicalization",
         "The signature uses inclusive c14n (1.0 or 1.1). It verifies, but the signed bytes "
         "include every namespace declaration in scope from the ancestors, so a proxy or "
         "library that moves or drops a declaration outside the signed element breaks the "
         "signature; exclusive c14n signs only what the element uses.",
         "Configure the IdP to canonicalize with exclusive c14n (xml-exc-c14n#).",
         "https://www.w3.org/TR/xml-exc-c14n/",
         lint_check(kForAll, lint::check_inclusive_c14n)},
    Rule{RuleId::encrypted_id_unusable, "SIG021", E, "EncryptedID not usable",
         "The Subject identifies the user with an EncryptedID (an encrypted NameID) that "
         "cannot be used: no --decrypt-key was given, none of the keys decrypts it, it does "
         "not decrypt to a NameID, or the Subject also has a NameID (one identifier only). "
         "Without the NameID the Subject has no identifier, and AWS requires one.",
         "Pass the SP private key the IdP encrypts to with --decrypt-key; or configure the "
         "IdP to send the NameID unencrypted inside an encrypted assertion.",
         kSamlCore,
         stage_on_assertion(kForAll)},

    // PRO: protocol
    Rule{RuleId::version_not_2, "PRO001", E, "Version is not 2.0", "AWS accepts SAML 2.0 responses only.",
         "Configure the IdP to send SAML 2.0.", kSamlCore,
         stage(kForAll)},
    Rule{RuleId::status_not_success, "PRO002", E, "Status is not Success",
         "The top-level StatusCode must be urn:oasis:names:tc:SAML:2.0:status:Success; the IdP "
         "reported a failure.",
         "Read the StatusMessage and the nested StatusCode; fix the problem at the IdP.", kSamlCore,
         stage(kForAll)},
    Rule{RuleId::issuer_missing, "PRO003", E, "Issuer missing",
         "The assertion must name its issuer; AWS matches it against the identity provider's "
         "entityID.",
         "Set the IdP issuer (in Okta, the 'Identity Provider Issuer' shown in the app's metadata).",
         kAwsTroubleshoot,
         stage_on_assertion(kForAll),
         "Set the IdP issuer (its entityID) in the application for IAM Identity Center."},
    Rule{RuleId::destination_mismatch, "PRO004", E, "Destination does not match the Recipient",
         "When the Response has a Destination it must be the endpoint the assertion is for.",
         "Set the ACS URL (Okta: 'Single sign-on URL') to the AWS sign-in endpoint.", kSamlCore,
         stage_on_assertion(kForAll)},
    Rule{RuleId::response_issuer_differs, "PRO005", E, "Response Issuer differs from the Assertion Issuer",
         "A Response that names an Issuer must name the same IdP as its Assertion (SAML profiles "
         "4.1.4.2): a Response from one party wrapping another party's assertion is refused.",
         "Set one issuer for the IdP application; check any proxy that rewrites the Response.",
         kSamlProfiles,
         verdict_check(kForAll, check_response_issuer)},
    Rule{RuleId::issuer_not_expected, "PRO006", E, "Issuer is not an expected IdP",
         "--issuer names the IdPs whose responses are accepted; the Assertion's Issuer (and the "
         "Response's, when present) must be one of them, compared exactly.",
         "Check which IdP application sent the response, or pass its entityID with --issuer.",
         kAwsTroubleshoot,
         verdict_check(kForAll, check_expected_issuer),
         "Check which IdP application sent the response: IAM Identity Center accepts only the "
         "IdP whose metadata is in Settings > Identity source."},
    Rule{RuleId::authn_statement_missing, "PRO007", E, "AuthnStatement missing",
         "The Web Browser SSO profile requires the bearer assertion to carry at least one "
         "AuthnStatement (SAML profiles 4.1.4.2): an assertion without one says nothing about a "
         "sign-in.",
         "Send the assertion the IdP issues for a sign-in (with its AuthnStatement), not an "
         "attribute-only assertion.",
         kSamlProfiles,
         verdict_check(kForAll, check_authn_statement)},

    // SUB: subject and confirmation
    Rule{RuleId::name_id_missing, "SUB001", E, "Subject or NameID missing", "AWS requires a Subject with a NameID.",
         "Configure a NameID (Okta: 'Name ID format' and 'Application username').", kAwsSamlDoc,
         stage_on_assertion(kForAll)},
    Rule{RuleId::not_one_bearer, "SUB002", E, "Not exactly one bearer SubjectConfirmation",
         "AWS requires exactly one SubjectConfirmation with Method "
         "urn:oasis:names:tc:SAML:2.0:cm:bearer.",
         "Configure the IdP for the Web Browser SSO bearer profile.", kSamlProfiles,
         stage_on_assertion(kForAll)},
    Rule{RuleId::confirmation_expiry_missing, "SUB003", E, "SubjectConfirmationData NotOnOrAfter missing",
         "AWS requires an expiry on the bearer confirmation.",
         "Configure the IdP to include NotOnOrAfter in SubjectConfirmationData.", kAwsSamlDoc,
         stage_on_assertion(kForAll)},
    Rule{RuleId::recipient_missing, "SUB004", E, "SubjectConfirmationData Recipient missing",
         "AWS requires the Recipient to name its sign-in endpoint.",
         "Set the IdP's recipient/ACS URL to https://signin.aws.amazon.com/saml.", kAwsSamlDoc,
         stage_on_assertion(kForAll),
         "Set the Recipient to the ACS URL IAM Identity Center shows in Settings > Identity source > "
         "Manage authentication."},
    Rule{RuleId::recipient_not_accepted, "SUB005", E, "Recipient not accepted",
         "The Recipient must be the AWS sign-in endpoint (global, regional, GovCloud or China) or "
         "one given with --recipient, compared exactly.",
         "Set the IdP's Recipient (Okta: 'Recipient URL') to https://signin.aws.amazon.com/saml or "
         "the regional endpoint your trust policy names.",
         kAwsTroubleshoot,
         stage_on_assertion(kForAll),
         "Set the IdP application's ACS URL to one IAM Identity Center shows in Settings > Identity "
         "source > Manage authentication (IPv4 or dual-stack), or pass it with --recipient."},
    Rule{RuleId::confirmation_expired, "SUB006", E, "Bearer confirmation expired",
         "now is at or after the SubjectConfirmationData NotOnOrAfter (plus skew).",
         "Redeem the response promptly; check the clocks; use --now to evaluate at capture time.",
         kSamlProfiles,
         stage_on_assertion(kForAll)},
    Rule{RuleId::encrypted_not_to_provider_acs, "SUB007", W, "Encrypted assertion not sent to the provider-specific ACS URL",
         "An IAM SAML provider with encryption keys has its own ACS URL, "
         "https://<region>.signin.aws.amazon.com/saml/acs/<IdP-ID>; the Recipient (and "
         "Destination) of an encrypted assertion should be that URL so AWS knows which "
         "provider's key decrypts it.",
         "Set the IdP's Single sign-on / Recipient URL to the ACS URL shown on the IAM identity "
         "provider's page.",
         "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml.html",
         lint_check(kForAws, check_provider_acs_url)},
    Rule{RuleId::confirmation_not_yet_valid, "SUB008", E, "Bearer confirmation not yet valid",
         "The SubjectConfirmationData NotBefore is after now (plus skew). The Web Browser SSO "
         "profile says a bearer confirmation should carry no NotBefore; when one is sent, the "
         "confirmation does not hold before it.",
         "Remove NotBefore from SubjectConfirmationData at the IdP, or fix the IdP clock (NTP).",
         kSamlProfiles,
         stage_on_assertion(kForAll)},

    // CND: conditions
    Rule{RuleId::not_yet_valid, "CND001", E, "Not yet valid",
         "Conditions NotBefore is after now (plus skew): usually the IdP's clock runs ahead.",
         "Fix the IdP or client clock (NTP); use --skew to allow a known drift.", kSamlCore,
         stage_on_assertion(kForAll)},
    Rule{RuleId::expired, "CND002", E, "Expired",
         "now is at or after Conditions NotOnOrAfter (plus skew).",
         "Redeem the response promptly; use --now to evaluate at capture time.", kSamlCore,
         stage_on_assertion(kForAll)},
    Rule{RuleId::audience_restriction_missing, "CND003", E, "AudienceRestriction missing",
         "AWS requires the assertion to be restricted to its audience.",
         "Set the audience (Okta: 'Audience URI (SP Entity ID)') to urn:amazon:webservices.",
         kAwsSamlDoc,
         stage_on_assertion(kForAll),
         "Set the audience to the issuer URL IAM Identity Center shows in Settings > Identity "
         "source > Manage authentication."},
    Rule{RuleId::audience_not_accepted, "CND004", E, "Audience not accepted",
         "Every AudienceRestriction must contain an accepted audience (exact match).",
         "Set the audience to urn:amazon:webservices (or the value your trust policy expects).",
         kAwsTroubleshoot,
         stage_on_assertion(kForAll),
         "Set the audience to the issuer URL IAM Identity Center shows in Settings > Identity "
         "source > Manage authentication, or pass it with --audience."},
    Rule{RuleId::session_expired, "CND005", E, "Session expired",
         "now is at or after AuthnStatement SessionNotOnOrAfter (plus skew).",
         "Sign in again at the IdP.", kSamlCore,
         stage_on_assertion(kForAll)},
    Rule{RuleId::invalid_time, "CND006", E, "Invalid time value",
         "A time attribute is not a valid xs:dateTime.",
         "Use UTC times such as 2024-05-01T12:00:00Z.", kSamlCore,
         stage_on_assertion(kForAll)},
    Rule{RuleId::unknown_condition, "CND007", E, "Condition of unknown type",
         "Conditions holds a condition other than AudienceRestriction, OneTimeUse or "
         "ProxyRestriction. A relying party that cannot evaluate a condition must treat the "
         "assertion as Indeterminate (SAML core 2.5.1.5), so it is refused.",
         "Remove the custom condition from the IdP's assertion template.", kSamlCore,
         verdict_check(kForAll, check_unknown_conditions)},

    // AWS: attributes and ARNs
    Rule{RuleId::role_missing, "AWS001", E, "Role attribute missing",
         "https://aws.amazon.com/SAML/Attributes/Role must have at least one value.",
         "In Okta's AWS app, assign the user to a role (Sign On > Role mapping / group filter).",
         kAwsSamlDoc,
         stage_on_assertion(kForAws)},
    Rule{RuleId::role_value_malformed, "AWS002", E, "Role value is not a role and provider ARN pair",
         "Each Role value is exactly one role ARN and one saml-provider ARN separated by a comma, "
         "in either order.",
         "Send values like arn:aws:iam::123456789012:saml-provider/Okta,"
         "arn:aws:iam::123456789012:role/Admin.",
         kAwsSamlDoc,
         stage_on_assertion(kForAws)},
    Rule{RuleId::role_arn_invalid, "AWS003", E, "Invalid role ARN",
         "A role ARN is arn:<partition>:iam::<12 digits>:role/<path><name>, name 1-64 of "
         "[A-Za-z0-9_+=,.@-].",
         "Correct the role ARN in the IdP's role mapping.", kAwsSamlDoc,
         stage_on_assertion(kForAws)},
    Rule{RuleId::provider_arn_invalid, "AWS004", E, "Invalid saml-provider ARN",
         "A provider ARN is arn:<partition>:iam::<12 digits>:saml-provider/<name>, name 1-128 of "
         "[A-Za-z0-9_.-].",
         "Correct the identity provider ARN in the IdP (Okta: 'Identity Provider ARN').",
         kAwsSamlDoc,
         stage_on_assertion(kForAws)},
    Rule{RuleId::role_partitions_differ, "AWS005", E, "Role and provider in different partitions",
         "Both ARNs of one Role value must be in the same partition (aws, aws-us-gov, aws-cn).",
         "Use the provider ARN from the same partition as the role.", kAwsSamlDoc,
         stage_on_assertion(kForAws)},
    Rule{RuleId::role_accounts_differ, "AWS006", W, "Role and provider in different accounts",
         "The role's trust policy must name a provider in its own account; a pair across accounts "
         "fails at sign-in.",
         "Pair each role with the saml-provider of the same account.", kAwsTroubleshoot,
         stage_on_assertion(kForAws)},
    Rule{RuleId::role_whitespace, "AWS007", W, "Whitespace around Role ARNs",
         "Whitespace around the ARNs was trimmed; other SAML consumers may not trim it.",
         "Remove spaces and line breaks from the Role attribute value.", kAwsSamlDoc,
         stage_on_assertion(kForAws)},
    Rule{RuleId::session_name_missing, "AWS008", E, "RoleSessionName missing or repeated",
         "https://aws.amazon.com/SAML/Attributes/RoleSessionName must have exactly one value.",
         "Map RoleSessionName to one user attribute (Okta sends the username by default).",
         kAwsSamlDoc,
         stage_on_assertion(kForAws)},
    Rule{RuleId::session_name_invalid, "AWS009", E, "Invalid RoleSessionName",
         "RoleSessionName must be 2-64 characters of [A-Za-z0-9_+=,.@-].",
         "Map it to an attribute without spaces or other characters (for example the e-mail).",
         kStsApi,
         stage_on_assertion(kForAws)},
    Rule{RuleId::session_duration_invalid, "AWS010", E, "Invalid SessionDuration",
         "SessionDuration, when present, is one integer from 900 to 43200 seconds.",
         "Set the session duration (Okta: 'Session Duration') to a value in that range.",
         kAwsSamlDoc,
         stage_on_assertion(kForAws)},
    Rule{RuleId::message_too_large, "AWS011", E, "SAML message over 100,000 base64 characters",
         "AssumeRoleWithSAML refuses a SAMLAssertion longer than 100,000 characters.",
         "Send fewer attributes or groups (trim role and group lists at the IdP).", kStsApi,
         stage(kForAws)},
    Rule{RuleId::endpoint_partition_mismatch, "AWS012", E, "Audience or Recipient partition differs from the role partition",
         "The AWS audience and sign-in endpoint belong to one partition (aws, aws-us-gov, aws-cn); "
         "a role ARN in another partition cannot be assumed through them.",
         "Point the IdP at the sign-in endpoint and audience of the roles' partition (GovCloud: "
         "https://signin.amazonaws-us-gov.com/saml, urn:amazon:webservices:govcloud).",
         kAwsRelyingParty,
         verdict_check(kForAws, check_endpoint_partition)},
    Rule{RuleId::regional_recipient_default_trust, "AWS013", W, "Regional Recipient with the default trust policy",
         "With a regional Recipient, saml:aud is the regional endpoint, but the console's "
         "default role trust policy requires saml:aud = https://signin.aws.amazon.com/saml, so "
         "sign-in fails unless the trust policy lists the regional endpoint.",
         "Add the regional endpoint to the roles' trust policy condition on saml:aud, or use "
         "https://signin.aws.amazon.com/saml as the Recipient (Okta: 'Single sign-on URL').",
         kAwsRelyingParty,
         lint_check(kForAws, lint::check_regional_recipient)},
    Rule{RuleId::duplicate_roles, "AWS014", W, "Duplicate Role values",
         "The same role and provider pair is sent twice; the role chooser lists it twice and the "
         "IdP's group-to-role mapping probably overlaps.",
         "Remove the duplicate from the IdP's role mapping (Okta: group filter or role list).",
         kAwsSamlDoc,
         lint_check(kForAws, lint::check_duplicate_roles)},
    Rule{RuleId::long_session_duration, "AWS015", I, "SessionDuration over 3600 seconds",
         "A SessionDuration above one hour works for the console, but tools that pass it to "
         "AssumeRoleWithSAML as DurationSeconds fail unless each role's MaxSessionDuration is "
         "raised to match.",
         "Raise MaxSessionDuration on the roles or lower 'Session Duration' in the Okta AWS app.",
         kAwsMaxSession,
         lint_check(kForAws, lint::check_long_session_duration)},
    Rule{RuleId::tag_not_one_value, "AWS016", E, "PrincipalTag without exactly one value",
         "Each https://aws.amazon.com/SAML/Attributes/PrincipalTag:<key> attribute must carry "
         "exactly one value; STS refuses multi-valued session tags.",
         "Map each tag to a single-valued user attribute.", kAwsSessionTags,
         verdict_check(kForAws, check_tag_values_count)},
    Rule{RuleId::too_many_tags, "AWS017", E, "More than 50 session tags",
         "AssumeRoleWithSAML accepts at most 50 session tags.",
         "Send fewer PrincipalTag attributes.", kAwsSessionTags,
         verdict_check(kForAws, check_tag_count)},
    Rule{RuleId::tag_key_invalid, "AWS018", E, "Invalid session tag key",
         "A tag key is 1-128 characters of letters, digits, spaces and _ . : / = + - @.",
         "Rename the PrincipalTag:<key> attribute.", kAwsSessionTags,
         verdict_check(kForAws, check_tag_keys)},
    Rule{RuleId::tag_value_invalid, "AWS019", E, "Invalid session tag value",
         "A tag value is 0-256 characters of letters, digits, spaces and _ . : / = + - @.",
         "Map the tag to an attribute whose values fit that set, or transform it at the IdP.",
         kAwsSessionTags,
         verdict_check(kForAws, check_tag_values)},
    Rule{RuleId::tag_key_reserved_prefix, "AWS020", E, "Session tag key uses the aws: prefix",
         "Keys starting with aws: (any case) are reserved by AWS; STS refuses them.",
         "Rename the tag.", kAwsSessionTags,
         verdict_check(kForAws, check_tag_aws_prefix)},
    Rule{RuleId::tag_keys_case_duplicate, "AWS021", E, "Session tag keys differ only in case",
         "Tag keys are case-insensitive: two PrincipalTag attributes whose keys differ only in "
         "case are duplicates and STS refuses them.",
         "Send each tag key once.", kAwsSessionTags,
         verdict_check(kForAws, check_tag_duplicate_keys)},
    Rule{RuleId::transitive_key_absent, "AWS022", W, "TransitiveTagKeys names an absent tag",
         "Every TransitiveTagKeys value must be the key of a PrincipalTag in the same assertion.",
         "Remove the key from TransitiveTagKeys or add the PrincipalTag.", kAwsSessionTags,
         verdict_check(kForAws, check_transitive_tag_keys)},
    Rule{RuleId::source_identity_invalid, "AWS023", E, "Invalid SourceIdentity",
         "SourceIdentity is exactly one value of 2-64 characters of [A-Za-z0-9_+=,.@-].",
         "Map SourceIdentity to one attribute such as the user name or e-mail.",
         kAwsSourceIdentity,
         verdict_check(kForAws, check_source_identity)},
    Rule{RuleId::source_identity_reserved_prefix, "AWS024", E, "SourceIdentity uses the aws: prefix",
         "A SourceIdentity starting with aws: (any case) is reserved by AWS and refused.",
         "Map SourceIdentity to another attribute.", kAwsSourceIdentity,
         verdict_check(kForAws, check_source_identity_prefix)},
    Rule{RuleId::identity_center_name_id_not_email, "AWS025", E, "Identity Center NameID is not an e-mail address",
         "IAM Identity Center matches the NameID against the user's user name, which it expects "
         "to be an e-mail address (format emailAddress).",
         "Set the Name ID format to EmailAddress and send the user's e-mail (Okta: Sign On > "
         "'Application username format': Email).",
         kIdentityCenter,
         verdict_check(kForIdentityCenter, check_identity_center_name_id)},
    Rule{RuleId::identity_center_role_attributes, "AWS026", I, "Role attributes in an Identity Center response",
         "IAM Identity Center ignores the IAM federation attributes (Role, RoleSessionName, "
         "SessionDuration); permission sets decide access.",
         "Remove the IAM federation attributes from the Identity Center application.",
         kIdentityCenter,
         lint_check(kForIdentityCenter, lint::check_identity_center_roles)},
    Rule{RuleId::identity_center_encrypted, "AWS027", E, "Encrypted assertion sent to IAM Identity Center",
         "IAM Identity Center does not accept encrypted SAML assertions; only IAM SAML providers "
         "with an uploaded private key do.",
         "Turn off assertion encryption in the IdP application for IAM Identity Center.",
         kIdentityCenter,
         verdict_check(kForAwsAndIdentityCenter, check_identity_center_encryption)},
    Rule{RuleId::identity_center_not_pinned, "AWS028", I, "Identity Center instance not pinned",
         "Without --audience and --recipient, any IAM Identity Center instance's issuer URL and "
         "ACS URL are accepted; the finding names the instance the response is for so that it "
         "can be pinned.",
         "Pass the issuer URL with --audience and the ACS URL with --recipient, as Settings > "
         "Identity source > Manage authentication shows them.",
         "https://docs.aws.amazon.com/singlesignon/latest/userguide/multi-region-workforce-access.html",
         verdict_check(kForIdentityCenter, check_identity_center_pinned)},

    // HYG: hygiene
    Rule{RuleId::issued_too_long_ago, "HYG001", E, "Issued more than 5 minutes ago",
         "STS refuses a response not redeemed within 5 minutes of its IssueInstant (\"Token must "
         "be redeemed within 5 minutes of issuance\").",
         "Redeem the response at once; check the IdP clock.", kAwsTroubleshoot,
         stage_on_assertion(kForAws)},
    Rule{RuleId::issue_instant_future, "HYG002", W, "IssueInstant in the future",
         "The assertion says it was issued after --now (plus skew): the IdP clock runs ahead, "
         "and STS refuses such responses.",
         "Synchronise the IdP clock (NTP); use --skew to allow a known drift.", kAwsTroubleshoot,
         lint_check(kForAll, lint::check_issue_instant_future)},
    Rule{RuleId::long_assertion_lifetime, "HYG003", W, "Assertion lifetime over 5 minutes",
         "Conditions NotOnOrAfter is more than 5 minutes after IssueInstant. AWS refuses the "
         "response after 5 minutes anyway; a longer window only widens the replay window for "
         "other consumers of the same assertion.",
         "Shorten the assertion validity at the IdP to 5 minutes or less.", kSamlProfiles,
         lint_check(kForAll, lint::check_assertion_lifetime)},
    Rule{RuleId::session_ends_before_duration, "HYG004", I, "SessionNotOnOrAfter ends before SessionDuration",
         "AuthnStatement SessionNotOnOrAfter is earlier than IssueInstant plus SessionDuration: "
         "the IdP ends its session before the AWS session it grants, so the two disagree on "
         "when the user must sign in again.",
         "Align the IdP session lifetime with the SessionDuration attribute (Okta: Session "
         "Duration in the AWS app's Sign On settings).",
         kAwsSamlDoc,
         lint_check(kForAws, lint::check_session_not_on_or_after)},
    Rule{RuleId::name_id_format_unlisted, "HYG005", W, "NameID format AWS does not list",
         "AWS documents four NameID format URIs: SAML 2.0 persistent and transient, SAML 1.1 "
         "emailAddress and unspecified (urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified; "
         "it reports the format as saml:sub_type); other formats, including a SAML 2.0 "
         "'unspecified', make trust policies on saml:sub and saml:sub_type unreliable.",
         "Set the Name ID format (Okta: Sign On > Edit > 'Name ID format') to Persistent, "
         "Transient, EmailAddress or Unspecified.",
         kAwsSamlDoc,
         lint_check(kForAwsAndIdentityCenter, lint::check_name_id_format)},

    // MET: IdP metadata (--metadata), what IAM demands of an uploaded metadata document
    Rule{RuleId::metadata_encoding, "MET001", E, "Metadata is not UTF-8 without a byte order mark",
         "IAM accepts a SAML provider's metadata document only as UTF-8 without a BOM; a BOM, "
         "UTF-16 or another encoding makes the upload fail.",
         "Download the metadata again from the IdP (Okta: AWS app > Sign On > 'Identity Provider "
         "metadata') and save it as UTF-8 without a BOM; do not re-save it in an editor that adds one.",
         kIamCreateSamlProvider,
         metadata_document(kForAws)},
    Rule{RuleId::metadata_size, "MET002", E, "Metadata size outside 1,000 to 10,000,000 characters",
         "IAM's CreateSAMLProvider and UpdateSAMLProvider accept a metadata document of 1,000 to "
         "10,000,000 characters; a shorter one is usually a truncated download or an error page.",
         "Upload the complete metadata XML the IdP publishes (Okta: 'Identity Provider metadata').",
         kIamCreateSamlProvider,
         metadata_document(kForAws)},
    Rule{RuleId::metadata_no_entity, "MET003", E, "No EntityDescriptor with an entityID",
         "The metadata must be an md:EntityDescriptor whose entityID names the IdP; IAM matches "
         "the Issuer of each assertion against it.",
         "Use the IdP's own metadata (Okta: the entityID is the 'Identity Provider Issuer').",
         kAwsTroubleshoot,
         metadata_document(kForAll)},
    Rule{RuleId::metadata_no_signing_certificate, "MET004", E, "No usable signing certificate in the IDPSSODescriptor",
         "An IDPSSODescriptor must carry at least one KeyDescriptor for signing (use=\"signing\" "
         "or no use) with an X509Certificate that can be decoded; without it no assertion can "
         "be verified.",
         "Download the metadata of the SAML 2.0 app again (Okta: Sign On > SAML Signing "
         "Certificates > Actions > View IdP metadata of the active certificate).",
         kIamCreateSamlProvider,
         metadata_document(kForAll)},
    Rule{RuleId::metadata_certificate_expired, "MET005", E, "Metadata signing certificate expired",
         "A signing certificate in the metadata is past its notAfter at --cert-now (default: the clock); IAM refuses "
         "metadata with expired certificates, and responses signed with it fail.",
         "Rotate the signing certificate at the IdP (Okta: Sign On > SAML Signing Certificates) "
         "and upload the new metadata to the IAM identity provider.",
         kIamCreateSamlProvider,
         metadata_document(kForAll)},
    Rule{RuleId::metadata_certificate_expiring, "MET006", W, "Metadata signing certificate expires within 30 days",
         "A signing certificate in the metadata expires within 30 days of --cert-now (default: the clock); sign-in breaks "
         "when it does unless the next certificate is uploaded first.",
         "Generate the next certificate at the IdP (Okta: Sign On > SAML Signing Certificates), "
         "add it to the metadata uploaded to IAM, then activate it.",
         kIamCreateSamlProvider,
         metadata_document(kForAll)},
    Rule{RuleId::metadata_weak_key, "MET007", E, "Metadata signing key under 1024 bits",
         "IAM refuses metadata whose RSA signing key is shorter than 1024 bits.",
         "Issue a 2048-bit (or larger) RSA signing key at the IdP and upload its metadata.",
         kIamCreateSamlProvider,
         metadata_document(kForAws)},
    Rule{RuleId::issuer_not_metadata_entity, "MET008", E, "Issuer is not the metadata entityID",
         "The key that verified the assertion came from IdP metadata (--metadata), and the "
         "Issuer of the Assertion (or of the Response) is not that metadata's entityID. AWS "
         "refuses it: \"Issuer not present in specified provider\".",
         "Upload the metadata of the app that sends this response, or set the IdP issuer (Okta: "
         "'Identity Provider Issuer') to the entityID in the metadata.",
         kAwsTroubleshoot,
         verdict_check(kForAll, check_issuer_in_metadata),
         "Upload the metadata of the IdP application that sends this response in IAM Identity "
         "Center (Settings > Identity source > Manage authentication)."},
    Rule{RuleId::key_not_in_metadata, "MET009", E, "Signing key is not in the metadata",
         "The key that verified the response (given with --cert, --pubkey or --fingerprint) is none of the "
         "signing certificates of the --metadata documents, so the IAM identity provider built "
         "from that metadata would refuse the response.",
         "Upload metadata holding the active signing certificate to the IAM identity provider "
         "(Okta: Sign On > SAML Signing Certificates > View IdP metadata).",
         kAwsTroubleshoot,
         lint_check(kForAll, lint::check_key_in_metadata)},

    // DRF: drift from a baseline of a known-good response (--baseline)
    Rule{RuleId::baseline_not_compared, "DRF001", E, "Baseline not compared: no verified assertion",
         "--baseline compares only values covered by a trusted signature, and no trusted "
         "signature covers this message's assertion, so the drift check did not run.",
         "Fix the signature findings first (trust options, key rotation), then lint again.",
         kAwsTroubleshoot,
         baseline_check(lint::check_baseline_compared)},
    Rule{RuleId::baseline_issuer, "DRF002", E, "Issuer differs from the baseline",
         "The assertion's Issuer is not the one recorded in the baseline: the response comes "
         "from another IdP or app.",
         "If the new issuer is intended, write a new baseline (--write-baseline); otherwise "
         "check which app (Okta: 'Identity Provider Issuer') sends the response.",
         kAwsTroubleshoot,
         baseline_check(lint::check_baseline_issuer)},
    Rule{RuleId::baseline_certificates, "DRF003", E, "Signing certificate differs from the baseline",
         "The response is signed with a certificate the baseline does not record: the IdP "
         "rotated its signing key, or signs with another app's key.",
         "After a planned rotation, upload the new metadata to IAM and write a new baseline "
         "(Okta: Sign On > SAML Signing Certificates).",
         kAwsTroubleshoot,
         baseline_check(lint::check_baseline_certificates)},
    Rule{RuleId::baseline_algorithm_weaker, "DRF004", E, "Signature algorithm weaker than the baseline",
         "A signature or digest algorithm uses a weaker hash than the baseline recorded (for "
         "example SHA-256 to SHA-1).",
         "Set the signature algorithm back (Okta: Sign On > Edit > Signature Algorithm: "
         "RSA-SHA256; Digest Algorithm: SHA256).",
         kAwsTroubleshoot,
         baseline_check(lint::check_baseline_algorithm_weaker)},
    Rule{RuleId::baseline_algorithm_changed, "DRF005", W, "Signature algorithm differs from the baseline",
         "A signature or digest algorithm changed without getting weaker (for example SHA-256 to "
         "SHA-512). Harmless for AWS, but an unplanned IdP change.",
         "If intended, write a new baseline (--write-baseline).", kAwsTroubleshoot,
         baseline_check(lint::check_baseline_algorithm_changed)},
    Rule{RuleId::baseline_signed_elements, "DRF006", E, "Signed elements differ from the baseline",
         "The set of elements carrying a verified signature (Response, Assertion) changed, for "
         "example the assertion is no longer signed on its own.",
         "Restore the signing setting (Okta: Sign On > Edit > Assertion Signature / Response).",
         kAwsTroubleshoot,
         baseline_check(lint::check_baseline_signed_elements)},
    Rule{RuleId::baseline_roles, "DRF007", E, "Role set differs from the baseline",
         "Roles were added to or removed from the Role attribute since the baseline: the user "
         "may lose or gain access.",
         "Check the IdP's group-to-role mapping (Okta: AWS app > Sign On > role mapping or group "
         "filter); write a new baseline if the change is intended.",
         kAwsTroubleshoot,
         baseline_check(lint::check_baseline_roles)},
    Rule{RuleId::baseline_attributes, "DRF008", E, "Attribute names differ from the baseline",
         "Attributes were added to or removed from the assertion since the baseline (a lost "
         "RoleSessionName or a new session tag changes what AWS does).",
         "Check the app's attribute statements at the IdP; write a new baseline if intended.",
         kAwsTroubleshoot,
         baseline_check(lint::check_baseline_attributes)},
    Rule{RuleId::baseline_name_id_format, "DRF009", E, "NameID format differs from the baseline",
         "The NameID format changed; AWS reports it as saml:sub_type, so trust policies and "
         "audit queries on it change meaning.",
         "Set the Name ID format back (Okta: Sign On > Edit > 'Name ID format').", kAwsTroubleshoot,
         baseline_check(lint::check_baseline_name_id_format)},
    Rule{RuleId::baseline_lifetimes, "DRF010", E, "Lifetime differs from the baseline",
         "An assertion, bearer confirmation or IdP session lifetime (whole minutes after "
         "IssueInstant or AuthnInstant) or the SessionDuration attribute changed.",
         "Check the app's session and assertion validity settings (Okta: 'Session Duration'); "
         "write a new baseline if intended.",
         kAwsTroubleshoot,
         baseline_check(lint::check_baseline_lifetimes)},
    Rule{RuleId::baseline_session_name, "DRF011", E, "RoleSessionName source differs from the baseline",
         "RoleSessionName used to repeat one signed value (the NameID or an attribute) and now "
         "repeats another or none, so CloudTrail session names change.",
         "Map RoleSessionName back to the same user attribute (Okta: AWS app > Sign On > "
         "attribute statements).",
         kAwsTroubleshoot,
         baseline_check(lint::check_baseline_session_name)},
    // IAM: what AWS does with the verified assertion (saml-verify/saml-lint --iam,
    // --iam-saml-provider, --identity-store). One row per reason code of the AWS side.
    Rule{RuleId::trust_other_provider, "IAM001", E, "Trust policy names another SAML provider",
         "No Allow statement of the role's trust policy has the Role pair's provider as "
         "Principal.Federated, so STS refuses AssumeRoleWithSAML (AccessDenied).",
         "IAM console > Roles > the role > Trust relationships > Edit trust policy: set "
         "Principal.Federated to the provider ARN the Role value names (or fix the Role value).",
         kAwsTrustSaml, aws_side()},
    Rule{RuleId::trust_action_not_allowed, "IAM002", E, "Trust policy does not allow sts:AssumeRoleWithSAML",
         "A statement names the provider but none allows the action sts:AssumeRoleWithSAML.",
         "IAM console > Roles > the role > Trust relationships > Edit trust policy: allow "
         "\"sts:AssumeRoleWithSAML\" for the provider.",
         kAwsTrustSaml, aws_side()},
    Rule{RuleId::trust_aud_mismatch, "IAM003", E, "SAML:aud condition does not match the Recipient",
         "The trust policy's SAML:aud condition (compared with the SubjectConfirmationData "
         "Recipient, not the Audience) names another sign-in endpoint, typically the global "
         "https://signin.aws.amazon.com/saml while the IdP posts to a regional one.",
         "IAM console > Roles > the role > Trust relationships > Edit trust policy: list every "
         "sign-in endpoint the IdP posts to in SAML:aud (StringEquals with several values), or "
         "point the IdP's ACS URL back at the endpoint the policy names.",
         kAwsSamlKeys, aws_side()},
    Rule{RuleId::trust_condition_mismatch, "IAM004", E, "A trust policy condition does not match",
         "A condition of the statement that would allow the call is false for this assertion "
         "(the message names the operator, key, values and what the assertion gives).",
         "IAM console > Roles > the role > Trust relationships: change the condition, or the IdP "
         "attribute it tests (Okta: AWS app > Sign On > attribute statements).",
         kAwsConditionOperators, aws_side()},
    Rule{RuleId::trust_explicit_deny, "IAM005", E, "An explicit Deny in the trust policy refuses the call",
         "A Deny statement matches this assertion; an explicit Deny wins over every Allow.",
         "IAM console > Roles > the role > Trust relationships: narrow the Deny statement's "
         "conditions if this user should get the role.",
         kAwsConditionOperators, aws_side()},
    Rule{RuleId::trust_missing_tag_session, "IAM006", E, "Session tags sent without sts:TagSession",
         "The assertion sends PrincipalTag or TransitiveTagKeys attributes, so STS also authorizes "
         "sts:TagSession, which the trust policy does not allow: the whole sign-in fails.",
         "IAM console > Roles > the role > Trust relationships: add \"sts:TagSession\" for the "
         "provider (its own statement if others test saml: keys it does not see), or stop sending "
         "the tags (Okta: AWS app > Sign On).",
         kAwsSessionTags, aws_side()},
    Rule{RuleId::trust_missing_set_source_identity, "IAM007", E, "SourceIdentity sent without sts:SetSourceIdentity",
         "The assertion sends SourceIdentity, so STS also authorizes sts:SetSourceIdentity, which "
         "the trust policy does not allow: the whole sign-in fails.",
         "IAM console > Roles > the role > Trust relationships: add a statement allowing "
         "\"sts:SetSourceIdentity\" for the provider (it sees only sts:SourceIdentity).",
         kAwsSourceIdentity, aws_side()},
    Rule{RuleId::reserved_sso_role, "IAM008", E, "IAM Identity Center role in a Role pair",
         "AWSReservedSSO_* roles belong to IAM Identity Center permission sets and trust only its "
         "own provider; AssumeRoleWithSAML from another IdP cannot assume them.",
         "Assign the permission set to the user in IAM Identity Center, or map the IdP group to "
         "an IAM role of your own (Okta: AWS app > Sign On > Role mapping).",
         kIdentityCenter, aws_side()},
    Rule{RuleId::trust_policy_invalid, "IAM009", E, "Trust policy IAM would refuse",
         "The trust policy has NotPrincipal, Resource, a statement without Principal or Action, or "
         "an unknown condition operator: IAM refuses such a trust policy.",
         "IAM console > Roles > the role > Trust relationships > Edit trust policy: name the "
         "provider in Principal.Federated and remove what the message names.",
         kAwsTrustSaml, aws_side()},
    Rule{RuleId::duration_over_role_max, "IAM010", W, "SessionDuration over the role's MaxSessionDuration",
         "The console accepts it (the session lasts SessionDuration), but CLI tools that pass it "
         "as DurationSeconds (saml2aws and the like) get STS's ValidationError.",
         "IAM console > Roles > the role > Summary > Edit: raise Maximum session duration, or "
         "lower SessionDuration at the IdP (Okta: AWS app > Sign On > Session Duration).",
         kAwsMaxSession, aws_side()},
    Rule{RuleId::trust_condition_unknown, "IAM011", W, "Trust policy depends on keys unknown offline",
         "A condition tests a key only the live request carries (aws:SourceIp, aws:UserAgent, ...); "
         "samlkit does not guess it, so whether the role is assumable is unknown.",
         "Check the condition against where users sign in from; nothing to fix if it holds.",
         kAwsConditionOperators, aws_side()},
    Rule{RuleId::role_not_in_exports, "IAM012", W, "Role not in the IAM exports",
         "The Role pair names a role none of the --iam exports lists: its trust policy is unknown.",
         "Export it too: aws iam get-role --role-name NAME, or get-account-authorization-details "
         "--filter Role in its account.",
         kAwsAuthorizationDetails, aws_side()},
    Rule{RuleId::saml_provider_expired, "IAM013", E, "SAML provider past its ValidUntil",
         "The IAM SAML provider's ValidUntil has passed; STS refuses assertions for it.",
         "IAM console > Identity providers > the provider: upload fresh metadata (or recreate it).",
         kIamCreateSamlProvider, aws_side()},
    Rule{RuleId::saml_provider_not_given, "IAM014", W, "Role pair's provider not among --iam-saml-provider",
         "The assertion was checked against other providers' metadata; the provider this Role "
         "pair names may hold other keys.",
         "Pass its get-saml-provider output with --iam-saml-provider ARN=FILE.",
         kIamCreateSamlProvider, aws_side()},
    Rule{RuleId::iam_export_partial, "IAM015", I, "IAM export is partial",
         "get-account-authorization-details printed IsTruncated/Marker: roles beyond this page are "
         "not known.",
         "Export without --max-items (the CLI pages through every role by default).",
         kAwsAuthorizationDetails, aws_side()},
    Rule{RuleId::identity_store_no_user, "IAM016", E, "NameID matches no Identity Center user",
         "IAM Identity Center matches the NameID against the UserName of a provisioned user; none "
         "in the identity store export has it, so sign-in fails.",
         "Provision the user (SCIM from the IdP), or send the attribute UserName holds as NameID "
         "(Okta: Identity Center app > Sign On > Application username format).",
         kIdentityCenterScim, aws_side()},
    // OKT: Okta's AWS app group mapping (saml-verify/saml-lint --okta-groups ...).
    Rule{RuleId::okta_mapping_incomplete, "OKT001", E, "Okta group mapping is incomplete",
         "The Group Filter must capture (?{{accountid}}...) and (?{{role}}...), and the Role Value "
         "Pattern must use ${accountid} and ${role}; otherwise groups map to nothing or to the "
         "same value.",
         "Okta Admin > Applications > AWS app > Sign On > Advanced Sign-on Settings: fix Group "
         "Filter and Role Value Pattern.",
         kOktaAwsGuide, aws_side()},
    Rule{RuleId::okta_invalid_role_value, "OKT002", E, "Okta group mapping produces an invalid Role value",
         "A group matched the filter but the Role Value Pattern gives a value that is not a role "
         "and provider ARN pair (a short account number, a bad name): AWS rejects the response.",
         "Rename the Okta group to aws#<alias>#<role>#<12-digit account>, or fix the Role Value "
         "Pattern (Okta: AWS app > Sign On > Advanced Sign-on Settings).",
         kOktaAwsGuide, aws_side()},
    Rule{RuleId::okta_provider_names_differ, "OKT003", W, "Okta Role values name different provider names",
         "One Okta AWS app sends one provider name; each account needs an IAM SAML provider of "
         "exactly that name.",
         "Create the provider under the same name in every account (IAM console > Identity "
         "providers), and use it in the Role Value Pattern.",
         kOktaAwsGuide, aws_side()},
    Rule{RuleId::okta_role_missing, "OKT004", E, "Okta's mapping gives a Role value the assertion lacks",
         "A group of the user maps to a Role value that is not in the assertion: the configuration "
         "in use differs from the one given, or the group assignment has not reached the app.",
         "Okta Admin > Applications > AWS app > Sign On: compare Group Filter and Role Value "
         "Pattern; check the user's groups are assigned to the app.",
         kOktaAwsGuide, aws_side()},
    Rule{RuleId::okta_role_unexpected, "OKT005", W, "Assertion carries a Role value Okta's mapping does not give",
         "The assertion has a Role value none of the user's groups produce with this filter and "
         "pattern.",
         "Okta Admin > Applications > AWS app > Sign On: check the Group Filter, Role Value "
         "Pattern and any per-user role assignment.",
         kOktaAwsGuide, aws_side()},
};

// rule(RuleId) indexes the table: the rows are in the order of the RuleId enumerators.
constexpr bool rows_in_handle_order() {
  for (std::size_t i = 0; i < kRules.size(); ++i) {
    if (static_cast<std::size_t>(kRules[i].handle) != i) return false;
  }
  return true;
}
static_assert(rows_in_handle_order(), "rule rows must follow the order of RuleId");
static_assert(kRules.size() == static_cast<std::size_t>(RuleId::okta_role_unexpected) + 1,
              "one row per RuleId");

}  // namespace

std::span<const Rule> all_rules() { return kRules; }

const Rule& rule(RuleId handle) { return kRules[static_cast<std::size_t>(handle)]; }

// Called for every finding and rule of every message: a binary search over an index sorted
// once by ID instead of a scan of the table.
const Rule* find_rule(std::string_view id) {
  static const std::vector<const Rule*> by_id = [] {
    std::vector<const Rule*> index;
    index.reserve(kRules.size());
    for (const Rule& rule : kRules) index.push_back(&rule);
    std::sort(index.begin(), index.end(), [](const Rule* a, const Rule* b) { return a->id < b->id; });
    return index;
  }();
  const auto it = std::lower_bound(by_id.begin(), by_id.end(), id,
                                   [](const Rule* rule, std::string_view key) { return rule->id < key; });
  return it != by_id.end() && (*it)->id == id ? *it : nullptr;
}

bool rule_in_profile(const Rule& rule, Profile profile) {
  switch (profile) {
    case Profile::Aws: return (rule.use.profiles & rule_profile::aws) != 0;
    case Profile::AwsIdentityCenter: return (rule.use.profiles & rule_profile::identity_center) != 0;
    case Profile::Generic: return (rule.use.profiles & rule_profile::generic) != 0;
  }
  return false;
}

std::string_view Rule::fix_for(Profile profile) const {
  return profile == Profile::AwsIdentityCenter && !identity_center_fix.empty() ? identity_center_fix
                                                                                : fix;
}

}  // namespace saml
