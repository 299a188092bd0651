// What every evaluator needs: the runs being judged, the baseline's, and the verdict
// plumbing shared by all budget types (limits, regression, medians and noise).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "golden/assertions/engine.hpp"
#include "golden/assertions/outcome.hpp"

namespace golden::detail {

struct EvalContext {
  const CheckInput* input = nullptr;
  std::vector<const Trace*> runs;
  std::vector<const Trace*> baseline_runs;  // empty without a baseline
  bool has_timing = true;                   // from the trace header
  bool baseline_has_timing = true;

  explicit EvalContext(const CheckInput& in);
};

// Fail or Warn, as the assertion's fail_on_violation says.
Outcome violation(const Assertion& a);

// A figure judged against an absolute limit and/or a regression limit.
struct Budget {
  std::string what;  // "critical path", "wall time", "syscalls", "peak RSS"
  std::string unit;  // for reports: "ms", "calls", "bytes"
  // Timing: the median decides and noise is judged. Counts and memory: the worst run.
  bool median = false;
  std::function<std::string(double)> format;  // value with its unit: "12.3 ms"
  std::vector<double> current;                // per run
  std::optional<std::vector<double>> baseline;
  std::optional<double> max;
  std::optional<double> min;
  std::optional<double> max_regression_percent;
};

// Fills outcome, summary, details, measured/limit/unit and spread of `r`.
void judge_budget(const Assertion& a, const Budget& b, AssertionResult& r);

// Two judgements of one assertion (e.g. an error count and an error rate) as one: the
// worse outcome, both summaries; measured/limit from the first.
void merge_result(AssertionResult& into, const AssertionResult& from);

// "12.3 ms" style durations from nanoseconds, and byte sizes "10.5 MiB (11010048 bytes)".
std::string format_ms(double ms);
std::string format_bytes(double bytes);
std::string format_count(double n);

}  // namespace golden::detail
