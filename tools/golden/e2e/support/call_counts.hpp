// Per-syscall call/error counts, from strace -c tables (strace's own, or `golden stats`,
// which prints the same table) and from recorded traces, and their comparison.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "golden/model/trace.hpp"
#include "test_support_names.hpp"

namespace golden::e2e {

struct CallCount {
  std::uint64_t calls = 0;
  std::uint64_t errors = 0;
  friend bool operator==(const CallCount&, const CallCount&) = default;
};
using CallCounts = std::map<std::string, CallCount>;

// strace 6.1's -c table header and separator, byte for byte.
inline constexpr std::string_view kStraceHeader =
    "% time     seconds  usecs/call     calls    errors syscall";
inline constexpr std::string_view kStraceSeparator =
    "------ ----------- ----------- --------- --------- ----------------";

struct CallTable {
  std::vector<std::string> lines;  // the table's lines, header first
  CallCounts rows;                 // by the last column (syscall, process or class)
  CallCount total;
};

// Parses the first strace -c table found in `text` (lines before the header are
// skipped). nullopt with `*error` set when there is none or a row does not parse.
std::optional<CallTable> parse_call_table(std::string_view text, std::string* error);

// What strace -c counts, from a trace: syscall events that returned (strace counts a
// call at its exit, so exit_group, exit, and calls cut short by a kill or an exec
// in another thread never appear in its table), errors = those with err != 0.
CallCounts count_calls(const Trace& trace);
// Only events of syscall `name` (finished or not).
std::size_t count_events(const Trace& trace, std::string_view name);

// How the comparison treats one syscall whose count is known to vary between runs.
enum class Variance {
  Ignore,          // calls and errors both vary: not compared
  SuccessesOnly,   // the number of failures varies (ERESTART* interruptions): compare calls-errors
  CallsOnly,       // whether a call counts as failed varies: compare calls only
};
struct CountRule {
  std::string syscall;
  Variance variance;
  std::string why;  // shown in failure messages; the evidence lives at the rule's definition
};

// Differences between `golden` and `reference` counts after applying the rules, one
// line per syscall that differs ("openat: golden 12 calls/3 errors, strace 13/3").
std::vector<std::string> compare_counts(const CallCounts& golden, const CallCounts& reference,
                                        const std::vector<CountRule>& rules);
std::string format_counts(const CallCounts& counts);

struct StraceRun {
  RunResult result;  // strace's own run (the program's stdout, strace's stderr)
  std::optional<CallTable> table;
  std::string error;  // why table is missing
};
// strace -f -c [extra...] -o TMPFILE -- argv.
StraceRun run_strace_c(const std::vector<std::string>& argv, const std::vector<std::string>& extra = {},
                       const RunOptions& options = {});
bool have_strace();

}  // namespace golden::e2e
