#include "recorder_harness.hpp"

#include <algorithm>

namespace golden::test {

std::string program(std::string_view name) {
  return std::string(GOLDEN_RECORDER_PROGRAMS) + "/" + std::string(name);
}

Captured capture_with(CaptureOptions options) {
  Captured c;
  TraceBuilder builder;
  c.outcome = capture(options, builder);
  c.file = std::move(builder.file());
  return c;
}

Captured capture_command(std::vector<std::string> command) {
  CaptureOptions options;
  options.command = std::move(command);
  return capture_with(std::move(options));
}

std::vector<const Event*> syscalls(const Trace& trace, std::string_view name,
                                   std::optional<Pid> pid) {
  std::vector<const Event*> out;
  for (const Event& e : trace.events)
    if (e.kind == EventKind::Syscall && e.name == name && (!pid || e.pid == *pid))
      out.push_back(&e);
  return out;
}

std::vector<const Event*> events_of_kind(const Trace& trace, EventKind kind,
                                         std::optional<Pid> pid) {
  std::vector<const Event*> out;
  for (const Event& e : trace.events)
    if (e.kind == kind && (!pid || e.pid == *pid)) out.push_back(&e);
  return out;
}

const ProcessInfo* process(const Trace& trace, Pid pid) { return trace.process(pid); }

const ProcessInfo* root_process(const Trace& trace) {
  for (const ProcessInfo& p : trace.processes)
    if (p.parent.value == 0) return &p;
  return nullptr;
}

bool has_edge(const Trace& trace, EdgeKind kind, Seq from, Seq to) {
  return std::any_of(trace.edges.begin(), trace.edges.end(), [&](const Edge& e) {
    return e.kind == kind && e.from == from && e.to == to;
  });
}

std::vector<Edge> edges_of_kind(const Trace& trace, EdgeKind kind) {
  std::vector<Edge> out;
  for (const Edge& e : trace.edges)
    if (e.kind == kind) out.push_back(e);
  return out;
}

const Event* first_event_of(const Trace& trace, Tid tid) {
  for (const Event& e : trace.events)
    if (e.tid == tid) return &e;
  return nullptr;
}

std::uint64_t counter(const Trace& trace, const std::string& name) {
  auto it = trace.run.counters.find(name);
  return it == trace.run.counters.end() ? 0 : it->second;
}

}  // namespace golden::test
