// Per-syscall, per-process and per-class statistics, accumulated incrementally so that
// `capture --summary` never holds the events, and the same code serves `golden stats`
// on a file. Rendering goes through the strace -c table (call_table.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "golden/model/trace.hpp"
#include "golden/text/call_table.hpp"

namespace golden {

enum class StatsGrouping {
  Syscall,  // strace -c
  Process,  // one row per process: "pid 1234 (wc)"
  Class,    // one row per syscall class (%file, %desc...); a call counts in each of its
            // classes, calls in none in "other"; the total counts each call once
};

class SyscallStats {
 public:
  // Counts a syscall event of run `run` (others only make their process known: see
  // CallStats::add for what strace -c counts).
  void add_event(const Event& event, std::uint32_t run = 0);
  // Gives a process its command name in the per-process table.
  void add_process(const ProcessInfo& process, std::uint32_t run = 0);
  void add_trace(const Trace& trace);

  // Rows sorted like strace: by time, most first; ties in syscall number order (by first
  // appearance for processes, class order for classes).
  std::vector<CallRow> rows(StatsGrouping grouping) const;
  const CallStats& total() const { return total_; }
  // The table for `grouping`, ending with the total row.
  std::string table(StatsGrouping grouping) const;

 private:
  struct ProcessEntry {
    std::uint64_t first_seen = 0;
    std::string name;
    CallStats stats;
  };
  ProcessEntry& process_entry(std::uint32_t run, Pid pid);

  // Keyed by syscall number so that ties keep strace's order; unknown numbers last.
  std::map<std::pair<int, std::string>, CallStats> by_syscall_;
  std::map<std::pair<std::uint32_t, std::int32_t>, ProcessEntry> by_process_;
  std::uint32_t max_run_ = 0;
  CallStats total_;
};

// Adapter for live captures: feeds a SyscallStats from the recorder's stream.
class StatsSink : public TraceSink {
 public:
  explicit StatsSink(SyscallStats& stats) : stats_(stats) {}
  void begin_run(const RunInfo& run) override { run_ = run.index; }
  void event(const Event& event) override { stats_.add_event(event, run_); }
  void process(const ProcessInfo& process) override { stats_.add_process(process, run_); }
  void edge(const Edge&) override {}
  void end_run(const RunInfo&) override {}

 private:
  SyscallStats& stats_;
  std::uint32_t run_ = 0;
};

std::string_view grouping_header(StatsGrouping grouping);  // "syscall", "process", "class"

}  // namespace golden
