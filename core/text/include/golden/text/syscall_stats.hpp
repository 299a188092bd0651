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
  Function, // one row per user function the calls were made from (--source):
            // "load_config() [config.cpp]"; calls without a location: "(no source)"
  Line,     // one row per source line: "config.cpp:41 load_config()"
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
  // Counted calls attributed to user code (0: the trace was captured without --source,
  // and the Function/Line tables have one "(no source)" row).
  std::uint64_t calls_with_source() const { return with_source_; }
  // The table for `grouping`, ending with the total row.
  std::string table(StatsGrouping grouping) const;

 private:
  struct ProcessEntry {
    std::uint64_t first_seen = 0;
    std::string name;
    CallStats stats;
  };
  ProcessEntry& process_entry(std::uint32_t run, Pid pid);
  // A row of the Function / Line tables, in order of first appearance until sorted.
  struct SourceEntry {
    std::uint64_t first_seen = 0;
    std::string label;
    CallStats stats;
  };
  void add_source(std::map<std::string, SourceEntry>& table, std::string key,
                  const std::string& label, const Event& event);
  std::vector<CallRow> source_rows(const std::map<std::string, SourceEntry>& table) const;

  // Keyed by syscall number so that ties keep strace's order; unknown numbers last.
  std::map<std::pair<int, std::string>, CallStats> by_syscall_;
  std::map<std::pair<std::uint32_t, std::int32_t>, ProcessEntry> by_process_;
  std::map<std::string, SourceEntry> by_function_;
  std::map<std::string, SourceEntry> by_line_;
  std::uint64_t with_source_ = 0;
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

// "syscall", "process", "class", "function", "line"
std::string_view grouping_header(StatsGrouping grouping);

}  // namespace golden
