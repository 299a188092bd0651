// Checking an assertion config against a trace (`golden check`, `golden verify`).
#pragma once

#include <string>

#include "golden/assertions/config.hpp"
#include "golden/assertions/outcome.hpp"
#include "golden/model/trace.hpp"

namespace golden {

struct CheckInput {
  const TraceFile* trace = nullptr;  // every run in it is judged (--runs N)
  std::string trace_name;
  const TraceFile* baseline = nullptr;  // for max_regression_percent; may be null
  std::string baseline_name;
  std::string config_name;
};

// Evaluates every assertion, in config order. Never throws for bad traces: what a trace
// cannot answer is an Outcome::Error result.
CheckReport run_checks(const AssertionConfig& config, const CheckInput& input);

// One assertion (the GoogleTest layer uses it for a single budget).
AssertionResult check_assertion(const Assertion& assertion, const CheckInput& input);

}  // namespace golden
