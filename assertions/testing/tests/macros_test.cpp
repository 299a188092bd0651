// The trace assertions: what passes, what fails and what the failure says; and
// EXPECT_MATCHES_GOLDEN's golden-file rules, which are golden verify's.
#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "golden/test_support/files.hpp"
#include "golden/testing.hpp"

namespace golden::testing {
namespace {

using golden::test::ScopedEnv;
using golden::test::TempDir;

using ::testing::HasSubstr;
namespace fs = std::filesystem;

// The failures a block of assertions reports, intercepted.
template <typename Body>
std::vector<std::string> failures_of(Body body) {
  ::testing::TestPartResultArray results;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &results);
    body();
  }
  std::vector<std::string> out;
  for (int i = 0; i < results.size(); ++i) out.push_back(results.GetTestPartResult(i).message());
  return out;
}

// The same program, writing its output into `dir`.
Trace run_tool(const TempDir& dir, const std::string& text) {
  CaptureOptions options;
  options.cwd = dir.path();
  return capture({"sh", "-c", "mkdir -p out; printf '" + text + "' > out/report.txt; echo done"},
                 options);
}

TEST(TraceEquivalent, SameBehaviourInDifferentDirectoriesPasses) {
  TempDir a, b;
  EXPECT_TRACE_EQUIVALENT(run_tool(a, "one\\n"), run_tool(b, "one\\n"));
}

TEST(TraceEquivalent, FailureShowsTheDivergenceNotTheTrace) {
  TempDir a, b;
  const Trace one = run_tool(a, "one\\n");
  const Trace two = run_tool(b, "two\\n");
  const auto failures = failures_of([&] { EXPECT_TRACE_EQUIVALENT(one, two) << "context"; });
  ASSERT_EQ(failures.size(), 1u);
  const std::string& m = failures[0];
  EXPECT_THAT(m, HasSubstr("one and two do not behave the same"));
  EXPECT_THAT(m, HasSubstr("$CWD/out/report.txt"));
  EXPECT_THAT(m, HasSubstr("-\"one\\n\""));
  EXPECT_THAT(m, HasSubstr("+\"two\\n\""));
  EXPECT_THAT(m, HasSubstr("context"));
  EXPECT_THAT(m, Not(HasSubstr("Performance")));
  EXPECT_LT(m.size(), 4000u);
}

TEST(TraceEquivalent, TakesACompareConfigOrItsFile) {
  TempDir a, b, conf;
  const Trace one = run_tool(a, "one\\n");
  const Trace two = run_tool(b, "two\\n");
  CompareConfig relaxed;
  relaxed.relax = {Category::FileContent};
  EXPECT_TRACE_EQUIVALENT(one, two, relaxed);
  std::ofstream(conf.file("c.toml")) << "[compare]\nrelax = [\"file_content\"]\n";
  EXPECT_TRACE_EQUIVALENT(one, two, conf.file("c.toml"));
  std::ofstream(conf.file("bad.toml")) << "[compare]\nrelax = [\"nope\"]\n";
  const auto failures =
      failures_of([&] { EXPECT_TRACE_EQUIVALENT(one, two, conf.file("bad.toml")); });
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_THAT(failures[0], HasSubstr("bad.toml"));
}

class MatchesGolden : public ::testing::Test {
 protected:
  TempDir work, golden_dir;
  std::string golden = golden_dir.file("tool.golden.json");
  ScopedEnv no_ci{"CI", nullptr};
  ScopedEnv no_update{"GOLDEN_UPDATE", nullptr};
};

TEST_F(MatchesGolden, RecordsAMissingGoldenThenCompares) {
  EXPECT_MATCHES_GOLDEN(run_tool(work, "one\\n"), golden);
  ASSERT_TRUE(fs::exists(golden));
  EXPECT_FALSE(fs::exists(golden + ".new"));
  TempDir elsewhere;
  EXPECT_MATCHES_GOLDEN(run_tool(elsewhere, "one\\n"), golden);
  EXPECT_FALSE(fs::exists(golden + ".new"));

  const Trace changed = run_tool(work, "two\\n");
  const auto failures = failures_of([&] { EXPECT_MATCHES_GOLDEN(changed, golden); });
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_THAT(failures[0], HasSubstr("changed does not match the golden trace " + golden));
  EXPECT_THAT(failures[0], HasSubstr("+\"two\\n\""));
  EXPECT_THAT(failures[0], HasSubstr("GOLDEN_UPDATE=1 accepts it"));
  EXPECT_TRUE(fs::exists(golden + ".new"));  // for review
  EXPECT_EQ(Trace::load(golden).effects().files.size(), 2u);  // out/ and report.txt: untouched
}

