// Per-type fields of [[assertion]] tables: renacer's four types with their renacer
// field names, then golden's. docs/assertions.md lists the same fields.
#include "config_specs.hpp"

#include <fmt/format.h>

#include <limits>
#include <set>

#include "golden/assertions/detectors.hpp"
#include "golden/syscalls/abi_names.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden::detail {
namespace {

constexpr double kNoMax = std::numeric_limits<double>::max();

// Fields every assertion has.
const std::set<std::string_view> kCommon{"name", "type", "description", "fail_on_violation",
                                         "enabled"};

std::set<std::string_view> with_common(std::initializer_list<std::string_view> extra) {
  std::set<std::string_view> out = kCommon;
  out.insert(extra.begin(), extra.end());
  return out;
}

RegressionLimit regression(FieldReader& f) {
  // -100 would demand the figure drop to nothing; below that is meaningless.
  return {f.number("max_regression_percent", -100.0, kNoMax)};
}

// At least one limit must be set, else the assertion checks nothing.
void require_one(FieldReader& f, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys)
    if (f.has(k)) return;
  if (keys.size() == 1) return f.fail_missing(*keys.begin());
  std::string list;
  for (std::string_view k : keys) list += (list.empty() ? "'" : " or '") + std::string(k) + "'";
  f.fail_at_table(fmt::format("missing required field: {}", list));
}

CriticalPathSpec critical_path(FieldReader& f) {
  f.reject_unknown(with_common(
      {"max_duration_ms", "max_regression_percent", "trace_name_pattern", "include_user_time"}));
  require_one(f, {"max_duration_ms", "max_regression_percent"});
  CriticalPathSpec s;
  s.max_duration_ms = f.number("max_duration_ms", 0, kNoMax);
  s.regression = regression(f);
  s.trace_name_pattern = f.regex("trace_name_pattern");
  s.include_user_time = f.boolean("include_user_time").value_or(false);
  return s;
}

WallTimeSpec wall_time(FieldReader& f) {
  f.reject_unknown(with_common({"max_duration_ms", "max_regression_percent"}));
  require_one(f, {"max_duration_ms", "max_regression_percent"});
  return {f.number("max_duration_ms", 0, kNoMax), regression(f)};
}

SpanCountSpec span_count(FieldReader& f) {
  f.reject_unknown(with_common({"max_spans", "span_name_pattern"}));
  require_one(f, {"max_spans"});
  SpanCountSpec s;
  s.max_spans = f.count("max_spans").value_or(0);
  s.span_name_pattern = f.regex("span_name_pattern");
  return s;
}

MemoryUsageSpec memory_usage(FieldReader& f) {
  f.reject_unknown(with_common({"max_bytes", "tracking_mode", "aggregate", "process_name_pattern",
                                "span_name_pattern", "max_regression_percent"}));
  require_one(f, {"max_bytes", "max_regression_percent"});
  MemoryUsageSpec s;
  s.max_bytes = f.bytes("max_bytes");
  s.regression = regression(f);
  if (auto mode = f.string("tracking_mode")) {
    if (*mode == "rss")
      s.mode = TrackingMode::Rss;
    else if (*mode == "allocations")
      s.mode = TrackingMode::Allocations;
    else
      f.fail("tracking_mode",
             fmt::format("tracking_mode must be \"rss\" or \"allocations\", not \"{}\"", *mode));
  }
  if (auto agg = f.string("aggregate")) {
    if (*agg == "tree")
      s.aggregate = MemoryAggregate::Tree;
    else if (*agg == "process")
      s.aggregate = MemoryAggregate::Process;
    else
      f.fail("aggregate",
             fmt::format("aggregate must be \"tree\" or \"process\", not \"{}\"", *agg));
  }
  if (s.mode == TrackingMode::Allocations && s.regression.max_regression_percent)
    f.fail("max_regression_percent",
           "max_regression_percent is supported with tracking_mode = \"rss\" only");
  s.process_name_pattern = f.regex("process_name_pattern");
  s.span_name_pattern = f.regex("span_name_pattern");
  if (!s.span_name_pattern.empty() && s.mode != TrackingMode::Allocations)
    f.fail("span_name_pattern", "span_name_pattern needs tracking_mode = \"allocations\"");
  if (!s.span_name_pattern.empty() && !s.max_bytes) f.fail_missing("max_bytes");
  return s;
}

AntiPatternSpec anti_pattern(FieldReader& f) {
  f.reject_unknown(with_common(
      {"pattern", "threshold", "process_name_pattern", "transfer_pattern", "kernel_pattern"}));
  require_one(f, {"pattern"});
  AntiPatternSpec s;
  s.pattern = f.string("pattern").value_or("");
  if (!f.failed() && find_detector(s.pattern) == nullptr) {
    std::string known;
    for (std::string_view n : detector_names())
      known += (known.empty() ? "" : ", ") + std::string(n);
    f.fail("pattern", fmt::format("unknown anti-pattern '{}' (known: {})", s.pattern, known));
  }
  s.threshold = f.number("threshold", 0, 1).value_or(s.threshold);
  s.process_name_pattern = f.regex("process_name_pattern");
  s.transfer_pattern = f.regex("transfer_pattern", true);
  s.kernel_pattern = f.regex("kernel_pattern", true);
  if (s.pattern != "PcieBottleneck")
    for (std::string_view k : {"transfer_pattern", "kernel_pattern"})
      if (f.has(k)) f.fail(k, fmt::format("'{}' applies to pattern = \"PcieBottleneck\" only", k));
  return s;
}

