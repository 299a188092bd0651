// Invariants every recorded trace must satisfy (SPEC §3 "Per event", "Lamport
// ordering"). Each check returns the list of violations found (empty = fine), worded
// for a failure message, so a test shows all of them at once.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden::e2e {

// events[i].seq == i; edge endpoints exist and differ; every event's pid/tid is in
// the process records; edge kinds connect the right kinds of events (spawn from a
// clone-like call to the new thread's first event, reap into a wait call, data from a
// write-like to a read-like call, signal into a signal delivery).
std::vector<std::string> check_structure(const Trace& trace);

// Lamport clocks: assigned (> 0); strictly increasing along each thread in seq order
// (program order); and clock(from) < clock(to) for every edge.
std::vector<std::string> check_lamport(const Trace& trace);

// Times: durations >= 0; 0 <= start <= wall time; finished calls end within the wall
// time; along a thread, a syscall does not start before the previous one ended; the
// run's wall time is positive and no longer than `measured` (the golden command's own
// run time seen by the test).
std::vector<std::string> check_timing(const Trace& trace, std::chrono::nanoseconds measured);

// Capture anomalies (STYLE.md §6 counters): none of the run's counters whose names say
// something went wrong (unknown, unmatched, lost, unexpected, dropped, unpaired,
// overflow, orphan, ...) may be non-zero for a well-behaved program; and every syscall
// event is named (SPEC §3: no "unknown" for a number the kernel defines).
std::vector<std::string> check_no_anomalies(const Trace& trace);

// All three.
std::vector<std::string> check_all(const Trace& trace, std::chrono::nanoseconds measured);

std::string join(const std::vector<std::string>& lines, std::size_t max = 30);

}  // namespace golden::e2e
