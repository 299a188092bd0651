// Checks that a trace's Lamport clocks are consistent with program order and with every
// happens-before edge it carries (SPEC §3). Used by the recorder's tests; useful to any
// consumer that wants to trust the clocks of a trace it did not produce.
#pragma once

#include "golden/model/result.hpp"
#include "golden/model/trace.hpp"

namespace golden {

// Ok, or an Error naming the first violation ("where" is "event N" / "edge N"):
//  - events[i].seq == i and every Lamport clock is set (> 0);
//  - inside a thread (events with the same tid, until that thread's Exit event),
//    clocks strictly increase in seq order;
//  - for every edge: both ends exist, and clock(from) < clock(to);
//  - a Spawn edge ends at the first event of its thread.
Status check_causality(const Trace& trace);

}  // namespace golden
