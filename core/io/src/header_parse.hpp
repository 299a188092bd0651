// Decoding the golden-trace header (docs/trace-format.md §4): the first line's object, or
// the top level of a reformatted document. Read once per file, so from a parsed DOM;
// records go through the SAX decoder (record_decoder.hpp).
#pragma once

#include <cstdint>

#include "golden/model/trace.hpp"
#include "json_values.hpp"

namespace golden::io_detail {

// The caller handles the "records" key. Throws RecordError for a wrong format or
// version; unknown keys are counted in `unknown`.
TraceHeader parse_header(const Json& obj, std::uint64_t& unknown);

}  // namespace golden::io_detail
