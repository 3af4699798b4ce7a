// lint_metadata: an IdP metadata document against what IAM demands of uploaded SAML
// provider metadata (MET001..MET007), and the facts the response cross-checks read.
#include <libxml/xmlstring.h>
#include <openssl/x509.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>
#include <string>

#include "lint/lint_rules.h"
#include "saml/rules.h"
#include "saml/xml.h"
#include "time/duration_text.h"
#include "trust/certificate.h"
#include "trust/metadata_walk.h"

namespace saml {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kMinChars = 1000;
constexpr std::size_t kMaxChars = 10000000;
constexpr std::size_t kMaxMetadataBytes = 64 * 1024 * 1024;  // parse limit, above IAM's
constexpr int kMinRsaBits = 1024;

struct Utf8Scan {
  std::size_t chars = 0;
  std::optional<std::size_t> invalid_at;  // offset of the first byte that is not UTF-8
};

// Counts characters with libxml2's decoder; NUL counts as invalid (XML forbids it, and it
// is what UTF-16 text looks like byte by byte).
Utf8Scan scan_utf8(std::string_view bytes) {
  Utf8Scan scan;
  std::size_t at = 0;
  while (at < bytes.size()) {
    int len = static_cast<int>(std::min<std::size_t>(bytes.size() - at, 4));
    const int c = xmlGetUTF8Char(reinterpret_cast<const xmlChar*>(bytes.data() + at), &len);
    if (c <= 0 || len <= 0) {
      scan.invalid_at = at;
      return scan;
    }
    at += static_cast<std::size_t>(len);
    ++scan.chars;
  }
  return scan;
}

Location line_of_offset(std::string_view bytes, std::size_t offset) {
  Location where;
  where.line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'));
  where.offset = static_cast<long>(offset);
  return where;
}

void check_encoding(std::string_view bytes, const Utf8Scan& scan, const Document& doc,
                    std::vector<Finding>& findings) {
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    findings.push_back(make_finding(RuleId::metadata_encoding, "the document starts with a UTF-8 byte order mark "
                                              "(EF BB BF); IAM wants UTF-8 without a BOM",
                                    line_of_offset(bytes, 0)));
  }
  if (scan.invalid_at) {
    findings.push_back(make_finding(
        RuleId::metadata_encoding, "the document is not UTF-8: byte " + std::to_string(*scan.invalid_at) +
                      " does not start a valid UTF-8 character (UTF-16 or a legacy encoding?)",
        line_of_offset(bytes, *scan.invalid_at)));
    return;
  }
  const xmlChar* declared = doc.get()->encoding;
  if (declared != nullptr && xmlStrcasecmp(declared, reinterpret_cast<const xmlChar*>("UTF-8")) != 0) {
    findings.push_back(make_finding(RuleId::metadata_encoding,
                                    "the XML declaration names encoding \"" +
                                        std::string(reinterpret_cast<const char*>(declared)) +
                                        "\"; IAM wants UTF-8",
                                    line_of_offset(bytes, 0)));
  }
}

void check_size(std::string_view bytes, const Utf8Scan& scan, std::vector<Finding>& findings) {
  const std::size_t chars = scan.invalid_at ? bytes.size() : scan.chars;
  const std::string unit = scan.invalid_at ? " bytes" : " characters";
  if (chars < kMinChars) {
    findings.push_back(make_finding(RuleId::metadata_size, "the document has " + std::to_string(chars) + unit +
                                                  "; IAM wants at least 1,000 (truncated download?)"));
  } else if (chars > kMaxChars) {
    findings.push_back(make_finding(RuleId::metadata_size, "the document has " + std::to_string(chars) + unit +
                                                  "; IAM accepts at most 10,000,000"));
  }
}

// The EntityDescriptors of the document (MET003 when there is none or one lacks entityID).
std::vector<const xmlNode*> entity_descriptors(const Document& doc, IdpMetadata& facts,
                                               std::vector<Finding>& findings) {
  const xmlNode* root = doc.root();
  const std::vector<const xmlNode*> entities = detail::metadata_entities(root);
  if (entities.empty()) {
    findings.push_back(make_finding(RuleId::metadata_no_entity,
                                    "the root element " + std::string(reinterpret_cast<const char*>(root->name)) +
                                        " is not md:EntityDescriptor (nor md:EntitiesDescriptor "
                                        "holding one)",
                                    location_of(root)));
  }
  for (const xmlNode* entity : entities) {
    const std::string id = attribute(entity, "entityID");
    if (id.find_first_not_of(" \t\r\n") == std::string::npos) {
      findings.push_back(make_finding(RuleId::metadata_no_entity, "the EntityDescriptor has no entityID",
                                      location_of(entity, "entityID")));
    } else {
      facts.entity_ids.push_back(id);
    }
  }
  return entities;
}

