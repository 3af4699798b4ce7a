// The stable names of the error codes (saml/error.h): the strings JSON reports show.
#include "saml/error.h"

namespace saml {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::CaptureEmpty: return "capture.empty";
    case ErrorCode::CaptureUnknownFormat: return "capture.unknown-format";
    case ErrorCode::CaptureHtml: return "capture.html";
    case ErrorCode::CaptureJson: return "capture.json";
    case ErrorCode::CaptureJsonSyntax: return "capture.json-syntax";
    case ErrorCode::CaptureNoSaml: return "capture.no-saml";
    case ErrorCode::CaptureForm: return "capture.form";
    case ErrorCode::CapturePercent: return "capture.percent";
    case ErrorCode::CaptureBase64: return "capture.base64";
    case ErrorCode::CaptureInflate: return "capture.inflate";
    case ErrorCode::CaptureNotXml: return "capture.not-xml";
    case ErrorCode::CaptureSize: return "capture.size";
    case ErrorCode::CaptureTime: return "capture.time";
    case ErrorCode::CaptureCommand: return "capture.command";
    case ErrorCode::CaptureEncoding: return "capture.encoding";
    case ErrorCode::XmlSyntax: return "xml.syntax";
    case ErrorCode::XmlSize: return "xml.size";
    case ErrorCode::XmlDoctype: return "xml.doctype";
    case ErrorCode::XmlDepth: return "xml.depth";
    case ErrorCode::XmlNodes: return "xml.nodes";
    case ErrorCode::XmlAttributes: return "xml.attributes";
    case ErrorCode::XmlEntity: return "xml.entity";
    case ErrorCode::XmlNodeType: return "xml.node-type";
    case ErrorCode::XmlCopy: return "xml.copy";
    case ErrorCode::XmlDump: return "xml.dump";
    case ErrorCode::TimeSyntax: return "time.syntax";
    case ErrorCode::TimeRange: return "time.range";
    case ErrorCode::TrustPem: return "trust.pem";
    case ErrorCode::TrustDer: return "trust.der";
    case ErrorCode::TrustBase64: return "trust.base64";
    case ErrorCode::TrustFingerprint: return "trust.fingerprint";
    case ErrorCode::TrustKey: return "trust.key";
    case ErrorCode::TrustMetadata: return "trust.metadata";
    case ErrorCode::TrustCertificate: return "trust.certificate";
    case ErrorCode::TrustPubkey: return "trust.pubkey";
    case ErrorCode::XmlencStructure: return "xmlenc.structure";
    case ErrorCode::XmlencKey: return "xmlenc.key";
    case ErrorCode::XmlencContent: return "xmlenc.content";
    case ErrorCode::AwsArn: return "aws.arn";
    case ErrorCode::AwsRoleShape: return "aws.role.shape";
    case ErrorCode::AwsRoleRoleArn: return "aws.role.role_arn";
    case ErrorCode::AwsRoleProviderArn: return "aws.role.provider_arn";
    case ErrorCode::DecodeNotSaml: return "decode.not-saml";
    case ErrorCode::BaselineJson: return "baseline.json";
    case ErrorCode::InputOpen: return "input.open";
    case ErrorCode::InputRead: return "input.read";
    case ErrorCode::InputSize: return "input.size";
    case ErrorCode::CliSkew: return "cli.skew";
    case ErrorCode::CliLint: return "cli.lint";
    case ErrorCode::UsageProfile: return "usage.profile";
    case ErrorCode::OutputOpen: return "output.open";
    case ErrorCode::CliIndex: return "cli.index";
    case ErrorCode::CliMaxInputSize: return "cli.max-input-size";
    case ErrorCode::IamOption: return "iam.option";
    case ErrorCode::OktaOption: return "okta.option";
    case ErrorCode::CliMaxSize: return "cli.max-size";
    case ErrorCode::CliFormat: return "cli.format";
    case ErrorCode::IamInput: return "iam.input";
    case ErrorCode::IamPolicy: return "iam.policy";
    case ErrorCode::OktaFilter: return "okta.filter";
  }
  return "unknown";  // not reached: every enumerator has a case (-Wswitch checks it)
}

}  // namespace saml
