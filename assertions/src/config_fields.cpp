// Typed field access for config_specs.cpp, with file:line on every error (SPEC §11).
#include "config_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <regex>

namespace golden::detail {
namespace {

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a float";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
      return "a date/time";
    default:
      return "nothing";
  }
}

// Levenshtein distance, for "did you mean" on misspelt keys.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string where_of(std::string_view file, const toml::source_region& src) {
  if (src.begin.line == 0) return std::string(file);
  return fmt::format("{}:{}", file, src.begin.line);
}

FieldReader::FieldReader(const toml::table& table, std::string_view file, std::string label)
    : table_(table), file_(file), label_(std::move(label)) {}

std::string FieldReader::table_where() const {
  return where_of(file_, table_.source());
}

const toml::node* FieldReader::node(std::string_view key) const {
  if (failed()) return nullptr;
  return table_.get(key);
}

void FieldReader::fail_at(const toml::node* at, const std::string& message) {
  if (failed()) return;
  error_ =
      Error{label_ + ": " + message, at != nullptr ? where_of(file_, at->source()) : table_where()};
}

void FieldReader::fail(std::string_view key, const std::string& message) {
  fail_at(table_.get(key), message);
}

void FieldReader::fail_missing(std::string_view key) {
  fail_at(nullptr, fmt::format("missing required field '{}'", key));
}

std::optional<std::string> FieldReader::string(std::string_view key) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (auto v = n->value<std::string>()) return *v;
  fail_at(n, fmt::format("'{}' must be a string, not {}", key, type_name(*n)));
  return std::nullopt;
}

std::optional<bool> FieldReader::boolean(std::string_view key) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (n->is_boolean()) return n->value<bool>();
  fail_at(n, fmt::format("'{}' must be true or false, not {}", key, type_name(*n)));
  return std::nullopt;
}

std::optional<double> FieldReader::number(std::string_view key, double min, double max) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (!n->is_integer() && !n->is_floating_point()) {
    fail_at(n, fmt::format("'{}' must be a number, not {}", key, type_name(*n)));
    return std::nullopt;
  }
  const double v = *n->value<double>();
  if (!std::isfinite(v) || v < min || v > max) {
    fail_at(n, max == std::numeric_limits<double>::max()
                   ? fmt::format("'{}' must be at least {}, not {}", key, min, v)
                   : fmt::format("'{}' must be between {} and {}, not {}", key, min, max, v));
    return std::nullopt;
  }
  return v;
}

std::optional<std::uint64_t> FieldReader::count(std::string_view key) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (!n->is_integer()) {
    fail_at(n, fmt::format("'{}' must be a whole number, not {}", key, type_name(*n)));
    return std::nullopt;
  }
  const std::int64_t v = *n->value<std::int64_t>();
  if (v < 0) {
    fail_at(n, fmt::format("'{}' must not be negative, not {}", key, v));
    return std::nullopt;
  }
  return static_cast<std::uint64_t>(v);
}

std::optional<std::uint64_t> FieldReader::bytes(std::string_view key) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (n->is_integer()) return count(key);
  if (auto s = n->value<std::string>()) {
    if (auto v = parse_byte_size(*s)) return v;
    fail_at(n,
            fmt::format("'{}': cannot read '{}' as a size (e.g. 10485760, \"10 MiB\", \"512KB\")",
                        key, *s));
    return std::nullopt;
  }
  fail_at(n, fmt::format("'{}' must be a number of bytes or a size string, not {}", key,
                         type_name(*n)));
  return std::nullopt;
}

std::optional<std::vector<std::string>> FieldReader::strings(std::string_view key) {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (auto s = n->value<std::string>()) return std::vector<std::string>{*s};
  const toml::array* arr = n->as_array();
  if (arr == nullptr) {
    fail_at(
        n, fmt::format("'{}' must be a string or an array of strings, not {}", key, type_name(*n)));
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const toml::node& el : *arr) {
    auto s = el.value<std::string>();
    if (!s) {
      fail_at(&el, fmt::format("'{}' must hold only strings, not {}", key, type_name(el)));
      return std::nullopt;
    }
    out.push_back(*s);
  }
  return out;
}

std::string FieldReader::regex(std::string_view key, bool icase) {
  auto s = string(key);
  if (!s || s->empty()) return {};
  try {
    auto flags = std::regex::ECMAScript;
    if (icase) flags |= std::regex::icase;
    std::regex compiled(*s, flags);
  } catch (const std::regex_error& e) {
    fail(key, fmt::format("'{}' is not a valid regular expression ({}): {}", key, e.what(), *s));
    return {};
  }
  return *s;
}

void FieldReader::reject_unknown(const std::set<std::string_view>& known) {
  for (const auto& [key, value] : table_) {
    if (known.contains(key.str())) continue;
    std::string_view best;
    std::size_t best_distance = 4;  // suggest only close misspellings (3 edits at most)
    for (std::string_view k : known) {
      const std::size_t d = edit_distance(key.str(), k);
      if (d < best_distance) best = k, best_distance = d;
    }
    fail_at(&value, best.empty()
                        ? fmt::format("unknown field '{}'", key.str())
                        : fmt::format("unknown field '{}' (did you mean '{}'?)", key.str(), best));
    return;
  }
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  };
  text = trim(text);
  std::size_t digits = 0;
  while (digits < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.'))
    ++digits;
  if (digits == 0) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + digits, value);
  if (ec != std::errc{} || end != text.data() + digits) return std::nullopt;
  std::string unit(trim(text.substr(digits)));
  std::transform(unit.begin(), unit.end(), unit.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const std::pair<std::string_view, double> kUnits[] = {
      {"", 1},         {"b", 1},           {"k", 1e3},           {"kb", 1e3},
      {"m", 1e6},      {"mb", 1e6},        {"g", 1e9},           {"gb", 1e9},
      {"kib", 1024.0}, {"mib", 1048576.0}, {"gib", 1073741824.0}};
  for (const auto& [name, factor] : kUnits) {
    if (unit != name) continue;
    const double bytes = std::round(value * factor);
    if (bytes > 1.8e19) return std::nullopt;
    return static_cast<std::uint64_t>(bytes);
  }
  return std::nullopt;
}

}  // namespace golden::detail
