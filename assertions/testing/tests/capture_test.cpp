// capture(): options reach the program, failures are exceptions with a clear text.
#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "golden/test_support/files.hpp"
#include "golden/testing.hpp"

namespace golden::testing {
namespace {

using golden::test::TempDir;

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(Capture, RecordsTheProgramAndKeepsItsOutputApart) {
  Trace t = capture({"sh", "-c", "echo out; echo err >&2; exit 3"});
  EXPECT_EQ(t.exit_status(), 3);
  EXPECT_EQ(t.stdout_text(), "out\n");
  EXPECT_EQ(t.stderr_text(), "err\n");
  EXPECT_EQ(t.name(), "sh -c \"echo out; echo err >&2; exit 3\"");
  EXPECT_GT(t.run().events.size(), 10u);
  EXPECT_EQ(t.effects().out.bytes, "out\n");
  EXPECT_EQ(t.effects().err.bytes, "err\n");
}

TEST(Capture, FeedsStdinBytesLargerThanAPipe) {
  std::string input;
  for (int i = 0; i < 20000; ++i) input += "line " + std::to_string(i) + "\n";
  CaptureOptions options;
  options.stdin_bytes = input;
  Trace t = capture({"cat"}, options);
  EXPECT_EQ(t.exit_status(), 0);
  EXPECT_EQ(t.stdout_text(), input);
}

TEST(Capture, StdinIsEmptyByDefault) {
  Trace t = capture({"wc", "-c"});
  EXPECT_EQ(t.stdout_text(), "0\n");
}

TEST(Capture, RunsInTheGivenDirectoryAndFindsARelativeProgramThere) {
  TempDir dir;
  {
    std::ofstream script(dir.file("tool.sh"));
    script << "#!/bin/sh\npwd\necho made > made.txt\n";
  }
  std::filesystem::permissions(dir.file("tool.sh"), std::filesystem::perms::owner_all);
  CaptureOptions options;
  options.cwd = dir.path();
  Trace t = capture({"./tool.sh"}, options);
  EXPECT_EQ(t.exit_status(), 0);
  const std::string real = std::filesystem::canonical(dir.path()).string();
  EXPECT_EQ(t.stdout_text(), real + "\n");
  EXPECT_EQ(t.run().run.cwd, real);
  EXPECT_TRUE(std::filesystem::exists(dir.file("made.txt")));
  EXPECT_THAT(t, CreatesFile(real + "/made.txt"));
  // As README writes it: designated initializers.
  const Trace root = capture({"pwd"}, {.cwd = "/"});
  EXPECT_EQ(root.stdout_text(), "/\n");
}

TEST(Capture, SetsOrReplacesTheEnvironment) {
  CaptureOptions options;
  options.env = {"GOLDEN_TESTING_PROBE=42"};
  Trace inherited = capture({"sh", "-c", "echo $GOLDEN_TESTING_PROBE ${HOME:+home}"}, options);
  EXPECT_EQ(inherited.stdout_text(), "42 home\n");
  options.inherit_env = false;
  options.env.push_back("PATH=/usr/bin:/bin");
  Trace only = capture({"sh", "-c", "echo $GOLDEN_TESTING_PROBE ${HOME:-nohome}"}, options);
  EXPECT_EQ(only.stdout_text(), "42 nohome\n");
}

TEST(Capture, FilterRecordsOnlyTheNamedCalls) {
  CaptureOptions options;
  options.filter = "trace=write";
  Trace t = capture({"sh", "-c", "echo hi"}, options);
  EXPECT_EQ(t.file().header.filter, "trace=write");
  for (const Event& e : t.run().events)
    if (e.kind == EventKind::Syscall) {
      EXPECT_TRUE(e.name == "write" || e.name == "execve") << e.name;
    }
}

TEST(Capture, ATimeoutKillsTheProgramAndThrows) {
  CaptureOptions options;
  options.timeout = std::chrono::milliseconds(300);
  const auto start = std::chrono::steady_clock::now();
  try {
    (void)capture({"sleep", "30"}, options);
    FAIL() << "no exception";
  } catch (const TraceError& e) {
    EXPECT_THAT(e.what(), HasSubstr("still running after 300 ms"));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(Capture, AProgramThatCannotStartThrows) {
  try {
    (void)capture({"no-such-program-golden"});
    FAIL() << "no exception";
  } catch (const TraceError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no-such-program-golden"));
  }
  CaptureOptions options;
  options.cwd = "/nonexistent/dir";
  EXPECT_THROW((void)capture({"true"}, options), TraceError);
  options.cwd = "";
  options.filter = "trace=no_such_call";
  EXPECT_THROW((void)capture({"true"}, options), TraceError);
}

TEST(Capture, SavesAndLoadsTheSameTrace) {
  TempDir dir;
  Trace t = capture({"sh", "-c", "echo saved"});
  t.save(dir.file("t.json.zst"));
  Trace back = Trace::load(dir.file("t.json.zst"));
  EXPECT_EQ(back.run().events.size(), t.run().events.size());
  EXPECT_EQ(back.effects().out.bytes, "saved\n");
  EXPECT_THROW((void)Trace::load(dir.file("missing.json")), TraceError);
}

TEST(Capture, PrintsAsOneLine) {
  Trace t = capture({"true"});
  const std::string printed = ::testing::PrintToString(t);
  EXPECT_THAT(printed, HasSubstr("trace of true (exit status 0, "));
  EXPECT_EQ(printed.find('\n'), std::string::npos);
}


TEST(Capture, TrackAllocCountsTheHeapForAllocationBudgets) {
  TempDir dir;
  std::ofstream(dir.file("heap.toml"))
      << "[[assertion]]\nname = \"heap\"\ntype = \"memory_usage\"\n"
         "tracking_mode = \"allocations\"\nmax_bytes = \"1 KiB\"\n";
  CaptureOptions options;
  options.track_alloc = true;
  // python3 allocates far more than 1 KiB: the budget must see it, so it fails.
  const Trace t = capture({"python3", "-c", "x = [0] * 100000"}, options);
  ::testing::TestPartResultArray results;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &results);
    EXPECT_WITHIN_BUDGET(t, dir.file("heap.toml"));
  }
  ASSERT_EQ(results.size(), 1);
  EXPECT_THAT(results.GetTestPartResult(0).message(), HasSubstr("heap"));
  EXPECT_THAT(results.GetTestPartResult(0).message(), HasSubstr("heap (memory_usage): peak live heap"));
  EXPECT_THAT(results.GetTestPartResult(0).message(), Not(HasSubstr("no allocation counters")));
}

TEST(Capture, MatchersWorkOnASavedAndReloadedTrace) {
  TempDir dir;
  CaptureOptions options;
  options.cwd = dir.path();
  const Trace t = capture({"sh", "-c", "echo data > kept.txt; echo hello"}, options);
  t.save(dir.file("t.json"));
  const Trace back = Trace::load(dir.file("t.json"));
  EXPECT_THAT(back, AllOf(CreatesFile("kept.txt"), Writes("kept.txt", "data\n"),
                          WritesToStdout("hello\n"), ExitsWith(0)));
  EXPECT_TRUE(back.stdout_text().empty());  // only a capture has the pipes' bytes
  EXPECT_TRACE_EQUIVALENT(t, back);
}

}  // namespace
}  // namespace golden::testing
