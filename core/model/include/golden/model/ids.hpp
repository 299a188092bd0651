// Strong types for the values that cross layer boundaries (STYLE.md §4):
// pids vs tids vs event sequence numbers are easy to mix up as bare ints.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <functional>

namespace golden {

// A process id as seen by the tracer (the thread-group leader's tid).
struct Pid {
  std::int32_t value = 0;
  friend auto operator<=>(const Pid&, const Pid&) = default;
};

// A thread id. The main thread of a process has tid == pid.
struct Tid {
  std::int32_t value = 0;
  friend auto operator<=>(const Tid&, const Tid&) = default;
};

// Position of an event in a run, 0-based and dense: events[i].seq == i.
using Seq = std::uint64_t;

// Lamport logical clock value (1-based; 0 means "not assigned").
using LamportTime = std::uint64_t;

// All times in a trace are nanoseconds, relative to the start of the run.
using Nanos = std::chrono::nanoseconds;

}  // namespace golden

template <>
struct std::hash<golden::Pid> {
  std::size_t operator()(golden::Pid p) const noexcept { return std::hash<std::int32_t>{}(p.value); }
};
template <>
struct std::hash<golden::Tid> {
  std::size_t operator()(golden::Tid t) const noexcept { return std::hash<std::int32_t>{}(t.value); }
};
