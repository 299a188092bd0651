// Text rendering of a critical path for `golden graph FILE` and for reports that show
// it next to other figures.
#pragma once

#include <string>

#include "golden/graph/critical_path.hpp"
#include "golden/model/trace.hpp"

namespace golden {

// "0 ns", "950 ns", "12.3 us", "301.2 ms", "2.50 s": three significant figures or so.
std::string format_duration(Nanos d);

// One line per event on the path (seq, edge it was reached by, pid and process name,
// the call with short arguments, start time in seconds, contribution), then the total
// against the wall time, then each process's share. `trace` is the one the path was
// computed on.
std::string format_critical_path(const Trace& trace, const CriticalPath& path);

}  // namespace golden
