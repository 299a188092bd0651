// quote_bytes (golden/model/escape.hpp) appending to a caller's buffer: written bytes
// are quoted line by line, tens of thousands of lines per trace, and quote_bytes
// builds three strings per call. The output is byte for byte quote_bytes' (tested).
#pragma once

#include <string>
#include <string_view>

namespace golden::eqv {

// Appends `"` + escape_bytes(bytes) + `"` to `out`.
void append_quoted(std::string& out, std::string_view bytes);

}  // namespace golden::eqv
