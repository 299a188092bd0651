// Appending JSON text by hand: the writer's hot path (one event per syscall) cannot
// afford building a JSON DOM per record, and a hand-written emitter fixes key order and
// number formatting, which keeps output byte-for-byte deterministic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace golden::io_detail {

// Strict UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), the
// same rule nlohmann/json applies when it parses the file back.
bool is_valid_utf8(std::string_view s);

// `"s"` with JSON escapes. `s` must be valid UTF-8.
void append_json_string(std::string& out, std::string_view s);

// A byte string from the tracee (paths, argv, names): a JSON string when `s` is valid
// UTF-8, otherwise {"esc":"<escape_bytes(s)>"}, since JSON strings cannot carry
// arbitrary bytes. The reader accepts both forms (docs/trace-format.md "Strings").
void append_bytes_value(std::string& out, std::string_view s);

void append_int(std::string& out, std::int64_t v);
void append_uint(std::string& out, std::uint64_t v);
// Exactly 16 lowercase hex digits, quoted: payload hashes.
void append_hex16(std::string& out, std::uint64_t v);

}  // namespace golden::io_detail
