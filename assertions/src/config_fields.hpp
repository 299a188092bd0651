// Reading the fields of one [[assertion]] table with their types checked. The reader
// keeps the first error (with the value's file:line) and hands back nullopt from then
// on, so a spec parser reads straight through and asks `error()` once at the end.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "golden/model/result.hpp"

namespace golden::detail {

// "file:line" of a node (just "file" when toml++ knows no position).
std::string where_of(std::string_view file, const toml::source_region& src);

class FieldReader {
 public:
  // `label` names the assertion in messages: "assertion 'cli_startup_time'".
  FieldReader(const toml::table& table, std::string_view file, std::string label);

  std::optional<std::string> string(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  // An integer or a float.
  std::optional<double> number(std::string_view key, double min, double max);
  // A non-negative integer.
  std::optional<std::uint64_t> count(std::string_view key);
  // A non-negative integer of bytes, or a string with a unit: "10 MB", "512KiB", "1.5G".
  std::optional<std::uint64_t> bytes(std::string_view key);
  // A string, or an array of strings.
  std::optional<std::vector<std::string>> strings(std::string_view key);
  // A string that must compile as an ECMAScript regex; "" when absent.
  std::string regex(std::string_view key, bool icase = false);

  bool has(std::string_view key) const { return table_.contains(key); }

  // Records an error about `key` (at its value, or at the table when absent).
  void fail(std::string_view key, const std::string& message);
  void fail_missing(std::string_view key);
  // Records an error about the table as a whole (at its [[assertion]] line).
  void fail_at_table(const std::string& message) { fail_at(nullptr, message); }
  // An error for the first key not in `known` (with a suggestion when one is close).
  void reject_unknown(const std::set<std::string_view>& known);

  bool failed() const { return error_.has_value(); }
  const Error& error() const { return *error_; }
  const std::string& label() const { return label_; }
  std::string table_where() const;

 private:
  const toml::node* node(std::string_view key) const;
  void fail_at(const toml::node* at, const std::string& message);

  const toml::table& table_;
  std::string file_;
  std::string label_;
  std::optional<Error> error_;
};

// "10MB" -> 10000000, "10 MiB" -> 10485760, "512" -> 512; nullopt when malformed.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

}  // namespace golden::detail
