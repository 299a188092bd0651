// Decoding golden-trace records (docs/trace-format.md) from parsed JSON objects into the
// model. Unknown keys are tolerated (a newer writer may add fields) and counted in
// `unknown`; wrong types and unknown enum values throw RecordError.
#pragma once

#include <cstdint>

#include "golden/model/trace.hpp"
#include "json_values.hpp"

namespace golden::io_detail {

// The header: the first line's object (or the whole document's top level, whose
// "records" key the caller handles). Throws for a wrong format or version.
TraceHeader parse_header(const Json& obj, std::uint64_t& unknown);
RunInfo parse_run(const Json& obj, std::uint64_t& unknown);
Event parse_event(const Json& obj, std::uint64_t& unknown);
ProcessInfo parse_process(const Json& obj, std::uint64_t& unknown);
Edge parse_edge(const Json& obj, std::uint64_t& unknown);
// Fills the end-of-run fields (wall time, exit status, counters) into `run`; returns the
// run index the record names.
std::uint32_t parse_end(const Json& obj, RunInfo& run, std::uint64_t& unknown);

}  // namespace golden::io_detail
