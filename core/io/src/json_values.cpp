#include "json_values.hpp"

#include <limits>

#include "golden/model/escape.hpp"

namespace golden::io_detail {

void fail(std::string message) {
  throw RecordError{std::move(message)};
}

SaxValue sax_value(const Json& v) {
  using T = SaxValue::Type;
  switch (v.type()) {
    case Json::value_t::boolean:
      return SaxValue::of_bool(v.get<bool>());
    case Json::value_t::number_integer:
      return SaxValue::of_signed(v.get<std::int64_t>());
    case Json::value_t::number_unsigned:
      return SaxValue::of_unsigned(v.get<std::uint64_t>());
    case Json::value_t::number_float:
      return SaxValue::of_float(v.get<double>());
    case Json::value_t::string:
      return SaxValue::of_string(v.get_ref<const std::string&>());
    case Json::value_t::object:
      return SaxValue::of(T::Object);
    case Json::value_t::array:
      return SaxValue::of(T::Array);
    default:
      return SaxValue::of(T::Null);  // null; binary and discarded never come from text
  }
}

void wrong_type(const SaxValue& v, std::string_view field, std::string_view expected) {
  using T = SaxValue::Type;
  std::string got;
  switch (v.type) {
    case T::Null:
      got = "null";
      break;
    case T::Bool:
      got = "boolean";
      break;
    case T::Signed:
      got = "number " + std::to_string(v.i);
      break;
    case T::Unsigned:
      got = "number " + std::to_string(v.u);
      break;
    case T::Float:
      got = "number " + Json(v.d).dump();
      break;  // as the DOM would print it
    case T::String:
      got = "string";
      break;
    case T::Object:
      got = "object";
      break;
    case T::Array:
      got = "array";
      break;
  }
  fail("field '" + std::string(field) + "': expected " + std::string(expected) + ", got " + got);
}

std::uint64_t to_u64(const SaxValue& v, std::string_view field) {
  if (v.type == SaxValue::Type::Unsigned) return v.u;
  if (v.type == SaxValue::Type::Signed && v.i >= 0) return static_cast<std::uint64_t>(v.i);
  wrong_type(v, field, "an unsigned integer");
}

std::uint32_t to_u32(const SaxValue& v, std::string_view field) {
  std::uint64_t x = to_u64(v, field);
  if (x > std::numeric_limits<std::uint32_t>::max())
    wrong_type(v, field, "a 32-bit unsigned integer");
  return static_cast<std::uint32_t>(x);
}

std::int64_t to_i64(const SaxValue& v, std::string_view field) {
  if (v.type == SaxValue::Type::Unsigned) {
    if (v.u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      wrong_type(v, field, "a 64-bit signed integer");
    return static_cast<std::int64_t>(v.u);
  }
  if (v.type == SaxValue::Type::Signed) return v.i;
  wrong_type(v, field, "an integer");
}

int to_int(const SaxValue& v, std::string_view field) {
  std::int64_t x = to_i64(v, field);
  if (x < std::numeric_limits<int>::min() || x > std::numeric_limits<int>::max())
    wrong_type(v, field, "a 32-bit integer");
  return static_cast<int>(x);
}

bool to_bool(const SaxValue& v, std::string_view field) {
  if (v.type != SaxValue::Type::Bool) wrong_type(v, field, "true or false");
  return v.boolean;
}

const std::string& to_string(const SaxValue& v, std::string_view field) {
  if (v.type != SaxValue::Type::String) wrong_type(v, field, "a string");
  return *v.s;
}

std::uint64_t to_hex64(const SaxValue& v, std::string_view field) {
  const std::string& s = to_string(v, field);
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

std::uint64_t get_u64(const Json& v, std::string_view field) {
  return to_u64(sax_value(v), field);
}

std::uint32_t get_u32(const Json& v, std::string_view field) {
  return to_u32(sax_value(v), field);
}

std::int64_t get_i64(const Json& v, std::string_view field) {
  return to_i64(sax_value(v), field);
}

int get_int(const Json& v, std::string_view field) {
  return to_int(sax_value(v), field);
}

bool get_bool(const Json& v, std::string_view field) {
  return to_bool(sax_value(v), field);
}

const std::string& get_string(const Json& v, std::string_view field) {
  return to_string(sax_value(v), field);
}

std::string get_bytes(const Json& v, std::string_view field) {
  if (v.is_string()) return v.get_ref<const std::string&>();
  if (v.is_object() && v.size() == 1 && v.begin().key() == "esc" && v.begin()->is_string()) {
    auto bytes = unescape_bytes(v.begin()->get_ref<const std::string&>());
    if (!bytes) fail("field '" + std::string(field) + "': malformed escape sequence in \"esc\"");
    return std::move(*bytes);
  }
  wrong_type(sax_value(v), field, "a string or {\"esc\":...}");
}

std::vector<std::string> get_bytes_list(const Json& v, std::string_view field) {
  if (!v.is_array()) wrong_type(sax_value(v), field, "an array of strings");
  std::vector<std::string> out;
  out.reserve(v.size());
  for (const Json& item : v) out.push_back(get_bytes(item, field));
  return out;
}

const Json& get_object(const Json& v, std::string_view field) {
  if (!v.is_object()) wrong_type(sax_value(v), field, "an object");
  return v;
}

const Json& get_array(const Json& v, std::string_view field) {
  if (!v.is_array()) wrong_type(sax_value(v), field, "an array");
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
