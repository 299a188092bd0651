// SPEC §3: "The traced program's stdin/stdout/stderr, signals, exit status and behaviour
// are untouched ... golden capture exits as the program did: with its exit status, or,
// when it was killed by signal N, by killing itself with the same signal." Every tracee
// program runs untraced and under golden capture.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <set>

#include "cases.hpp"
#include "golden_cli.hpp"
#include "test_support_names.hpp"

namespace golden::e2e {
namespace {

class Parity : public testing::TestWithParam<ProgramCase> {};

TEST_P(Parity, TracedStdoutAndStatusMatchUntraced) {
  const ProgramCase& c = GetParam();
  RunResult plain = run(c.command(), {.timeout = 30s});
  ASSERT_FALSE(plain.timed_out) << plain.describe();
  // The program itself behaves as documented (else the comparison below means little).
  EXPECT_EQ(plain.status(), c.status) << plain.describe();
  EXPECT_EQ(c.normalize(plain.out), c.out) << plain.describe();
  EXPECT_EQ(plain.err, "") << plain.describe();

  TempDir dir;
  std::string path = dir.file("trace.json");
  RunResult traced = capture(path, c.command(), {}, {.timeout = 60s});
  ASSERT_FALSE(traced.timed_out) << traced.describe();
  EXPECT_EQ(traced.term_signal, plain.term_signal) << "golden must end as the program did\n" << traced.describe();
  EXPECT_EQ(traced.status(), plain.status()) << "golden must exit with the program's status\n" << traced.describe();
  EXPECT_EQ(c.normalize(traced.out), c.normalize(plain.out)) << traced.describe();

  auto file = load_trace(path);
  ASSERT_TRUE(file.ok()) << file.error().to_string() << "\n" << traced.describe();
  EXPECT_FALSE(file->truncated);
  ASSERT_EQ(file->runs.size(), 1u);
  const Trace& trace = file->runs[0];
  EXPECT_EQ(trace.run.exit_status, std::optional<int>(c.status)) << summarize(trace);
  ASSERT_FALSE(trace.processes.empty());
  // The root process record says how the program ended.
  const ProcessInfo* root = nullptr;
  for (const ProcessInfo& p : trace.processes)
    if (p.parent.value == 0 && root == nullptr) root = &p;
  ASSERT_NE(root, nullptr) << "no root process (parent 0)\n" << summarize(trace);
  if (c.signal != 0) {
    EXPECT_EQ(root->exit_signal, std::optional<int>(c.signal)) << summarize(trace);
  } else {
    EXPECT_EQ(root->exit_code, std::optional<int>(c.status)) << summarize(trace);
  }
}

INSTANTIATE_TEST_SUITE_P(Programs, Parity, testing::ValuesIn(program_cases()),
                         [](const auto& info) { return info.param.id; });

// Every program in testdata/programs is exercised by the cases above.
TEST(ParityCoverage, EveryTraceeProgramHasACase) {
  std::set<std::string> covered;
  for (const auto& c : program_cases()) covered.insert(c.program);
  for (const auto& name : tracee_names()) EXPECT_TRUE(covered.count(name)) << name << " has no ProgramCase";
}

// stdin reaches the program and its stderr reaches ours, as without a tracer.
TEST(StreamsParity, StdinAndStderrPassThrough) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), {"sh", "-c", "cat; echo to-stderr >&2"}, {},
                        {.stdin_data = "line one\nline two\n"});
  EXPECT_EQ(r.status(), 0) << r.describe();
  EXPECT_EQ(r.out, "line one\nline two\n") << r.describe();
  auto lines = r.err_lines();
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "to-stderr"), 1) << r.describe();
}

// The program killed by a signal it sends itself: golden dies of the same signal (as
// strace does), so the shell sees 128+N and WIFSIGNALED; the trace says 128+N too.
TEST(StatusParity, ProgramKilledBySignalKillsGoldenWithIt) {
  for (auto [sig, name] : {std::pair{9, "KILL"}, std::pair{15, "TERM"}, std::pair{10, "USR1"}}) {
    SCOPED_TRACE(name);
    std::vector<std::string> cmd = {"sh", "-c", std::string("kill -") + name + " $$"};
    RunResult plain = run(cmd);
    EXPECT_EQ(plain.term_signal, sig) << plain.describe();
    TempDir dir;
    RunResult traced = capture(dir.file("t.json"), cmd);
    EXPECT_EQ(traced.term_signal, sig) << "golden dies of the program's signal\n" << traced.describe();
    EXPECT_EQ(traced.status(), 128 + sig) << traced.describe();
    auto file = load_trace(dir.file("t.json"));
    ASSERT_TRUE(file.ok()) << file.error().to_string();
    ASSERT_EQ(file->runs.size(), 1u);
    EXPECT_EQ(file->runs[0].run.exit_status, std::optional<int>(128 + sig));
  }
}

// A program that exits with 139 is not one killed by SIGSEGV: golden exits with 139.
TEST(StatusParity, ExitCodeAbove128IsAnExitNotASignal) {
  TempDir dir;
  RunResult traced = capture(dir.file("t.json"), {"sh", "-c", "exit 139"});
  EXPECT_TRUE(traced.exited()) << traced.describe();
  EXPECT_EQ(traced.exit_code, 139) << traced.describe();
}

// Killed by SIGSEGV: golden dies of it too, and leaves no core file of its own.
TEST(StatusParity, NoCoreFileOfGoldensOwn) {
  TempDir dir;
  RunResult traced = capture(dir.file("t.json"), {"sh", "-c", "ulimit -c 0; kill -SEGV $$"},
                             {}, {.cwd = dir.path()});
  EXPECT_EQ(traced.term_signal, SIGSEGV) << traced.describe();
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find("core"), std::string::npos) << entry.path();
}

// Real system tools: output identical traced and untraced.
class ToolParity : public testing::TestWithParam<ToolCase> {};

TEST_P(ToolParity, TracedOutputMatchesUntraced) {
  const ToolCase& c = GetParam();
  RunResult plain = run(c.command, {.timeout = 30s});
  ASSERT_EQ(plain.status(), 0) << plain.describe();
  ASSERT_FALSE(plain.out.empty());
  TempDir dir;
  RunResult traced = capture(dir.file("trace.json"), c.command, {}, {.timeout = 60s});
  EXPECT_EQ(traced.status(), 0) << traced.describe();
  EXPECT_EQ(traced.out, plain.out) << traced.describe();
  auto file = load_trace(dir.file("trace.json"));
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  EXPECT_FALSE(file->truncated);
}

INSTANTIATE_TEST_SUITE_P(Tools, ToolParity, testing::ValuesIn(tool_cases()),
                         [](const auto& info) { return info.param.id; });

}  // namespace
}  // namespace golden::e2e
