// Typed access to parsed JSON values for the record decoders. A value of the wrong type
// is bad input, not a bug: it throws RecordError (with the field name), which the
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
// A payload hash: "16 hex digits".
std::uint64_t get_hex64(const Json& v, std::string_view field);
const Json& get_object(const Json& v, std::string_view field);
const Json& get_array(const Json& v, std::string_view field);

// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string parse_error_text(const std::exception& e);

}  // namespace golden::io_detail
