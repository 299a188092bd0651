// The predicate-formatters behind EXPECT_TRACE_EQUIVALENT, EXPECT_MATCHES_GOLDEN and
// EXPECT_WITHIN_BUDGET: each runs what the CLI command would (compare, verify, check)
// and turns its report into the failure message.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "golden/assertions/config.hpp"
#include "golden/assertions/engine.hpp"
#include "golden/assertions/report.hpp"
#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/report.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/testing/macros.hpp"
#include "golden/verify/verify.hpp"

namespace golden::testing::internal {
namespace {

// A failure shows the first few divergences with their diffs, not every table.
constexpr ReportOptions kFailureReport{.max_hunk_lines = 40, .max_divergences = 3, .tables = false};

CompareInput input_of(const Trace& t) {
  return CompareInput{&t.run(), t.file().header, t.name(), t.file().truncated};
}

::testing::AssertionResult equivalent(const char* a_expr, const char* b_expr, const Trace& a,
                                      const Trace& b, CompareConfig config) {
  add_environment_defaults(config);
  const CompareResult r = compare(input_of(a), input_of(b), config);
  if (r.equivalent) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << fmt::format("{} and {} do not behave the same ({} vs {}):\n", a_expr, b_expr,
                        a.name(), b.name())
         << render_text(r, kFailureReport);
}

}  // namespace

::testing::AssertionResult trace_equivalent(const char* a_expr, const char* b_expr,
                                            const Trace& a, const Trace& b) {
  return equivalent(a_expr, b_expr, a, b, {});
}

::testing::AssertionResult trace_equivalent(const char* a_expr, const char* b_expr, const char*,
                                            const Trace& a, const Trace& b,
                                            const CompareConfig& config) {
  return equivalent(a_expr, b_expr, a, b, config);
}

::testing::AssertionResult trace_equivalent(const char* a_expr, const char* b_expr,
                                            const char* config_expr, const Trace& a,
                                            const Trace& b, const std::string& config_file) {
  Result<CompareConfig> config = load_compare_config(config_file);
  if (!config)
    return ::testing::AssertionFailure()
           << config_expr << ": " << config.error().to_string();
  return equivalent(a_expr, b_expr, a, b, std::move(config).value());
}

::testing::AssertionResult matches_golden(const char* trace_expr, const char* path_expr,
                                          const Trace& trace, const std::string& golden) {
  return matches_golden(trace_expr, path_expr, "", trace, golden, GoldenOptions{});
}

::testing::AssertionResult matches_golden(const char* trace_expr, const char*, const char*,
                                          const Trace& trace, const std::string& golden,
                                          const GoldenOptions& options) {
  VerifyRequest request;
  request.golden = options.base_dir.empty() || golden.starts_with('/')
                       ? golden
                       : (std::filesystem::path(options.base_dir) / golden).string();
  request.rules = GoldenRules::from_environment();
  std::optional<AssertionConfig> assertions;
  if (!options.config.empty()) {
    Result<AssertionConfig> a = load_assertion_config(options.config);
    if (!a) return ::testing::AssertionFailure() << a.error().to_string();
    assertions = std::move(a).value();
    request.assertions = &*assertions;
    request.config_name = options.config;
    Result<CompareConfig> c = load_compare_config(options.config);
    if (!c) return ::testing::AssertionFailure() << c.error().to_string();
    request.compare = std::move(c).value();
  }
  add_environment_defaults(request.compare);
  Result<VerifyResult> verified =
      verify_golden(request, [&](const std::string& path, const WriterOptions& writer_options) {
        return write_trace(trace.file(), path, writer_options);
      });
  if (!verified)
    return ::testing::AssertionFailure()
           << trace_expr << " vs " << request.golden << ": " << verified.error().to_string();
  const VerifyResult& v = *verified;
  std::string messages;
  for (const std::string& m : v.messages) messages += "golden: " + m + "\n";
  if (v.status == 0) {
    // Recording a golden passes, but must not pass unnoticed.
    if (!v.comparison) std::fputs(messages.c_str(), stdout);
    return ::testing::AssertionSuccess();
  }
  std::string report;
  if (v.comparison && !v.comparison->equivalent) report += render_text(*v.comparison, kFailureReport);
  if (v.check && v.check->exit_status() != 0) report += render_check_text(*v.check);
  return ::testing::AssertionFailure()
         << fmt::format("{} does not match the golden trace {}:\n", trace_expr, request.golden)
         << report << messages;
}

::testing::AssertionResult within_budget(const char* trace_expr, const char* config_expr,
                                         const Trace& trace, const std::string& config_file) {
  Result<AssertionConfig> config = load_assertion_config(config_file);
  if (!config)
    return ::testing::AssertionFailure() << config_expr << ": " << config.error().to_string();
  const CheckReport report = run_checks(*config, CheckInput{.trace = &trace.file(),
                                                            .trace_name = trace.name(),
                                                            .config_name = config_file});
  if (report.exit_status() == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << fmt::format("{} breaks the budgets of {}:\n", trace_expr, config_file)
         << render_check_text(report);
}

}  // namespace golden::testing::internal
