// Config text (renacer.toml, [compare] rules) before a TOML parser sees it: read whole
// with a size limit, so that pointing golden at a huge file (a trace, a disk image,
// /dev/zero) is an error at once instead of a parser's minutes and gigabytes; and checked
// for what the parser (toml++ 3.3) does not bound itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "golden/model/result.hpp"

namespace golden {

// Config files are a few KiB; 1 MiB holds thousands of rules (docs/trace-format.md,
// "Limits").
inline constexpr std::uint64_t kMaxConfigBytes = std::uint64_t{1} << 20;

// The bytes of PATH, or an Error located at PATH: it cannot be opened or read, or it
// holds more than `max_bytes` (named as `what`: "the assertion config").
Result<std::string> read_text_file(const std::string& path, std::uint64_t max_bytes,
                                   std::string_view what);

// toml++ bounds nested arrays and inline tables (256 levels) but not dotted keys: a table
// header [a.a.a...] 100000 keys deep overflowed the stack inside the library. Far more than
// any config needs, with room for quoted keys holding dots.
inline constexpr std::size_t kMaxTomlKeyDepth = 64;

// An Error at NAME:LINE:COLUMN when a dotted key in TOML `text` has more than
// kMaxTomlKeyDepth parts. Conservative: it counts the dots in each stretch of text between
// TOML's delimiters, outside strings and comments (a float has one).
Status check_toml_key_depth(std::string_view text, std::string_view name);

}  // namespace golden
