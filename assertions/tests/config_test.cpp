// The assertion config: renacer's files load unchanged, every type and field parses,
// and every kind of mistake is one error naming file:line.
#include "golden/assertions/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

namespace golden {
namespace {

const std::string kConfigs = std::string(GOLDEN_SOURCE_DIR) + "/testdata/assertions/configs/";
const std::string kBad = std::string(GOLDEN_SOURCE_DIR) + "/testdata/assertions/bad/";

TEST(ConfigFile, RenacerReferenceFileLoadsUnchanged) {
  auto config = load_assertion_config(kConfigs + "renacer.toml");
  ASSERT_TRUE(config) << config.error().to_string();
  ASSERT_EQ(config->assertions.size(), 3u);
  const Assertion& startup = config->assertions[0];
  EXPECT_EQ(startup.name, "cli_startup_time");
  EXPECT_EQ(startup.type, AssertionType::CriticalPath);
  EXPECT_TRUE(startup.fail_on_violation);
  EXPECT_TRUE(startup.enabled);
  EXPECT_EQ(std::get<CriticalPathSpec>(startup.spec).max_duration_ms, 10.0);
  EXPECT_EQ(startup.where, kConfigs + "renacer.toml:1");
  EXPECT_EQ(std::get<SpanCountSpec>(config->assertions[1].spec).max_spans, 100u);
  const auto& mem = std::get<MemoryUsageSpec>(config->assertions[2].spec);
  EXPECT_EQ(mem.max_bytes, 10485760u);
  EXPECT_EQ(mem.mode, TrackingMode::Allocations);
  EXPECT_TRUE(config->warnings.empty());
}

TEST(ConfigFile, RenacerAntiPatternExamplesLoad) {
  auto config = load_assertion_config(kConfigs + "renacer-antipatterns.toml");
  ASSERT_TRUE(config) << config.error().to_string();
  ASSERT_EQ(config->assertions.size(), 2u);
  const auto& god = std::get<AntiPatternSpec>(config->assertions[0].spec);
  EXPECT_EQ(god.pattern, "GodProcess");
  EXPECT_DOUBLE_EQ(god.threshold, 0.8);
  EXPECT_FALSE(config->assertions[1].fail_on_violation);
  auto budget = load_assertion_config(kConfigs + "renacer-budget.toml");
  ASSERT_TRUE(budget) << budget.error().to_string();
  EXPECT_EQ(std::get<CriticalPathSpec>(budget->assertions[0].spec).max_duration_ms, 15.0);
}

TEST(ConfigFile, EveryTypeAndFieldParsesNextToACompareTable) {
  auto config = load_assertion_config(kConfigs + "every-type.toml");
  ASSERT_TRUE(config) << config.error().to_string();
  EXPECT_TRUE(config->warnings.empty())
      << config->warnings.front();  // [compare] is not ours, not unknown
  ASSERT_EQ(config->assertions.size(), 11u);
  const auto& cp = std::get<CriticalPathSpec>(config->assertions[0].spec);
  EXPECT_EQ(cp.max_duration_ms, 10.5);
  EXPECT_EQ(cp.regression.max_regression_percent, 20.0);
  EXPECT_EQ(cp.trace_name_pattern, "^wordcount$");
  EXPECT_TRUE(cp.include_user_time);
  EXPECT_EQ(config->assertions[0].description, "the CLI starts fast");
  EXPECT_EQ(config->assertions[1].type, AssertionType::WallTime);
  EXPECT_EQ(std::get<SpanCountSpec>(config->assertions[2].spec).span_name_pattern, "^load");
  const auto& rss = std::get<MemoryUsageSpec>(config->assertions[3].spec);
  EXPECT_EQ(rss.max_bytes, 64u * 1024 * 1024);
  EXPECT_EQ(rss.aggregate, MemoryAggregate::Process);
  EXPECT_EQ(rss.mode, TrackingMode::Rss);
  const auto& gpu = std::get<AntiPatternSpec>(config->assertions[5].spec);
  EXPECT_EQ(gpu.transfer_pattern, "upload|download");
  const auto& opens = std::get<SyscallCountSpec>(config->assertions[6].spec);
  EXPECT_EQ(opens.select.syscalls, (std::vector<std::string>{"open", "openat"}));
  EXPECT_EQ(opens.min_calls, 1u);
  const auto& net = std::get<SyscallCountSpec>(config->assertions[7].spec);
  EXPECT_NE(net.select.classes, 0);
  EXPECT_FALSE(config->assertions[7].enabled);
  const auto& errors = std::get<ErrorCountSpec>(config->assertions[8].spec);
  EXPECT_EQ(errors.errnos.size(), 2u);
  EXPECT_EQ(errors.max_error_rate, 0.5);
  const auto& forbidden = std::get<PresenceSpec>(config->assertions[9].spec);
  EXPECT_EQ(config->assertions[9].type, AssertionType::Forbidden);
  EXPECT_EQ(forbidden.endpoints, (std::vector<std::string>{"*:443"}));
  EXPECT_EQ(config->assertions[10].type, AssertionType::Required);
}

TEST(ConfigFile, UnknownTopLevelTablesAreWarningsNotErrors) {
  auto config = parse_assertion_config(
      "[tracing]\nlevel = 2\n\n[[assertion]]\nname = \"w\"\n"
      "type = \"wall_time\"\nmax_duration_ms = 5\n",
      "x.toml");
  ASSERT_TRUE(config) << config.error().to_string();
  ASSERT_EQ(config->warnings.size(), 1u);
  EXPECT_EQ(config->warnings[0], "x.toml:1: unknown table 'tracing' ignored");
}

TEST(ConfigFile, EmptyFileHasNoAssertions) {
  auto config = parse_assertion_config("", "empty.toml");
  ASSERT_TRUE(config);
  EXPECT_TRUE(config->assertions.empty());
}

TEST(ConfigFile, SizesWithUnits) {
  for (const auto& [text, bytes] :
       std::vector<std::pair<std::string, std::uint64_t>>{{"\"10MB\"", 10000000},
                                                          {"\"10 MiB\"", 10485760},
                                                          {"\"1.5 GiB\"", 1610612736},
                                                          {"\"512\"", 512}}) {
    auto config = parse_assertion_config(
        "[[assertion]]\nname = \"m\"\ntype = \"memory_usage\"\nmax_bytes = " + text + "\n",
        "s.toml");
    ASSERT_TRUE(config) << text << ": " << config.error().to_string();
    EXPECT_EQ(std::get<MemoryUsageSpec>(config->assertions[0].spec).max_bytes, bytes) << text;
  }
}

TEST(ConfigFile, MissingFileIsAnErrorNamingIt) {
  auto config = load_assertion_config("/nonexistent/renacer.toml");
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().where, "/nonexistent/renacer.toml");
}

// Each file in testdata/assertions/bad starts with "# expect: LINE: message".
class BadConfig : public ::testing::TestWithParam<std::string> {};

TEST_P(BadConfig, OneErrorWithFileAndLine) {
  const std::string path = kBad + GetParam();
  std::ifstream in(path);
  std::string header;
  std::getline(in, header);
  std::smatch m;
  ASSERT_TRUE(std::regex_match(header, m, std::regex(R"(# expect: (\d+): (.*))"))) << header;
  auto config = load_assertion_config(path);
  ASSERT_FALSE(config) << path << " was accepted";
  const Error& e = config.error();
  // file:line, or file:line:col for a syntax error
  EXPECT_TRUE(e.where == path + ":" + m[1].str() ||
              e.where.starts_with(path + ":" + m[1].str() + ":"))
      << e.to_string();
  EXPECT_NE(e.message.find(m[2].str()), std::string::npos) << e.to_string();
  EXPECT_EQ(e.to_string().find('\n'), std::string::npos) << "one line";
}

std::vector<std::string> bad_files() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(kBad))
    if (entry.path().extension() == ".toml") out.push_back(entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Files, BadConfig, ::testing::ValuesIn(bad_files()), [](const auto& info) {
  std::string n = info.param.substr(0, info.param.size() - 5);
  for (char& c : n)
    if (c == '-') c = '_';
  return n;
});

}  // namespace
}  // namespace golden
