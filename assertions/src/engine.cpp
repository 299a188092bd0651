// Dispatching each assertion to its evaluator, timing it, and collecting the report.
#include "golden/assertions/engine.hpp"

#include <chrono>
#include <type_traits>

#include "evaluators.hpp"

namespace golden {
namespace detail {

AssertionResult result_for(const Assertion& a) {
  AssertionResult r;
  r.name = a.name;
  r.type = a.type;
  r.where = a.where;
  return r;
}

}  // namespace detail

AssertionResult check_assertion(const Assertion& assertion, const CheckInput& input) {
  using namespace detail;
  const auto started = std::chrono::steady_clock::now();
  AssertionResult r = result_for(assertion);
  if (const auto* ap = std::get_if<AntiPatternSpec>(&assertion.spec)) r.pattern = ap->pattern;
  if (!assertion.enabled) {
    r.outcome = Outcome::Disabled;
    r.summary = "disabled (enabled = false)";
    return r;
  }
  if (input.trace == nullptr || input.trace->runs.empty()) {
    r.outcome = Outcome::Error;
    r.summary = "the trace holds no run";
    return r;
  }
  const EvalContext context(input);
  r = std::visit(
      [&](const auto& spec) -> AssertionResult {
        using Spec = std::decay_t<decltype(spec)>;
        if constexpr (std::is_same_v<Spec, CriticalPathSpec>)
          return evaluate_critical_path(assertion, spec, context);
        else if constexpr (std::is_same_v<Spec, WallTimeSpec>)
          return evaluate_wall_time(assertion, spec, context);
        else if constexpr (std::is_same_v<Spec, SpanCountSpec>)
          return evaluate_span_count(assertion, spec, context);
        else if constexpr (std::is_same_v<Spec, MemoryUsageSpec>)
          return evaluate_memory(assertion, spec, context);
        else if constexpr (std::is_same_v<Spec, AntiPatternSpec>)
          return evaluate_anti_pattern(assertion, spec, context);
        else if constexpr (std::is_same_v<Spec, SyscallCountSpec>)
          return evaluate_syscall_count(assertion, spec, context);
        else if constexpr (std::is_same_v<Spec, ErrorCountSpec>)
          return evaluate_errors(assertion, spec, context);
        else
          return evaluate_presence(assertion, spec, context);
      },
      assertion.spec);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return r;
}

CheckReport run_checks(const AssertionConfig& config, const CheckInput& input) {
  CheckReport report;
  report.trace_name = input.trace_name;
  report.config_name = input.config_name.empty() ? config.source : input.config_name;
  report.baseline_name = input.baseline_name;
  report.runs = input.trace != nullptr ? input.trace->runs.size() : 0;
  report.notes = config.warnings;
  if (input.trace != nullptr && input.trace->truncated)
    report.notes.push_back(input.trace_name +
                           ": the trace is truncated; judged on the events it holds");
  if (input.baseline != nullptr && input.baseline->truncated)
    report.notes.push_back(input.baseline_name + ": the baseline is truncated");
  for (const Assertion& a : config.assertions) report.results.push_back(check_assertion(a, input));
  return report;
}

}  // namespace golden
