// The `strace -c` summary table, byte for byte: same header, column widths (which grow
// with the values, as strace 6's do), rounding and blank zero-error cells.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "golden/model/ids.hpp"
#include "golden/model/trace.hpp"

namespace golden {

// Calls, failures and time spent in a group of syscalls.
struct CallStats {
  std::uint64_t calls = 0;
  std::uint64_t errors = 0;
  Nanos time{0};  // sum of the calls' durations (entry to exit)

  // Counts a finished syscall event; other events are ignored, as strace -c ignores
  // calls that never return (exit_group) and signal deliveries.
  void add(const Event& event);
  void merge(const CallStats& other);
  static bool counts(const Event& event);
};

struct CallRow {
  std::string label;  // syscall name, process or class
  CallStats stats;
};

// Renders rows in the given order, then the total row. `label_header` names the last
// column ("syscall" reproduces strace -c exactly). `total` is passed rather than summed
// because grouped rows may overlap (a syscall in two classes).
std::string render_call_table(std::span<const CallRow> rows, const CallStats& total,
                              std::string_view label_header = "syscall");

}  // namespace golden