Expected<CertificateInfo> read_certificate(const xmlNode* node) {
  auto der = detail::der_from_base64_text(text_content(node));
  if (!der) return der.error();
  auto cert = detail::certificate_from_der(*der);
  if (!cert) return cert.error();
  if (X509_get0_pubkey(cert->get()) == nullptr) {
    return Error{ErrorKind::Config, ErrorCode::TrustCertificate, "its public key cannot be decoded", location_of(node)};
  }
  return detail::describe_certificate(cert->get());
}

struct MetadataCertificate {
  CertificateInfo info;
  Location where;
};

// The signing certificates of the IDPSSODescriptors (MET004 for each one that cannot be
// decoded, and for an entity without any).
std::vector<MetadataCertificate> signing_certificates(const std::vector<const xmlNode*>& entities,
                                                      std::vector<Finding>& findings) {
  std::vector<MetadataCertificate> certs;
  for (const xmlNode* entity : entities) {
    std::size_t found = 0;
    for (const xmlNode* node : detail::signing_certificate_nodes(entity)) {
      auto cert = read_certificate(node);
      if (!cert) {
        findings.push_back(make_finding(
            RuleId::metadata_no_signing_certificate, "a signing X509Certificate cannot be used: " + cert.error().message,
            location_of(node)));
        continue;
      }
      certs.push_back({std::move(*cert), location_of(node)});
      ++found;
    }
    if (found == 0) {
      findings.push_back(make_finding(
          RuleId::metadata_no_signing_certificate, "entity \"" + attribute(entity, "entityID") +
                        "\" has no usable signing certificate (IDPSSODescriptor/KeyDescriptor "
                        "[use=\"signing\" or no use]/KeyInfo/X509Data/X509Certificate)",
          location_of(entity)));
    }
  }
  return certs;
}

std::string cert_name(const CertificateInfo& cert) {
  return "signing certificate " + cert.subject + " (SHA-256 " + format_fingerprint(cert.fingerprint) + ")";
}

void check_certificate(const MetadataCertificate& cert, TimePoint now, std::vector<Finding>& findings) {
  const auto& not_after = cert.info.not_after;
  const CertificateValidity state = certificate_validity(cert.info, now);
  if (state == CertificateValidity::Expired) {
    findings.push_back(make_finding(RuleId::metadata_certificate_expired, cert_name(cert.info) + " expired " +
                                                  format_exact_duration(now - *not_after) +
                                                  " before the certificate time (notAfter " + format_xs_datetime(*not_after) +
                                                  ", certificates judged at " + format_xs_datetime(now) + ")",
                                    cert.where));
  } else if (state == CertificateValidity::ExpiringSoon) {
    findings.push_back(make_finding(RuleId::metadata_certificate_expiring, cert_name(cert.info) + " expires in " +
                                                  format_exact_duration(*not_after - now) + " (notAfter " +
                                                  format_xs_datetime(*not_after) + ", certificates judged at " +
                                                  format_xs_datetime(now) + ")",
                                    cert.where));
  }
  if (cert.info.key_type == "RSA" && cert.info.key_bits < kMinRsaBits) {
    findings.push_back(make_finding(RuleId::metadata_weak_key, cert_name(cert.info) + " has an RSA-" +
                                                  std::to_string(cert.info.key_bits) +
                                                  " key; IAM wants at least 1024 bits",
                                    cert.where));
  }
}

}  // namespace

Expected<MetadataLintResult> lint_metadata(std::string_view bytes, std::string_view source,
                                           const LintOptions& options) {
  ParseLimits limits;
  limits.max_bytes = kMaxMetadataBytes;
  auto doc = parse_xml(bytes, limits);
  if (!doc) {
    Error error = doc.error();
    error.message = "IdP metadata: " + error.message;
    return error;
  }
  MetadataLintResult out;
  out.metadata.source = std::string(source);
  std::vector<Finding> findings;
  const Utf8Scan scan = scan_utf8(bytes);
  check_encoding(bytes, scan, *doc, findings);
  check_size(bytes, scan, findings);
  const std::vector<const xmlNode*> entities = entity_descriptors(*doc, out.metadata, findings);
  for (const MetadataCertificate& cert : signing_certificates(entities, findings)) {
    out.metadata.signing_certificates.push_back(cert.info.fingerprint);
    check_certificate(cert, options.policy.cert_now, findings);
  }

  LintResult& result = out.result;
  result.now = options.policy.now;
  result.now_source = options.policy.now_source;
  const std::optional<Profile> given = options.policy.profile;
  result.profile = given.value_or(Profile::Aws);
  result.profile_reason = given ? "given: --profile " + std::string(profile_name(*given))
                                : "default for IdP metadata (no response to detect it from)";
  for (const Rule& rule : all_rules()) {
    if (rule.use.scope != RuleScope::Metadata || !rule_in_profile(rule, result.profile)) {
      result.not_applicable.emplace_back(rule.id);
    }
  }
  for (Finding& finding : findings) {
    const Rule* rule = find_rule(finding.rule_id);
    if (rule != nullptr && rule_in_profile(*rule, result.profile)) result.findings.push_back(std::move(finding));
  }
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.rule_id < b.rule_id; });
  result.accepted = !has_errors(result.findings);
  return out;
}

}  // namespace saml
