// Helpers for the recorder's tests: run capture() on the small C programs in
// tests/programs/ into a TraceBuilder, and look things up in the result.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "golden/recorder/recorder.hpp"

namespace golden::test {

// Path of a program built from tests/programs/NAME.c.
std::string program(std::string_view name);

struct Captured {
  Result<CaptureOutcome> outcome = Error{"not run", ""};
  TraceFile file;
  const Trace& run(std::size_t i = 0) const { return file.runs.at(i); }
};

Captured capture_with(CaptureOptions options);
Captured capture_command(std::vector<std::string> command);

// Syscall events named `name`, optionally only those of process `pid`.
std::vector<const Event*> syscalls(const Trace& trace, std::string_view name,
                                   std::optional<Pid> pid = std::nullopt);
std::vector<const Event*> events_of_kind(const Trace& trace, EventKind kind,
                                         std::optional<Pid> pid = std::nullopt);
const ProcessInfo* process(const Trace& trace, Pid pid);
const ProcessInfo* root_process(const Trace& trace);
bool has_edge(const Trace& trace, EdgeKind kind, Seq from, Seq to);
std::vector<Edge> edges_of_kind(const Trace& trace, EdgeKind kind);
// The first event of thread `tid`.
const Event* first_event_of(const Trace& trace, Tid tid);
// The value of counter `name` (0 when absent).
std::uint64_t counter(const Trace& trace, const std::string& name);

}  // namespace golden::test
