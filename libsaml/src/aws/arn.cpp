// The IAM ARN grammar for the two resource kinds a SAML Role value carries:
//   arn:<partition>:iam::<12 digits>:role/<path><name>
//   arn:<partition>:iam::<12 digits>:saml-provider/<name>
// Positions in error messages are 1-based byte positions in the ARN text.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "aws/iam_chars.h"
#include "aws/quote.h"
#include "saml/aws.h"

namespace saml {
namespace {

constexpr std::array<std::string_view, 3> kPartitions = {"aws", "aws-us-gov", "aws-cn"};
constexpr std::size_t kAccountDigits = 12;
constexpr std::size_t kRoleNameMax = 64;
constexpr std::size_t kProviderNameMax = 128;
constexpr std::size_t kPathMax = 512;
constexpr std::string_view kRolePrefix = "role/";
constexpr std::string_view kProviderPrefix = "saml-provider/";

using util::CharSet;

constexpr CharSet kProviderNameChars = CharSet::alnum_and("_.-");
constexpr CharSet kPathChars = CharSet::range('\x21', '\x7e');
constexpr CharSet kDigits = CharSet::range('0', '9');

// 'x' for printable ASCII, "byte 0xC3" otherwise (control characters, UTF-8 bytes).
std::string describe_char(char c) {
  if (c >= '\x20' && c <= '\x7e') return std::string("'") + c + "'";
  constexpr std::string_view hex = "0123456789ABCDEF";
  const auto byte = static_cast<unsigned char>(c);
  return std::string("byte 0x") + hex[byte >> 4] + hex[byte & 0x0f];
}

Error arn_error(std::string message) {
  return Error{ErrorKind::Decode, ErrorCode::AwsArn, std::move(message), {}};
}

std::string at(std::size_t offset) { return " at position " + std::to_string(offset + 1); }

// Checks every character of `part` (which starts at `offset` in the ARN) against `allowed`.
std::optional<Error> check_chars(std::string_view what, std::string_view part, std::size_t offset,
                                 const CharSet& allowed, std::string_view allowed_text) {
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (!allowed.contains(part[i])) {
      return arn_error(std::string(what) + " has invalid character " + describe_char(part[i]) +
                       at(offset + i) + "; allowed: " + std::string(allowed_text));
    }
  }
  return std::nullopt;
}

std::optional<Error> check_name(std::string_view what, std::string_view name, std::size_t offset,
                                std::size_t max, bool role) {
  if (name.empty()) return arn_error(std::string(what) + " is empty" + at(offset));
  if (name.size() > max) {
    return arn_error(std::string(what) + " is " + std::to_string(name.size()) +
                     " characters long" + at(offset) + "; the maximum is " + std::to_string(max));
  }
  if (role) return check_chars(what, name, offset, detail::kIamNameChars, "A-Z a-z 0-9 _+=,.@-");
  return check_chars(what, name, offset, kProviderNameChars, "A-Z a-z 0-9 _.-");
}

// The role path as IAM defines it: "/" or "/" + one or more of U+0021-U+007E + "/".
std::optional<Error> check_path(std::string_view path, std::size_t offset) {
  if (path.size() > kPathMax) {
    return arn_error("role path is " + std::to_string(path.size()) + " characters long" +
                     at(offset) + "; the maximum is " + std::to_string(kPathMax));
  }
  if (path == "//") return arn_error("role path '//' has an empty segment" + at(offset));
  return check_chars("role path", path, offset, kPathChars, "U+0021 to U+007E");
}

// Reads the ':'-terminated field starting at `pos`; advances `pos` past the ':'.
std::optional<std::string_view> next_field(std::string_view text, std::size_t& pos) {
  const std::size_t colon = text.find(':', pos);
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view field = text.substr(pos, colon - pos);
  pos = colon + 1;
  return field;
}

}  // namespace

