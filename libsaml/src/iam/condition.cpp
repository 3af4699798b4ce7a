// IAM condition operators, as the IAM User Guide defines them: the operator table, absent
// keys (false, except negated operators, ...IfExists and ForAllValues), set operators over
// multivalued keys, and policy variables in string and ARN values.
#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iam/text.h"
#include "saml/iam.h"

namespace saml::iam {
namespace {

enum class Kind { String, StringIgnoreCase, StringLike, Numeric, Date, Bool, Binary, Ip, Arn, Null };
enum class Compare { Equal, Less, LessEqual, Greater, GreaterEqual };

struct Operator {
  std::string_view name;
  Kind kind;
  bool negated = false;
  Compare compare = Compare::Equal;
};

constexpr std::array kOperators = {
    Operator{"StringEquals", Kind::String},
    Operator{"StringNotEquals", Kind::String, true},
    Operator{"StringEqualsIgnoreCase", Kind::StringIgnoreCase},
    Operator{"StringNotEqualsIgnoreCase", Kind::StringIgnoreCase, true},
    Operator{"StringLike", Kind::StringLike},
    Operator{"StringNotLike", Kind::StringLike, true},
    Operator{"NumericEquals", Kind::Numeric},
    Operator{"NumericNotEquals", Kind::Numeric, true},
    Operator{"NumericLessThan", Kind::Numeric, false, Compare::Less},
    Operator{"NumericLessThanEquals", Kind::Numeric, false, Compare::LessEqual},
    Operator{"NumericGreaterThan", Kind::Numeric, false, Compare::Greater},
    Operator{"NumericGreaterThanEquals", Kind::Numeric, false, Compare::GreaterEqual},
    Operator{"DateEquals", Kind::Date},
    Operator{"DateNotEquals", Kind::Date, true},
    Operator{"DateLessThan", Kind::Date, false, Compare::Less},
    Operator{"DateLessThanEquals", Kind::Date, false, Compare::LessEqual},
    Operator{"DateGreaterThan", Kind::Date, false, Compare::Greater},
    Operator{"DateGreaterThanEquals", Kind::Date, false, Compare::GreaterEqual},
    Operator{"Bool", Kind::Bool},
    Operator{"BinaryEquals", Kind::Binary},
    Operator{"IpAddress", Kind::Ip},
    Operator{"NotIpAddress", Kind::Ip, true},
    Operator{"ArnEquals", Kind::Arn},
    Operator{"ArnLike", Kind::Arn},
    Operator{"ArnNotEquals", Kind::Arn, true},
    Operator{"ArnNotLike", Kind::Arn, true},
    Operator{"Null", Kind::Null},
};

enum class SetOp { None, AnyValue, AllValues };

struct ParsedOperator {
  const Operator* op = nullptr;
  SetOp set = SetOp::None;
  bool if_exists = false;
};

bool strip_prefix(std::string_view& text, std::string_view prefix) {
  if (text.size() < prefix.size() || !iequals(text.substr(0, prefix.size()), prefix)) return false;
  text.remove_prefix(prefix.size());
  return true;
}

bool strip_suffix(std::string_view& text, std::string_view suffix) {
  if (text.size() < suffix.size() || !iequals(text.substr(text.size() - suffix.size()), suffix)) {
    return false;
  }
  text.remove_suffix(suffix.size());
  return true;
}

std::optional<ParsedOperator> parse_operator(std::string_view text) {
  ParsedOperator parsed;
  if (strip_prefix(text, "ForAnyValue:")) parsed.set = SetOp::AnyValue;
  else if (strip_prefix(text, "ForAllValues:")) parsed.set = SetOp::AllValues;
  parsed.if_exists = strip_suffix(text, "IfExists");
  for (const Operator& op : kOperators) {
    if (iequals(op.name, text)) parsed.op = &op;
  }
  if (!parsed.op || (parsed.op->kind == Kind::Null && (parsed.if_exists || parsed.set != SetOp::None))) {
    return std::nullopt;
  }
  return parsed;
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || text.empty()) return std::nullopt;
  return value;
}

// ISO 8601 date-times (with or without a zone), plain dates, or epoch seconds.
std::optional<double> parse_date(std::string_view text) {
  if (auto epoch = parse_number(text)) return epoch;
  std::string full(text);
  if (full.size() == 10) full += "T00:00:00Z";
  auto parsed = parse_xs_datetime(full);
  if (!parsed) return std::nullopt;
  return static_cast<double>(parsed->time_since_epoch().count()) / 1e6;
}

bool compare(double left, double right, Compare how) {
  switch (how) {
    case Compare::Equal: return left == right;
    case Compare::Less: return left < right;
    case Compare::LessEqual: return left <= right;
    case Compare::Greater: return left > right;
    case Compare::GreaterEqual: return left >= right;
  }
  return false;
}

// Whether `address` lies in `cidr` ("203.0.113.0/24", "2001:db8::/32", or a bare address).
bool ip_in(std::string_view address, std::string_view cidr) {
  const std::size_t slash = cidr.find('/');
  const std::string network(cidr.substr(0, slash));
  const std::string host(address);
  std::array<std::uint8_t, 16> a{}, n{};
  const bool v6 = network.find(':') != std::string::npos;
  const int family = v6 ? AF_INET6 : AF_INET;
  if (inet_pton(family, network.c_str(), n.data()) != 1) return false;
  if (inet_pton(family, host.c_str(), a.data()) != 1) return false;
  const int width = v6 ? 128 : 32;
  int bits = width;
  if (slash != std::string_view::npos) {
    const std::string_view prefix = cidr.substr(slash + 1);
    auto [ptr, ec] = std::from_chars(prefix.data(), prefix.data() + prefix.size(), bits);
    if (ec != std::errc{} || ptr != prefix.data() + prefix.size() || bits < 0 || bits > width) {
      return false;
    }
  }
  for (int i = 0; i < bits; ++i) {
    const int mask = 0x80 >> (i % 8);
    if ((a[i / 8] & mask) != (n[i / 8] & mask)) return false;
  }
  return true;
}

// ARNs compare as six colon-separated fields, each matched with wildcards; the last field
// (the resource) keeps its own colons.
bool arn_match(std::string_view pattern, std::string_view arn) {
  auto split = [](std::string_view text) {
    std::vector<std::string_view> parts;
    while (parts.size() < 5) {
      const std::size_t colon = text.find(':');
      if (colon == std::string_view::npos) break;
      parts.push_back(text.substr(0, colon));
      text.remove_prefix(colon + 1);
    }
    parts.push_back(text);
    return parts;
  };
  const auto p = split(pattern);
  const auto a = split(arn);
  if (p.size() != 6 || a.size() != 6) return false;
  for (std::size_t i = 0; i < 6; ++i) {
    if (!wildcard_match(p[i], a[i], false)) return false;
  }
  return true;
}

// A policy value after variable substitution: characters that came from an escape or a
// substituted key are literal, never wildcards.
struct PolicyValue {
  std::string text;
  std::vector<bool> literal;
};

bool positive_match(const Operator& op, std::string_view context, const PolicyValue& value) {
  const std::string_view policy = value.text;
  switch (op.kind) {
    case Kind::String: return context == policy;
    case Kind::StringIgnoreCase: return iequals(context, policy);
    case Kind::StringLike: return wildcard_match(policy, context, false, &value.literal);
    case Kind::Numeric: {
      auto c = parse_number(context);
      auto p = parse_number(policy);
      return c && p && compare(*c, *p, op.compare);
    }
    case Kind::Date: {
      auto c = parse_date(context);
      auto p = parse_date(policy);
      return c && p && compare(*c, *p, op.compare);
    }
    case Kind::Bool: return iequals(context, policy);
    case Kind::Binary: return context == policy;
    case Kind::Ip: return ip_in(context, policy);
    case Kind::Arn: return arn_match(policy, context);
    case Kind::Null: return false;
  }
  return false;
}

struct Substituted {
  std::optional<PolicyValue> value;   // nullopt: a variable's key is absent (matches nothing)
  std::vector<std::string> unknown_keys;
};

// ${key}, ${key, 'default'}, and the escapes ${*}, ${?}, ${$}. A multivalued key cannot be a
// variable (IAM treats it as absent).
Substituted substitute(std::string_view text, const RequestContext& context) {
  Substituted out;
  PolicyValue result;
  auto append = [&](std::string_view part, bool literal) {
    result.text.append(part);
    result.literal.insert(result.literal.end(), part.size(), literal);
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find("${", i);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find('}', open + 2);
    if (close == std::string_view::npos) break;
    append(text.substr(i, open - i), false);
    std::string_view inside = text.substr(open + 2, close - open - 2);
    i = close + 1;
    if (inside == "*" || inside == "?" || inside == "$") {
      append(inside, true);
      continue;
    }
    std::optional<std::string> fallback;
    if (const std::size_t comma = inside.find(','); comma != std::string_view::npos) {
      std::string_view rest = inside.substr(comma + 1);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      if (rest.size() >= 2 && rest.front() == '\'' && rest.back() == '\'') {
        fallback = std::string(rest.substr(1, rest.size() - 2));
      }
      inside = inside.substr(0, comma);
    }
    while (!inside.empty() && inside.back() == ' ') inside.remove_suffix(1);
    const ContextValue* value = context.find(inside);
    if (value && !value->multi && value->values.size() == 1) {
      append(value->values.front(), true);
    } else if (!value && !knowable_offline(inside)) {
      out.unknown_keys.emplace_back(inside);
      return out;
    } else if (fallback) {
      append(*fallback, true);
    } else {
      return out;
    }
  }
  append(text.substr(std::min(i, text.size())), false);
  out.value = std::move(result);
  return out;
}

bool takes_variables(Kind kind) {
  return kind == Kind::String || kind == Kind::StringIgnoreCase || kind == Kind::StringLike ||
         kind == Kind::Arn;
}

}  // namespace

