// What checking one assertion against a trace found, and how a whole check ends.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "golden/assertions/config.hpp"
#include "golden/assertions/detectors.hpp"
#include "golden/assertions/run_stats.hpp"

namespace golden {

enum class Outcome : std::uint8_t {
  Pass,
  Fail,           // violated, fail_on_violation = true: the check fails (exit 1)
  Warn,           // violated, fail_on_violation = false: reported only
  Inconclusive,   // timing over several runs too noisy to tell: reported as a warning
  NotApplicable,  // nothing to judge (no transfer spans, no baseline, ...): neither pass nor fail
  Disabled,       // enabled = false
  Error,          // the trace cannot answer it (no timing, no allocation counters): exit 2
};

std::string_view to_string(Outcome outcome);  // "pass", "fail", "warn", ...

struct AssertionResult {
  std::string name;
  AssertionType type = AssertionType::CriticalPath;
  std::string pattern;  // anti_pattern: the detector name
  std::string where;    // the assertion's file:line in the config
  Outcome outcome = Outcome::Pass;
  std::string summary;               // one line: "critical path 12.3 ms > 10 ms"
  std::vector<std::string> details;  // further lines (runs, spread, notes)
  std::vector<Finding> findings;     // anti_pattern: those at or above the threshold first
  // The figure compared and its limit, in `unit` ("ms", "bytes", "calls", "spans",
  // "confidence", "percent"), for machine-readable reports.
  std::optional<double> measured;
  std::optional<double> limit;
  std::string unit;
  std::optional<Spread> spread;  // timing over several runs
  double seconds = 0;            // time spent evaluating (JUnit `time`)
};

struct CheckReport {
  std::string trace_name;  // as given on the command line
  std::string config_name;
  std::string baseline_name;  // "" without a baseline
  std::size_t runs = 0;
  std::vector<AssertionResult> results;
  std::vector<std::string> notes;  // config warnings, truncated traces, ...

  std::size_t count(Outcome outcome) const;
  // 2 if any assertion could not be evaluated (Error), else 1 if any failed, else 0.
  int exit_status() const;
};

}  // namespace golden
