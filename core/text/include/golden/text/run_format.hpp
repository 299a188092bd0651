// Text about a run as a whole: the header line `golden show` prints before a run's
// events, and the anomaly counters that show/stats/capture report (STYLE.md §6).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "golden/model/trace.hpp"

namespace golden {

// "=== run 1 of 2: wc -l input.txt: exit status 0, wall 0.001234 s, 57 events, 2 processes ==="
// (attached runs say "attached to pid 1234,1235"; unknown fields are left out).
std::string format_run_header(const Trace& trace, std::size_t run_count);

// The counters under a title, one "  name  value" line each, names aligned:
//   anomalies in run 1:
//     lost_events      2
//     unknown_syscall  1
// "" when there are no counters.
std::string format_counters(const Counters& counters, std::string_view title);

// A command line as a shell would show it: words with spaces or quotes are quoted.
std::string format_command(const std::vector<std::string>& argv);

}  // namespace golden