ClauseResult evaluate_clause(const ConditionClause& clause, const RequestContext& context,
                             bool policy_variables) {
  ClauseResult out;
  const auto parsed = parse_operator(clause.op);
  if (!parsed) {
    out.problem = "unknown condition operator \"" + clause.op + "\"";
    return out;
  }
  const Operator& op = *parsed->op;
  const ContextValue* value = context.find(clause.key);
  if (!value && !knowable_offline(clause.key)) {
    out.result = Tri::Unknown;
    out.unknown_keys.push_back(clause.key);
    return out;
  }
  const bool absent = !value || value->values.empty();
  if (op.kind == Kind::Null) {
    for (const std::string& wanted : clause.values) {
      if (iequals(wanted, "true") == absent) out.result = Tri::True;
    }
    return out;
  }
  if (absent) {
    const bool holds = parsed->set == SetOp::AllValues || parsed->if_exists ||
                       (parsed->set == SetOp::None && op.negated);
    out.result = holds ? Tri::True : Tri::False;
    return out;
  }
  std::vector<PolicyValue> policy_values;
  for (const std::string& text : clause.values) {
    if (!policy_variables || !takes_variables(op.kind)) {
      policy_values.push_back({text, {}});
      continue;
    }
    Substituted substituted = substitute(text, context);
    if (!substituted.unknown_keys.empty()) {
      out.result = Tri::Unknown;
      out.unknown_keys = std::move(substituted.unknown_keys);
      return out;
    }
    if (substituted.value) policy_values.push_back(std::move(*substituted.value));
  }
  // One context value satisfies the operator: a positive operator matches some policy value,
  // a negated one matches none.
  auto satisfies = [&](const std::string& context_value) {
    const bool any = std::any_of(policy_values.begin(), policy_values.end(),
                                 [&](const PolicyValue& p) { return positive_match(op, context_value, p); });
    return op.negated ? !any : any;
  };
  const auto& values = value->values;
  // A multivalued key is compared only through ForAnyValue/ForAllValues; a single-valued
  // operator on it does not match (as iam-simulate evaluates it; see docs/aws-side.md).
  if (parsed->set == SetOp::None && value->multi) {
    out.result = Tri::False;
    return out;
  }
  bool holds = false;
  if (parsed->set == SetOp::AllValues) {
    holds = std::all_of(values.begin(), values.end(), satisfies);
  } else {
    holds = std::any_of(values.begin(), values.end(), satisfies);
  }
  out.result = holds ? Tri::True : Tri::False;
  return out;
}

}  // namespace saml::iam
