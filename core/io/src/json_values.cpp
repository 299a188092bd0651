#include "json_values.hpp"

#include <limits>

#include "golden/model/escape.hpp"

namespace golden::io_detail {
namespace {

[[noreturn]] void wrong_type(const Json& v, std::string_view field, std::string_view expected) {
  fail("field '" + std::string(field) + "': expected " + std::string(expected) + ", got " +
       (v.is_number() ? std::string("number ") + v.dump() : std::string(v.type_name())));
}

}  // namespace

void fail(std::string message) {
  throw RecordError{std::move(message)};
}

std::uint64_t get_u64(const Json& v, std::string_view field) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer() && v.get<std::int64_t>() >= 0)
    return static_cast<std::uint64_t>(v.get<std::int64_t>());
  wrong_type(v, field, "an unsigned integer");
}

std::uint32_t get_u32(const Json& v, std::string_view field) {
  std::uint64_t x = get_u64(v, field);
  if (x > std::numeric_limits<std::uint32_t>::max())
    wrong_type(v, field, "a 32-bit unsigned integer");
  return static_cast<std::uint32_t>(x);
}

std::int64_t get_i64(const Json& v, std::string_view field) {
  if (v.is_number_unsigned()) {
    std::uint64_t u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      wrong_type(v, field, "a 64-bit signed integer");
    return static_cast<std::int64_t>(u);
  }
  if (v.is_number_integer()) return v.get<std::int64_t>();
  wrong_type(v, field, "an integer");
}

int get_int(const Json& v, std::string_view field) {
  std::int64_t x = get_i64(v, field);
  if (x < std::numeric_limits<int>::min() || x > std::numeric_limits<int>::max())
    wrong_type(v, field, "a 32-bit integer");
  return static_cast<int>(x);
}

bool get_bool(const Json& v, std::string_view field) {
  if (!v.is_boolean()) wrong_type(v, field, "true or false");
  return v.get<bool>();
}

const std::string& get_string(const Json& v, std::string_view field) {
  if (!v.is_string()) wrong_type(v, field, "a string");
  return v.get_ref<const std::string&>();
}

std::string get_bytes(const Json& v, std::string_view field) {
  if (v.is_string()) return v.get_ref<const std::string&>();
  if (v.is_object() && v.size() == 1 && v.begin().key() == "esc" && v.begin()->is_string()) {
    auto bytes = unescape_bytes(v.begin()->get_ref<const std::string&>());
    if (!bytes) fail("field '" + std::string(field) + "': malformed escape sequence in \"esc\"");
    return std::move(*bytes);
  }
  wrong_type(v, field, "a string or {\"esc\":...}");
}

std::vector<std::string> get_bytes_list(const Json& v, std::string_view field) {
  if (!v.is_array()) wrong_type(v, field, "an array of strings");
  std::vector<std::string> out;
  out.reserve(v.size());
  for (const Json& item : v) out.push_back(get_bytes(item, field));
  return out;
}

std::uint64_t get_hex64(const Json& v, std::string_view field) {
  const std::string& s = get_string(v, field);
  if (s.size() != 16) fail("field '" + std::string(field) + "': expected 16 hex digits");
  std::uint64_t x = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0) fail("field '" + std::string(field) + "': expected 16 hex digits");
    x = x << 4 | static_cast<std::uint64_t>(d);
  }
  return x;
}

const Json& get_object(const Json& v, std::string_view field) {
  if (!v.is_object()) wrong_type(v, field, "an object");
  return v;
}

const Json& get_array(const Json& v, std::string_view field) {
  if (!v.is_array()) wrong_type(v, field, "an array");
  return v;
}

std::string parse_error_text(const std::exception& e) {
  std::string_view w = e.what();
  if (!w.empty() && w.front() == '[') {
    auto close = w.find("] ");
    if (close != std::string_view::npos) w.remove_prefix(close + 2);
  }
  return std::string(w);
}

}  // namespace golden::io_detail
