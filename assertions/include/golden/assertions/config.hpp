// The assertion config (SPEC §6): renacer's `renacer.toml`, accepted unchanged, plus
// golden's further assertion types. docs/assertions.md documents every type and field.
//
//   [[assertion]]
//   name = "cli_startup_time"
//   type = "critical_path"
//   max_duration_ms = 10
//   fail_on_violation = true   # false: a violation is a warning
//   enabled = true
//
// Parsing is strict where a mistake would silently weaken a budget: an unknown type,
// pattern or field, a wrong value type, an out-of-range value or a missing required
// field is an Error whose `where` is "file:line". Other top-level tables are left to
// their owners (`[compare]` belongs to golden::equivalence); tables nobody knows are
// reported in AssertionConfig::warnings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "golden/model/result.hpp"

namespace golden {

enum class AssertionType : std::uint8_t {
  CriticalPath,  // renacer: longest causal chain (golden::graph)
  SpanCount,     // renacer: user spans, or syscall events when there are none
  MemoryUsage,   // renacer: peak RSS or allocation counters
  AntiPattern,   // renacer: a detector's confidence against a threshold
  WallTime,      // run start to end
  SyscallCount,  // calls of some syscalls / classes / all
  ErrorCount,    // failed calls: a count and/or a rate
  Forbidden,     // syscalls, paths, endpoints that must not appear
  Required,      // syscalls, paths, endpoints that must appear
};

std::string_view to_string(AssertionType type);  // "critical_path", ...
std::optional<AssertionType> assertion_type_from_string(std::string_view s);

// Regression limit against a baseline trace: (current - baseline) / baseline * 100 must
// stay <= max_regression_percent. Without a baseline the limit is "not applicable".
struct RegressionLimit {
  std::optional<double> max_regression_percent;
};

struct CriticalPathSpec {
  std::optional<double> max_duration_ms;
  RegressionLimit regression;
  // renacer's trace_name_pattern: a regex (search) over user span names — when it names
  // at least one span, the path is taken over the events inside those spans — else
  // over process names (golden::graph's process_name_pattern).
  std::string trace_name_pattern;
  bool include_user_time = false;  // elapsed time along the chain, not only syscall time
};

struct WallTimeSpec {
  std::optional<double> max_duration_ms;
  RegressionLimit regression;
};

struct SpanCountSpec {
  std::uint64_t max_spans = 0;
  std::string span_name_pattern;  // regex (search); "" = every span
};

enum class TrackingMode : std::uint8_t { Rss, Allocations };
// How per-process peaks combine over the process tree.
enum class MemoryAggregate : std::uint8_t {
  Tree,     // the most that was live at once: max over time of the sum of the peaks
            // of the processes alive at that time (an upper bound of the true peak)
  Process,  // the largest single process
};

struct MemoryUsageSpec {
  std::optional<std::uint64_t> max_bytes;
  RegressionLimit regression;
  TrackingMode mode = TrackingMode::Rss;
  MemoryAggregate aggregate = MemoryAggregate::Tree;
  std::string process_name_pattern;
  // allocations only: judge the heap growth inside the user spans named like this (the
  // largest), from the preload library's per-span reports, instead of whole processes.
  std::string span_name_pattern;
};

struct AntiPatternSpec {
  std::string pattern;     // a detector name: TightLoop, GodProcess, ...
  double threshold = 0.7;  // the confidence (0..1) a finding must reach
  std::string process_name_pattern;
  // PcieBottleneck: which user spans are transfers and which are kernels (regex, icase).
  std::string transfer_pattern;
  std::string kernel_pattern;
};

// Which calls a count or error assertion looks at: the union of the named syscalls
// and classes; both empty = every syscall.
struct CallSelector {
  std::vector<std::string> syscalls;
  std::uint16_t classes = 0;  // SyscallClass bits
  std::string process_name_pattern;
  // Where the call was made (traces captured with --source): regexes searched in the
  // user function's name and in its source file's path.
  std::string function_pattern;
  std::string file_pattern;
};

struct SyscallCountSpec {
  CallSelector select;
  std::optional<std::uint64_t> max_calls;
  std::optional<std::uint64_t> min_calls;
  RegressionLimit regression;
};

struct ErrorCountSpec {
  CallSelector select;
  std::vector<int> errnos;  // only these errors count; empty = any
  std::optional<std::uint64_t> max_errors;
  std::optional<double> max_error_rate;  // failed / selected calls, 0..1
};

// Forbidden: none may appear. Required: each must appear (successfully) in every run.
struct PresenceSpec {
  std::vector<std::string> syscalls;
  std::vector<std::string> paths;      // globs: `*` within a component, `**` across
  std::vector<std::string> endpoints;  // globs over "127.0.0.1:80", "[::1]:443", "unix:/run/x"
  std::string process_name_pattern;
};

using AssertionSpec = std::variant<CriticalPathSpec, WallTimeSpec, SpanCountSpec, MemoryUsageSpec,
                                   AntiPatternSpec, SyscallCountSpec, ErrorCountSpec, PresenceSpec>;

struct Assertion {
  std::string name;
  AssertionType type = AssertionType::CriticalPath;
  std::string description;
  bool fail_on_violation = true;
  bool enabled = true;
  AssertionSpec spec;
  std::string where;  // "renacer.toml:12", the [[assertion]] header
  int line = 0;
};

struct AssertionConfig {
  std::vector<Assertion> assertions;  // in file order
  std::vector<std::string> warnings;  // "renacer.toml:30: unknown table [tracing] ignored"
  std::string source;                 // the file name
};

Result<AssertionConfig> load_assertion_config(const std::string& path);
// Same from text; `name` is used in error locations.
Result<AssertionConfig> parse_assertion_config(std::string_view toml, std::string_view name);

}  // namespace golden
