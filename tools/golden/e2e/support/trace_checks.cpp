#include "trace_checks.hpp"

#include <map>
#include <set>
#include <sstream>

#include "golden/syscalls/families.hpp"

namespace golden::e2e {
namespace {

using syscalls::Family;
using syscalls::has_any_family;
using syscalls::has_family;

// The calls the recorder may join with a data edge (core/recorder's data_flow.cpp moves
// bytes through pipes and sockets with these); either end of an in-kernel copy or splice.
bool moves_data_out(std::string_view name) {
  return has_any_family(name, {Family::Write, Family::Send, Family::Copy, Family::Splice});
}
bool moves_data_in(std::string_view name) {
  return has_any_family(name, {Family::Read, Family::Receive, Family::Copy, Family::Splice});
}

std::string ev(const Trace& t, Seq s) {
  if (s >= t.events.size()) return "#" + std::to_string(s) + " (out of range)";
  const Event& e = t.events[s];
  std::ostringstream o;
  o << "#" << s << " " << e.name << " [tid " << e.tid.value << "] lamport " << e.lamport;
  return o.str();
}

}  // namespace

std::vector<std::string> check_structure(const Trace& trace) {
  std::vector<std::string> problems;
  const auto& events = trace.events;
  std::map<std::int32_t, std::set<std::int32_t>> threads;  // pid -> tids seen in records
  for (const ProcessInfo& p : trace.processes)
    for (Tid t : p.threads) threads[p.pid.value].insert(t.value);
  std::map<std::int32_t, Seq> first_of_tid;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    if (e.seq != i) problems.push_back("event at index " + std::to_string(i) + " has seq " + std::to_string(e.seq));
    if (!first_of_tid.count(e.tid.value)) first_of_tid[e.tid.value] = i;
    if (!threads.count(e.pid.value))
      problems.push_back(ev(trace, i) + ": pid " + std::to_string(e.pid.value) + " has no process record");
    else if (!threads[e.pid.value].count(e.tid.value))
      problems.push_back(ev(trace, i) + ": tid " + std::to_string(e.tid.value) + " missing from process " +
                         std::to_string(e.pid.value) + "'s threads");
  }
  for (const Edge& edge : trace.edges) {
    std::string what = std::string(to_string(edge.kind)) + " edge " + ev(trace, edge.from) + " -> " + ev(trace, edge.to);
    if (edge.from >= events.size() || edge.to >= events.size()) {
      problems.push_back(what + ": endpoint out of range");
      continue;
    }
    if (edge.from == edge.to) problems.push_back(what + ": self edge");
    const Event& from = events[edge.from];
    const Event& to = events[edge.to];
    switch (edge.kind) {
      case EdgeKind::Spawn:
        if (!has_family(from.name, Family::Spawn))
          problems.push_back(what + ": spawn edge not from a clone-like call");
        if (first_of_tid[to.tid.value] != edge.to)
          problems.push_back(what + ": spawn edge not into the first event of the new thread");
        break;
      case EdgeKind::Reap:
        if (!has_family(to.name, Family::ChildWait))
          problems.push_back(what + ": reap edge not into a wait call");
        if (from.pid == to.pid) problems.push_back(what + ": reap edge inside one process");
        break;
      case EdgeKind::Data:
        if (!moves_data_out(from.name))
          problems.push_back(what + ": data edge not from a write-like call");
        if (!moves_data_in(to.name))
          problems.push_back(what + ": data edge not into a read-like call");
        break;
      case EdgeKind::Signal:
        if (to.kind != EventKind::Signal) problems.push_back(what + ": signal edge not into a signal delivery");
        break;
    }
  }
  return problems;
}

