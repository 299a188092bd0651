// Reading a small text input whole (renacer.toml, [compare] rules): with a size limit, so
// that pointing golden at a huge file (a trace, a disk image, /dev/zero) is an error at
// once instead of a parser's minutes and gigabytes.
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

}  // namespace golden
