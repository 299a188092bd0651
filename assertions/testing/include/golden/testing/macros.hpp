// The trace assertions. Each takes golden::testing::Trace values and, on failure, prints
// the report a user needs (the first divergences with their diffs, the broken budgets),
// never the trace itself. Like every GoogleTest assertion they accept `<< "context"`.
//
//   EXPECT_TRACE_EQUIVALENT(a, b)            same observable behaviour (golden compare)
//   EXPECT_TRACE_EQUIVALENT(a, b, config)    ... with a CompareConfig or a TOML file's
//                                            [compare] rules
//   EXPECT_MATCHES_GOLDEN(trace, "x.golden.json")
//   EXPECT_MATCHES_GOLDEN(trace, "x.golden.json", GoldenOptions{.config = "renacer.toml"})
//                                            golden verify's rules: a missing golden is
//                                            recorded, GOLDEN_UPDATE=1 re-records it, and
//                                            with CI set it is never written (x.golden.json.new
//                                            is, and the assertion fails)
//   EXPECT_WITHIN_BUDGET(trace, "renacer.toml")   golden check: every enabled assertion
//                                            with fail_on_violation holds
// ASSERT_* forms stop the test, as GoogleTest's do.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "golden/equivalence/compare_config.hpp"
#include "golden/testing/trace.hpp"

namespace golden::testing {

struct GoldenOptions {
  // A TOML file with [[assertion]] budgets and [compare] rules ("": none), relative to
  // the working directory; its budgets are checked on the new trace, its [compare]
  // rules used for the comparison, as `golden verify --config`.
  std::string config;
  // Relative golden paths are taken from here ("": the working directory).
  std::string base_dir;
};

namespace internal {

::testing::AssertionResult trace_equivalent(const char* a_expr, const char* b_expr,
                                            const Trace& a, const Trace& b);
::testing::AssertionResult trace_equivalent(const char* a_expr, const char* b_expr,
                                            const char* config_expr, const Trace& a,
                                            const Trace& b, const CompareConfig& config);
::testing::AssertionResult trace_equivalent(const char* a_expr, const char* b_expr,
                                            const char* config_expr, const Trace& a,
                                            const Trace& b, const std::string& config_file);
::testing::AssertionResult matches_golden(const char* trace_expr, const char* path_expr,
                                          const Trace& trace, const std::string& golden);
::testing::AssertionResult matches_golden(const char* trace_expr, const char* path_expr,
                                          const char* options_expr, const Trace& trace,
                                          const std::string& golden, const GoldenOptions& options);
::testing::AssertionResult within_budget(const char* trace_expr, const char* config_expr,
                                         const Trace& trace, const std::string& config_file);

}  // namespace internal
}  // namespace golden::testing

// Picks the 2- or 3-argument predicate-format macro by the number of arguments.
#define GOLDEN_TESTING_PICK_(a1, a2, a3, macro, ...) macro
#define GOLDEN_TESTING_PRED_(kind, fn, ...)                                               \
  GOLDEN_TESTING_PICK_(__VA_ARGS__, kind##_PRED_FORMAT3, kind##_PRED_FORMAT2, unused_)( \
      ::golden::testing::internal::fn, __VA_ARGS__)

#define EXPECT_TRACE_EQUIVALENT(...) GOLDEN_TESTING_PRED_(EXPECT, trace_equivalent, __VA_ARGS__)
#define ASSERT_TRACE_EQUIVALENT(...) GOLDEN_TESTING_PRED_(ASSERT, trace_equivalent, __VA_ARGS__)
#define EXPECT_MATCHES_GOLDEN(...) GOLDEN_TESTING_PRED_(EXPECT, matches_golden, __VA_ARGS__)
#define ASSERT_MATCHES_GOLDEN(...) GOLDEN_TESTING_PRED_(ASSERT, matches_golden, __VA_ARGS__)
#define EXPECT_WITHIN_BUDGET(trace, config) \
  EXPECT_PRED_FORMAT2(::golden::testing::internal::within_budget, trace, config)
#define ASSERT_WITHIN_BUDGET(trace, config) \
  ASSERT_PRED_FORMAT2(::golden::testing::internal::within_budget, trace, config)
