// Running one assertion, written as TOML, against hand-built traces (built with
// golden::test_support's TraceBuilder, numbered by the syscall table).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "golden/assertions/config.hpp"
#include "golden/assertions/engine.hpp"
#include "golden/syscalls/syscall_table.hpp"
#include "golden/test_support/trace_builder.hpp"

namespace golden::test {

// A TraceBuilder whose calls carry their syscall numbers, as recorded ones do: rules that
// select by class or number look them up.
struct NumberedTraceBuilder : TraceBuilder {
  NumberedTraceBuilder() {
    syscall_numbers([](std::string_view name) {
      const SyscallInfo* info = syscall_by_name(name);
      return info != nullptr ? info->nr : -1;
    });
  }
};

inline Assertion parse_one(const std::string& toml) {
  auto config = parse_assertion_config("[[assertion]]\nname = \"a\"\n" + toml, "test.toml");
  if (!config) ADD_FAILURE() << config.error().to_string();
  if (!config || config->assertions.size() != 1) return {};
  return config->assertions[0];
}

inline AssertionResult check(const std::string& toml, const TraceFile& trace,
                             const TraceFile* baseline = nullptr) {
  CheckInput in{.trace = &trace,
                .trace_name = "t.json",
                .baseline = baseline,
                .baseline_name = baseline ? "b.json" : ""};
  return check_assertion(parse_one(toml), in);
}

}  // namespace golden::test