// Written into one buffer sized up front (it was a chain of temporaries).
std::string Arn::to_string() const {
  constexpr std::string_view scheme = "arn:";
  constexpr std::string_view service = ":iam::";
  constexpr std::string_view role = "role";
  const bool is_role = kind == ArnKind::Role;
  std::string out;
  out.reserve(scheme.size() + partition.size() + service.size() + account.size() + 1 +
              (is_role ? role.size() + path.size() : kProviderPrefix.size()) + name.size());
  out.append(scheme).append(partition).append(service).append(account).append(1, ':');
  if (is_role) {
    out.append(role).append(path);
  } else {
    out.append(kProviderPrefix);
  }
  out.append(name);
  return out;
}

Expected<Arn> parse_iam_arn(std::string_view text) {
  constexpr std::string_view shape =
      "; expected arn:<partition>:iam::<12-digit account>:role/<name> or ...:saml-provider/<name>";
  if (text.empty()) return arn_error("the ARN is empty");
  if (text.substr(0, 4) != "arn:") {
    return arn_error(detail::quote_value(text) + " does not start with 'arn:'" +
                     std::string(shape));
  }
  std::size_t pos = 4;
  Arn arn;

  const std::size_t partition_at = pos;
  const auto partition = next_field(text, pos);
  const std::size_t service_at = pos;
  const auto service = partition ? next_field(text, pos) : std::nullopt;
  const std::size_t region_at = pos;
  const auto region = service ? next_field(text, pos) : std::nullopt;
  const std::size_t account_at = pos;
  const auto account = region ? next_field(text, pos) : std::nullopt;
  if (!account) return arn_error("too few ':'-separated fields in " + detail::quote_value(text) +
                                 std::string(shape));

  bool known_partition = false;
  for (std::string_view p : kPartitions) known_partition = known_partition || *partition == p;
  if (!known_partition) {
    return arn_error("unknown partition " + detail::quote_value(*partition) + at(partition_at) +
                     "; expected aws, aws-us-gov or aws-cn");
  }
  arn.partition = std::string(*partition);

  if (*service != "iam") {
    return arn_error("service " + detail::quote_value(*service) + at(service_at) +
                     " is not 'iam'");
  }
  if (!region->empty()) {
    return arn_error("region " + detail::quote_value(*region) + at(region_at) +
                     " must be empty in an IAM ARN");
  }
  if (account->size() != kAccountDigits) {
    return arn_error("account " + detail::quote_value(*account) + at(account_at) + " has " +
                     std::to_string(account->size()) + " characters; expected 12 digits");
  }
  if (auto bad = check_chars("account", *account, account_at, kDigits, "0-9")) {
    return *bad;
  }
  arn.account = std::string(*account);

  const std::size_t resource_at = pos;
  const std::string_view resource = text.substr(pos);
  if (resource.substr(0, kRolePrefix.size()) == kRolePrefix) {
    arn.kind = ArnKind::Role;
    // The path runs from the '/' after "role" through the last '/'; the name follows it.
    const std::size_t path_at = resource_at + kRolePrefix.size() - 1;
    const std::string_view after_role = text.substr(path_at);
    const std::size_t last_slash = after_role.rfind('/');
    const std::string_view path = after_role.substr(0, last_slash + 1);
    const std::string_view name = after_role.substr(last_slash + 1);
    if (auto bad = check_path(path, path_at)) return *bad;
    if (auto bad = check_name("role name", name, path_at + path.size(), kRoleNameMax, true)) {
      return *bad;
    }
    arn.path = std::string(path);
    arn.name = std::string(name);
    return arn;
  }
  if (resource.substr(0, kProviderPrefix.size()) == kProviderPrefix) {
    arn.kind = ArnKind::SamlProvider;
    arn.path = "/";
    const std::string_view name = resource.substr(kProviderPrefix.size());
    if (auto bad = check_name("saml-provider name", name, resource_at + kProviderPrefix.size(),
                              kProviderNameMax, false)) {
      return *bad;
    }
    arn.name = std::string(name);
    return arn;
  }
  return arn_error("resource " + detail::quote_value(resource) + at(resource_at) +
                   " is neither role/<name> nor saml-provider/<name>");
}

}  // namespace saml
