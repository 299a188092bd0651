// Reading the trace file a command was given, with the front end's error policy:
// a bad file ends the command (UsageError: one line, exit 2); a truncated one is a
// warning on stderr and the command goes on with what was read.
#pragma once

#include <string>

#include "golden/model/trace.hpp"

namespace golden::cli {

TraceFile load_trace(const std::string& path);

// The reader's anomaly counters ("anomalies while reading FILE:"), "" when none.
std::string file_counters_text(const TraceFile& file, const std::string& path);

}  // namespace golden::cli
