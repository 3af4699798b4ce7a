// One Role attribute value: a role ARN and a saml-provider ARN separated by one comma,
// in either order. Error codes tell the AWS stage which rule applies:
//   aws.role.shape (AWS002), aws.role.role_arn (AWS003), aws.role.provider_arn (AWS004).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "aws/quote.h"
#include "aws/role_value.h"
#include "saml/aws.h"

namespace saml {
namespace {

using detail::quote_value;

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

Error role_error(ErrorCode code, std::string message) {
  return Error{ErrorKind::Decode, code, std::move(message), {}};
}

// What one comma-separated part is, or is evidently meant to be.
struct Part {
  std::string_view text;
  Expected<Arn> arn;
  std::optional<ArnKind> kind;  // parsed kind, or the kind its resource names; nullopt if unclear
};

Part classify(std::string_view text) {
  Part part{text, parse_iam_arn(text), std::nullopt};
  if (part.arn) {
    part.kind = part.arn->kind;
  } else if (text.find(":saml-provider/") != std::string_view::npos) {
    part.kind = ArnKind::SamlProvider;
  } else if (text.find(":role/") != std::string_view::npos) {
    part.kind = ArnKind::Role;
  }
  return part;
}

Error single_value_error(std::string_view value) {
  if (value.empty()) {
    return role_error(ErrorCode::AwsRoleShape,
                      "the value is empty; expected a role ARN and a saml-provider ARN");
  }
  const Part part = classify(value);
  std::string found = "found no comma in " + quote_value(value);
  if (part.arn && part.kind == ArnKind::Role) found = "found only a role ARN " + quote_value(value);
  if (part.arn && part.kind == ArnKind::SamlProvider) {
    found = "found only a saml-provider ARN " + quote_value(value);
  }
  return role_error(ErrorCode::AwsRoleShape,
                    found + "; expected a role ARN and a saml-provider ARN separated by a comma");
}

Error same_kind_error(ArnKind kind) {
  return role_error(ErrorCode::AwsRoleShape,
                    std::string("found two ") + (kind == ArnKind::Role ? "role" : "saml-provider") +
                        " ARNs; expected one role ARN and one saml-provider ARN");
}

}  // namespace

std::optional<Error> detail::parse_role_value_into(std::string_view value, RolePair& pair) {
  const std::size_t comma = value.find(',');
  if (comma == std::string_view::npos) return single_value_error(trim(value));
  if (value.find(',', comma + 1) != std::string_view::npos) {
    std::size_t parts = 1;
    for (char c : value) parts += c == ',' ? 1 : 0;
    return role_error(ErrorCode::AwsRoleShape, "found " + std::to_string(parts) +
                                            " comma-separated parts in " + quote_value(value) +
                                            "; expected exactly two ARNs");
  }

  const std::string_view first_raw = value.substr(0, comma);
  const std::string_view second_raw = value.substr(comma + 1);
  Part first = classify(trim(first_raw));
  Part second = classify(trim(second_raw));
  if (first.text.empty() || second.text.empty()) {
    return role_error(ErrorCode::AwsRoleShape, std::string("found an empty ARN ") +
                                            (first.text.empty() ? "before" : "after") +
                                            " the comma in " + quote_value(value));
  }
  // A part that names neither kind is taken to be whatever the other part is not.
  if (!first.kind && !second.kind) {
    return role_error(ErrorCode::AwsRoleShape, "found neither a role nor a saml-provider ARN in " +
                                            quote_value(value));
  }
  const auto other = [](ArnKind kind) {
    return kind == ArnKind::Role ? ArnKind::SamlProvider : ArnKind::Role;
  };
  if (!first.kind) first.kind = other(*second.kind);
  if (!second.kind) second.kind = other(*first.kind);
  if (*first.kind == *second.kind) return same_kind_error(*first.kind);

  const bool provider_first = *first.kind == ArnKind::SamlProvider;
  Part& role = provider_first ? second : first;
  Part& provider = provider_first ? first : second;
  if (!role.arn) {
    std::string message =
        "role ARN " + quote_value(role.text) + " is invalid: " + role.arn.error().message;
    if (!provider.arn) {
      message += "; saml-provider ARN " + quote_value(provider.text) +
                 " is invalid too: " + provider.arn.error().message;
    }
    return role_error(ErrorCode::AwsRoleRoleArn, std::move(message));
  }
  if (!provider.arn) {
    return role_error(ErrorCode::AwsRoleProviderArn, "saml-provider ARN " + quote_value(provider.text) +
                                                   " is invalid: " + provider.arn.error().message);
  }

  pair.role = std::move(*role.arn);
  pair.provider = std::move(*provider.arn);
  pair.provider_first = provider_first;
  pair.trimmed = first.text.size() != first_raw.size() || second.text.size() != second_raw.size();
  pair.raw = std::string(value);
  return std::nullopt;
}

Expected<RolePair> parse_role_value(std::string_view value) {
  Expected<RolePair> result(std::in_place);
  if (std::optional<Error> error = detail::parse_role_value_into(value, *result)) result.fail(std::move(*error));
  return result;
}

}  // namespace saml
