// Peak RSS and CPU times of a process, read from /proc at PTRACE_EVENT_EXIT and before
// exec (never per syscall).
#pragma once

#include <cstdint>
#include <optional>

#include "golden/model/ids.hpp"

namespace golden::rec {

struct ProcUsage {
  std::optional<std::uint64_t> peak_rss_kb;  // VmHWM of the thread's mm
  std::optional<Nanos> user_time;            // whole thread group
  std::optional<Nanos> system_time;
};

// Reads /proc/<tid>/status (VmHWM) and /proc/<tid>/stat (utime, stime of the group).
ProcUsage read_proc_usage(Tid tid);
// Only VmHWM (before exec replaces the address space).
std::optional<std::uint64_t> read_peak_rss_kb(Tid tid);

// Parses the VmHWM line of a /proc/<pid>/status text.
std::optional<std::uint64_t> parse_vm_hwm_kb(const std::string& status);
// utime and stime (clock ticks) from a /proc/<pid>/stat line; the comm field may
// contain spaces and parentheses, so fields are counted after the last ')'.
bool parse_stat_times(const std::string& stat, std::uint64_t* utime, std::uint64_t* stime);

}  // namespace golden::rec