// syscall/syscalls and class/classes: names checked against the syscall table.
CallSelector selector(FieldReader& f) {
  CallSelector sel;
  if (f.has("syscall") && f.has("syscalls"))
    f.fail("syscalls", "give 'syscall' or 'syscalls', not both");
  if (f.has("class") && f.has("classes")) f.fail("classes", "give 'class' or 'classes', not both");
  for (std::string_view key : {"syscall", "syscalls"}) {
    for (const std::string& name : f.strings(key).value_or(std::vector<std::string>{})) {
      if (syscall_by_name(name) == nullptr) f.fail(key, fmt::format("unknown syscall '{}'", name));
      sel.syscalls.push_back(name);
    }
  }
  for (std::string_view key : {"class", "classes"}) {
    for (const std::string& name : f.strings(key).value_or(std::vector<std::string>{})) {
      auto c = class_from_name(name);
      if (!c) {
        f.fail(key, fmt::format("unknown syscall class '{}' (file, network, process, memory, "
                                "signal, ipc, desc, creds, clock, stat)",
                                name));
        continue;
      }
      sel.classes = static_cast<std::uint16_t>(sel.classes | *c);
    }
  }
  sel.process_name_pattern = f.regex("process_name_pattern");
  sel.function_pattern = f.regex("function_pattern");
  sel.file_pattern = f.regex("file_pattern");
  return sel;
}

SyscallCountSpec syscall_count(FieldReader& f) {
  f.reject_unknown(with_common({"syscall", "syscalls", "class", "classes", "process_name_pattern",
                                "function_pattern", "file_pattern", "max_calls", "min_calls",
                                "max_regression_percent"}));
  require_one(f, {"max_calls", "min_calls", "max_regression_percent"});
  SyscallCountSpec s;
  s.select = selector(f);
  s.max_calls = f.count("max_calls");
  s.min_calls = f.count("min_calls");
  s.regression = regression(f);
  if (s.max_calls && s.min_calls && *s.min_calls > *s.max_calls)
    f.fail("min_calls", "min_calls is larger than max_calls");
  return s;
}

ErrorCountSpec error_count(FieldReader& f) {
  f.reject_unknown(
      with_common({"syscall", "syscalls", "class", "classes", "process_name_pattern",
                   "function_pattern", "file_pattern", "errno", "max_errors", "max_error_rate"}));
  require_one(f, {"max_errors", "max_error_rate"});
  ErrorCountSpec s;
  s.select = selector(f);
  for (const std::string& name : f.strings("errno").value_or(std::vector<std::string>{})) {
    if (auto e = errno_from_name(name))
      s.errnos.push_back(*e);
    else
      f.fail("errno", fmt::format("unknown errno name '{}'", name));
  }
  s.max_errors = f.count("max_errors");
  s.max_error_rate = f.number("max_error_rate", 0, 1);
  return s;
}

PresenceSpec presence(FieldReader& f) {
  f.reject_unknown(with_common({"syscalls", "paths", "endpoints", "process_name_pattern"}));
  require_one(f, {"syscalls", "paths", "endpoints"});
  PresenceSpec s;
  for (const std::string& name : f.strings("syscalls").value_or(std::vector<std::string>{})) {
    if (syscall_by_name(name) == nullptr)
      f.fail("syscalls", fmt::format("unknown syscall '{}'", name));
    s.syscalls.push_back(name);
  }
  s.paths = f.strings("paths").value_or(std::vector<std::string>{});
  s.endpoints = f.strings("endpoints").value_or(std::vector<std::string>{});
  for (std::string_view key : {"paths", "endpoints"})
    for (const std::string& g : key == "paths" ? s.paths : s.endpoints)
      if (g.empty()) f.fail(key, fmt::format("'{}' holds an empty pattern", key));
  s.process_name_pattern = f.regex("process_name_pattern");
  return s;
}

}  // namespace

AssertionSpec parse_spec(AssertionType type, FieldReader& f) {
  switch (type) {
    case AssertionType::CriticalPath:
      return critical_path(f);
    case AssertionType::WallTime:
      return wall_time(f);
    case AssertionType::SpanCount:
      return span_count(f);
    case AssertionType::MemoryUsage:
      return memory_usage(f);
    case AssertionType::AntiPattern:
      return anti_pattern(f);
    case AssertionType::SyscallCount:
      return syscall_count(f);
    case AssertionType::ErrorCount:
      return error_count(f);
    case AssertionType::Forbidden:
    case AssertionType::Required:
      return presence(f);
  }
  return CriticalPathSpec{};
}

}  // namespace golden::detail
