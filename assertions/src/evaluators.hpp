// One evaluator per assertion type family; engine.cpp dispatches on the type.
#pragma once

#include "eval_context.hpp"

namespace golden::detail {

AssertionResult evaluate_critical_path(const Assertion& a, const CriticalPathSpec& s,
                                       const EvalContext& c);
AssertionResult evaluate_wall_time(const Assertion& a, const WallTimeSpec& s, const EvalContext& c);
AssertionResult evaluate_span_count(const Assertion& a, const SpanCountSpec& s,
                                    const EvalContext& c);
AssertionResult evaluate_memory(const Assertion& a, const MemoryUsageSpec& s, const EvalContext& c);
AssertionResult evaluate_anti_pattern(const Assertion& a, const AntiPatternSpec& s,
                                      const EvalContext& c);
AssertionResult evaluate_syscall_count(const Assertion& a, const SyscallCountSpec& s,
                                       const EvalContext& c);
AssertionResult evaluate_errors(const Assertion& a, const ErrorCountSpec& s, const EvalContext& c);
AssertionResult evaluate_presence(const Assertion& a, const PresenceSpec& s, const EvalContext& c);

// A result pre-filled with the assertion's identity.
AssertionResult result_for(const Assertion& a);

}  // namespace golden::detail