std::vector<std::string> check_lamport(const Trace& trace) {
  std::vector<std::string> problems;
  std::map<std::int32_t, Seq> last_of_tid;
  for (const Event& e : trace.events) {
    if (e.lamport == 0) problems.push_back(ev(trace, e.seq) + ": no Lamport clock");
    auto it = last_of_tid.find(e.tid.value);
    if (it != last_of_tid.end() && trace.events[it->second].lamport >= e.lamport)
      problems.push_back("program order: " + ev(trace, it->second) + " then " + ev(trace, e.seq) +
                         " in the same thread, clock not increasing");
    last_of_tid[e.tid.value] = e.seq;
  }
  for (const Edge& edge : trace.edges) {
    if (edge.from >= trace.events.size() || edge.to >= trace.events.size()) continue;
    if (trace.events[edge.from].lamport >= trace.events[edge.to].lamport)
      problems.push_back(std::string(to_string(edge.kind)) + " edge " + ev(trace, edge.from) + " -> " +
                         ev(trace, edge.to) + ": clock not increasing along the edge");
  }
  return problems;
}

std::vector<std::string> check_timing(const Trace& trace, std::chrono::nanoseconds measured) {
  std::vector<std::string> problems;
  const Nanos wall = trace.run.wall_time;
  if (wall <= Nanos{0}) problems.push_back("run wall time " + std::to_string(wall.count()) + " ns is not positive");
  if (wall > measured)
    problems.push_back("run wall time " + std::to_string(wall.count()) + " ns exceeds the golden command's own run time " +
                       std::to_string(measured.count()) + " ns");
  std::map<std::int32_t, Seq> last_of_tid;
  for (const Event& e : trace.events) {
    std::string where = ev(trace, e.seq);
    if (e.duration < Nanos{0}) problems.push_back(where + ": negative duration " + std::to_string(e.duration.count()));
    if (e.start < Nanos{0} || e.start > wall)
      problems.push_back(where + ": start " + std::to_string(e.start.count()) + " ns outside the run [0, " +
                         std::to_string(wall.count()) + "]");
    else if (e.finished && e.end() > wall)
      problems.push_back(where + ": ends at " + std::to_string(e.end().count()) + " ns, after the run's end " +
                         std::to_string(wall.count()));
    auto it = last_of_tid.find(e.tid.value);
    if (it != last_of_tid.end()) {
      const Event& prev = trace.events[it->second];
      Nanos prev_end = prev.finished ? prev.end() : prev.start;
      if (prev.kind == EventKind::Syscall && e.kind == EventKind::Syscall && e.start < prev_end)
        problems.push_back(where + " starts at " + std::to_string(e.start.count()) + " ns, before the previous call " +
                           ev(trace, prev.seq) + " of its thread ended (" + std::to_string(prev_end.count()) + ")");
    }
    last_of_tid[e.tid.value] = e.seq;
  }
  return problems;
}

std::vector<std::string> check_no_anomalies(const Trace& trace) {
  std::vector<std::string> problems;
  static const char* const kBad[] = {"unknown", "unmatched", "lost",    "unexpected", "dropped",
                                     "unpaired", "overflow", "orphan", "before_start", "without_event"};
  for (const auto& [name, value] : trace.run.counters)
    for (const char* bad : kBad)
      if (value != 0 && name.find(bad) != std::string::npos) {
        problems.push_back("anomaly counter " + name + " = " + std::to_string(value));
        break;
      }
  for (const Event& e : trace.events) {
    if (e.kind != EventKind::Syscall) continue;
    if (e.name.empty() || e.name.find("unknown") != std::string::npos || e.nr < 0)
      problems.push_back(ev(trace, e.seq) + ": syscall without a proper name/number (nr " + std::to_string(e.nr) + ")");
  }
  return problems;
}

std::vector<std::string> check_all(const Trace& trace, std::chrono::nanoseconds measured) {
  std::vector<std::string> all = check_structure(trace);
  for (auto& p : check_lamport(trace)) all.push_back(std::move(p));
  for (auto& p : check_timing(trace, measured)) all.push_back(std::move(p));
  return all;
}

std::string join(const std::vector<std::string>& lines, std::size_t max) {
  std::ostringstream s;
  for (std::size_t i = 0; i < lines.size() && i < max; ++i) s << "  " << lines[i] << "\n";
  if (lines.size() > max) s << "  ... and " << lines.size() - max << " more\n";
  return s.str();
}

}  // namespace golden::e2e
