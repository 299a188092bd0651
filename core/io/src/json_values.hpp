// Typed access to JSON values for the decoders: values as the SAX interface delivers them
// (record_decoder.hpp) and values in a parsed DOM (header, renacer import) go through the
// same conversions, so both report a wrong type with the same words. A value of the wrong
// type is bad input, not a bug: it throws RecordError (with the field name), which the
// readers turn into an Error located at the record's line. Nothing here lets an
// nlohmann exception escape.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace golden::io_detail {

using Json = nlohmann::json;

// Thrown inside the readers only; never crosses the public API.
struct RecordError {
  std::string message;
};

[[noreturn]] void fail(std::string message);

// One JSON value as a SAX handler sees it: scalars with their payload, objects and arrays
// by type only (their contents arrive as further events).
struct SaxValue {
  enum class Type : std::uint8_t { Null, Bool, Signed, Unsigned, Float, String, Object, Array };
  Type type = Type::Null;
  bool boolean = false;
  std::int64_t i = 0;
  std::uint64_t u = 0;
  double d = 0;
  const std::string* s = nullptr;  // Type::String: valid for the duration of the callback

  static SaxValue of_bool(bool b) { return {Type::Bool, b, 0, 0, 0, nullptr}; }
  static SaxValue of_signed(std::int64_t v) { return {Type::Signed, false, v, 0, 0, nullptr}; }
  static SaxValue of_unsigned(std::uint64_t v) { return {Type::Unsigned, false, 0, v, 0, nullptr}; }
  static SaxValue of_float(double v) { return {Type::Float, false, 0, 0, v, nullptr}; }
  static SaxValue of_string(const std::string& v) { return {Type::String, false, 0, 0, 0, &v}; }
  static SaxValue of(Type t) { return {t, false, 0, 0, 0, nullptr}; }
};

// The DOM value `v` as a SaxValue (objects and arrays by type only).
SaxValue sax_value(const Json& v);

// "field 'F': expected E, got number 12" / "got string".
[[noreturn]] void wrong_type(const SaxValue& v, std::string_view field, std::string_view expected);

std::uint64_t to_u64(const SaxValue& v, std::string_view field);
std::uint32_t to_u32(const SaxValue& v, std::string_view field);
std::int64_t to_i64(const SaxValue& v, std::string_view field);
int to_int(const SaxValue& v, std::string_view field);
bool to_bool(const SaxValue& v, std::string_view field);
const std::string& to_string(const SaxValue& v, std::string_view field);
// A payload hash: "16 hex digits".
std::uint64_t to_hex64(const SaxValue& v, std::string_view field);

std::uint64_t get_u64(const Json& v, std::string_view field);
std::uint32_t get_u32(const Json& v, std::string_view field);
std::int64_t get_i64(const Json& v, std::string_view field);
int get_int(const Json& v, std::string_view field);
bool get_bool(const Json& v, std::string_view field);
// A plain JSON string.
const std::string& get_string(const Json& v, std::string_view field);
// A byte string: a JSON string, or {"esc":"<escape_bytes form>"} (json_text.hpp).
std::string get_bytes(const Json& v, std::string_view field);
std::vector<std::string> get_bytes_list(const Json& v, std::string_view field);
const Json& get_object(const Json& v, std::string_view field);
const Json& get_array(const Json& v, std::string_view field);

// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string parse_error_text(const std::exception& e);

}  // namespace golden::io_detail
