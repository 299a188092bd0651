#include "capture_fixture.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <tuple>

#include "golden/assertions/alloc_preload.hpp"
#include "golden/model/marker.hpp"
#include "golden/recorder/recorder.hpp"

namespace golden::test {

std::string program_path(const std::string& name) {
  return std::string(GOLDEN_ASSERT_PROGRAMS) + "/" + name;
}

const TraceFile& captured(const CaptureSpec& spec) {
  using Key = std::tuple<std::string, std::vector<std::string>, bool, unsigned>;
  static std::map<Key, std::unique_ptr<TraceFile>> cache;
  const Key key{spec.program, spec.args, spec.track_alloc, spec.runs};
  if (auto it = cache.find(key); it != cache.end()) return *it->second;

  CaptureOptions options;
  options.command = {program_path(spec.program)};
  options.command.insert(options.command.end(), spec.args.begin(), spec.args.end());
  options.runs = spec.runs;
  if (spec.track_alloc) {
    auto env = alloc_preload_env();
    EXPECT_TRUE(env) << env.error().to_string();
    if (env) options.extra_env.push_back(*env);
  }
  TraceBuilder builder;
  auto outcome = capture(options, builder);
  EXPECT_TRUE(outcome) << spec.program << ": " << outcome.error().to_string();
  if (outcome) {
    EXPECT_EQ(outcome->exit_status, 0) << spec.program << " did not do what it says";
  }
  auto file = std::make_unique<TraceFile>(std::move(builder.file()));
  return *cache.emplace(key, std::move(file)).first->second;
}

const TraceFile& captured(const std::string& program) {
  return captured(CaptureSpec{.program = program});
}

AssertionResult check_on(const std::string& toml, const TraceFile& trace,
                         const TraceFile* baseline) {
  auto config = parse_assertion_config("[[assertion]]\nname = \"a\"\n" + toml, "test.toml");
  EXPECT_TRUE(config) << config.error().to_string();
  if (!config || config->assertions.empty()) return {};
  CheckInput in{.trace = &trace,
                .trace_name = "capture",
                .baseline = baseline,
                .baseline_name = baseline != nullptr ? "baseline" : ""};
  return check_assertion(config->assertions[0], in);
}

bool recorder_reports_markers(const TraceFile& trace) {
  for (const Trace& t : trace.runs)
    for (const Event& e : t.events)
      if (e.kind == EventKind::Span) return true;
  return false;
}

}  // namespace golden::test