TEST_F(MatchesGolden, UpdateReRecords) {
  EXPECT_MATCHES_GOLDEN(run_tool(work, "one\\n"), golden);
  {
    ScopedEnv update("GOLDEN_UPDATE", "1");
    EXPECT_MATCHES_GOLDEN(run_tool(work, "two\\n"), golden);
  }
  EXPECT_MATCHES_GOLDEN(run_tool(work, "two\\n"), golden);
}

TEST_F(MatchesGolden, OnCiAMissingGoldenFailsAndIsNotWritten) {
  ScopedEnv ci("CI", "true");
  const Trace t = run_tool(work, "one\\n");
  const auto failures = failures_of([&] { EXPECT_MATCHES_GOLDEN(t, golden); });
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_THAT(failures[0], HasSubstr("CI is set"));
  EXPECT_FALSE(fs::exists(golden));
  EXPECT_TRUE(fs::exists(golden + ".new"));
  // CI=false is not CI.
  ScopedEnv not_ci("CI", "false");
  EXPECT_MATCHES_GOLDEN(t, golden);
  EXPECT_TRUE(fs::exists(golden));
}

TEST_F(MatchesGolden, RelativeToABaseDirAndWithBudgets) {
  std::ofstream(golden_dir.file("renacer.toml"))
      << "[[assertion]]\nname = \"few_execs\"\ntype = \"syscall_count\"\nsyscall = \"execve\"\n"
         "max_calls = 1\n";
  const GoldenOptions options{.config = golden_dir.file("renacer.toml"),
                              .base_dir = golden_dir.path()};
  const Trace t = run_tool(work, "one\\n");
  const auto failures = failures_of([&] { EXPECT_MATCHES_GOLDEN(t, "rel.golden.json", options); });
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_THAT(failures[0], HasSubstr("few_execs"));
  EXPECT_TRUE(fs::exists(golden_dir.file("rel.golden.json")));  // recorded, budgets still checked
}

TEST(WithinBudget, PassesFailsAndNamesTheBudget) {
  TempDir dir;
  std::ofstream(dir.file("ok.toml"))
      << "[[assertion]]\nname = \"opens\"\ntype = \"syscall_count\"\n"
         "syscall = \"openat\"\nmax_calls = 1000\n";
  std::ofstream(dir.file("tight.toml"))
      << "[[assertion]]\nname = \"no_execs\"\ntype = \"syscall_count\"\n"
         "syscall = \"execve\"\nmax_calls = 1\n";
  std::ofstream(dir.file("bad.toml")) << "[[assertion]]\nname = \"x\"\ntype = \"nonsense\"\n";
  const Trace t = run_tool(dir, "x");
  EXPECT_WITHIN_BUDGET(t, dir.file("ok.toml"));
  auto failures = failures_of([&] { EXPECT_WITHIN_BUDGET(t, dir.file("tight.toml")); });
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_THAT(failures[0], HasSubstr("no_execs"));
  failures = failures_of([&] { EXPECT_WITHIN_BUDGET(t, dir.file("bad.toml")); });
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_THAT(failures[0], HasSubstr("bad.toml:3"));
}

}  // namespace
}  // namespace golden::testing

namespace golden::testing {
namespace {

TEST(AssertForms, StopAtTheFirstFailure) {
  TempDir a, b, dir;
  const Trace one = run_tool(a, "one\\n");
  const Trace two = run_tool(b, "two\\n");
  std::ofstream(dir.file("ok.toml"))
      << "[[assertion]]\nname = \"opens\"\ntype = \"syscall_count\"\n"
         "syscall = \"openat\"\nmax_calls = 1000\n";
  ScopedEnv no_ci("CI", nullptr);
  bool reached_end = false;
  const auto failures = failures_of([&] {
    ASSERT_TRACE_EQUIVALENT(one, run_tool(dir, "one\\n"));
    ASSERT_MATCHES_GOLDEN(one, dir.file("g.json"));
    ASSERT_WITHIN_BUDGET(one, dir.file("ok.toml"));
    ASSERT_TRACE_EQUIVALENT(one, two);
    reached_end = true;
  });
  EXPECT_EQ(failures.size(), 1u);
  EXPECT_FALSE(reached_end);
}

}  // namespace
}  // namespace golden::testing
