// Running one assertion, written as TOML, against hand-built traces.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "golden/assertions/config.hpp"
#include "golden/assertions/engine.hpp"

namespace golden::test {

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
