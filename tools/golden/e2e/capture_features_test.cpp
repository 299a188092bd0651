// golden capture's options and its behaviour when interrupted (SPEC §3): -e filters
// (and that they use seccomp), --no-follow, --runs, -p attach/detach, SIGINT and
// SIGKILL of the recorder, .json.zst output, TRACEPARENT/logical-clock propagation,
// --text, --summary, -s.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <set>

#include "call_counts.hpp"
#include "cases.hpp"
#include "golden/model/payload_hash.hpp"
#include "golden_cli.hpp"
#include "load_ok.hpp"
#include "test_support_names.hpp"
#include "trace_checks.hpp"

namespace golden::e2e {
namespace {

const std::vector<std::string> kLs = {"ls", "-l", "/usr/include"};

std::set<std::string> syscall_names(const Trace& t) {
  std::set<std::string> names;
  for (const Event& e : t.events)
    if (e.kind == EventKind::Syscall) names.insert(e.name);
  return names;
}

std::string names_text(const std::set<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += n + " ";
  return s;
}

// "tick K pid P" -> K, or -1.
long tick_number(const std::string& line) {
  std::smatch m;
  static const std::regex re("tick ([0-9]+) pid ([0-9]+)");
  return std::regex_search(line, m, re) ? std::stol(m[1]) : -1;
}
pid_t tick_pid(const std::string& line) {
  std::smatch m;
  static const std::regex re("tick ([0-9]+) pid ([0-9]+)");
  return std::regex_search(line, m, re) ? static_cast<pid_t>(std::stol(m[2])) : -1;
}

// The tick numbers in the payloads of the trace's writes to stdout, in event order.
std::vector<long> ticks_written(const Trace& t) {
  std::vector<long> ticks;
  for (const Event& e : t.events) {
    if (e.kind != EventKind::Syscall || e.name != "write" || !e.finished || e.args.empty() || e.args[0].raw != 1)
      continue;
    for (const Arg& a : e.args)
      if (a.kind == ArgKind::Buffer && a.data) ticks.push_back(tick_number(a.data->head));
  }
  return ticks;
}

::testing::AssertionResult counts_equal(const CallCounts& mine, const CallCounts& ref) {
  auto diffs = compare_counts(mine, ref, {});
  if (diffs.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << join(diffs) << "golden:\n"
                                       << format_counts(mine) << "strace:\n"
                                       << format_counts(ref);
}

TEST(CaptureFilter, TraceOpenatRecordsOnlyOpenatAndAsManyAsStrace) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), kLs, {"-e", "trace=openat"});
  ASSERT_EQ(r.status(), 0) << r.describe();
  TraceFile f = load_ok(dir.file("t.json"));
  ASSERT_EQ(f.runs.size(), 1u);
  const Trace& t = f.runs[0];
  EXPECT_EQ(syscall_names(t), std::set<std::string>{"openat"}) << names_text(syscall_names(t));
  EXPECT_NE(f.header.filter.find("openat"), std::string::npos) << "header.filter = '" << f.header.filter << "'";
  if (!have_strace()) GTEST_SKIP() << "strace not installed: count comparison skipped";
  StraceRun ref = run_strace_c(kLs, {"-e", "trace=openat"});
  ASSERT_TRUE(ref.table) << ref.error;
  EXPECT_TRUE(counts_equal(count_calls(t), ref.table->rows));
}

TEST(CaptureFilter, FileClassRecordsOnlyFileCallsAndAsManyAsStrace) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), kLs, {"-e", "trace=%file"});
  ASSERT_EQ(r.status(), 0) << r.describe();
  TraceFile f = load_ok(dir.file("t.json"));
  ASSERT_EQ(f.runs.size(), 1u);
  const Trace& t = f.runs[0];
  // strace's %file class for what ls -l calls (strace 6.1 sysent: TF flag).
  const std::set<std::string> file_calls = {"execve",     "openat",   "newfstatat", "statx",    "access",
                                            "readlink",   "lstat",    "stat",       "getxattr", "lgetxattr",
                                            "listxattr",  "llistxattr", "faccessat", "faccessat2", "readlinkat",
                                            "open",       "statfs"};
  for (const auto& name : syscall_names(t)) EXPECT_TRUE(file_calls.count(name)) << name << " is not a %file call";
  EXPECT_TRUE(syscall_names(t).count("openat"));
  EXPECT_TRUE(syscall_names(t).count("execve"));
  if (!have_strace()) GTEST_SKIP() << "strace not installed: count comparison skipped";
  StraceRun ref = run_strace_c(kLs, {"-e", "trace=%file"});
  ASSERT_TRUE(ref.table) << ref.error;
  EXPECT_TRUE(counts_equal(count_calls(t), ref.table->rows));
}

TEST(CaptureFilter, NegatedNameRecordsEverythingElse) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), {tracee("exit_code"), "4"}, {"-e", "trace=!write"});
  ASSERT_EQ(r.status(), 4) << r.describe();
  EXPECT_EQ(r.out, "exit_code: exiting with 4\n");
  TraceFile f = load_ok(dir.file("t.json"));
  ASSERT_EQ(f.runs.size(), 1u);
  auto names = syscall_names(f.runs[0]);
  EXPECT_FALSE(names.count("write")) << names_text(names);
  EXPECT_TRUE(names.count("execve")) << names_text(names);
  EXPECT_TRUE(names.count("exit_group")) << names_text(names);
}

// "Filtering must use a seccomp-bpf filter, so that untraced syscalls do not stop the
// tracee at all": the tracee's /proc/self/status shows a seccomp filter (mode 2).
TEST(CaptureFilter, FilteredCaptureInstallsASeccompFilterInTheTracee) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), {"grep", "^Seccomp:", "/proc/self/status"}, {"-e", "trace=openat"});
  ASSERT_EQ(r.status(), 0) << r.describe();
  EXPECT_EQ(r.out, "Seccomp:\t2\n") << "2 = SECCOMP_MODE_FILTER";
}

TEST(CaptureOptions, NoFollowRecordsOnlyTheFirstProcess) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), {tracee("fork_exec_wait")}, {"--no-follow"});
  ASSERT_EQ(r.status(), 0) << r.describe();
  EXPECT_EQ(r.out, program_cases()[0].out) << "the children still run";
  TraceFile f = load_ok(dir.file("t.json"));
  ASSERT_EQ(f.runs.size(), 1u);
  const Trace& t = f.runs[0];
  ASSERT_FALSE(t.events.empty());
  const Pid root = t.events.front().pid;
  for (const Event& e : t.events) EXPECT_EQ(e.pid, root) << "event #" << e.seq << " " << e.name;
  // The children are not traced (their execve of /bin/echo is not in the trace), but
  // the parent's own calls are all there: 2 forks (clone) and 2 wait4.
  EXPECT_EQ(count_events(t, "clone"), 2u);
  EXPECT_EQ(count_events(t, "wait4"), 2u);
  EXPECT_EQ(count_events(t, "execve"), 1u);
}

TEST(CaptureOptions, RunsThreeGivesThreeRuns) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), {tracee("exit_code"), "5"}, {"--runs", "3"});
  EXPECT_EQ(r.status(), 5) << r.describe();
  EXPECT_EQ(r.out, "exit_code: exiting with 5\nexit_code: exiting with 5\nexit_code: exiting with 5\n");
  TraceFile f = load_ok(dir.file("t.json"));
  ASSERT_EQ(f.runs.size(), 3u);
  for (std::uint32_t i = 0; i < 3; ++i) {
    const Trace& t = f.runs[i];
    EXPECT_EQ(t.run.index, i);
    EXPECT_EQ(t.run.exit_status, std::optional<int>(5));
    EXPECT_EQ(count_events(t, "execve"), 1u) << "run " << i;
    EXPECT_EQ(count_events(t, "write"), 1u) << "run " << i;
    EXPECT_TRUE(check_lamport(t).empty()) << join(check_lamport(t));
  }
}

// The payloads of the trace's write calls.
std::vector<const Payload*> write_payloads(const TraceFile& f) {
  std::vector<const Payload*> out;
  for (const Event& e : f.runs.at(0).events) {
    if (e.name != "write") continue;
    for (const Arg& a : e.args)
      if (a.kind == ArgKind::Buffer && a.data) out.push_back(&*a.data);
  }
  return out;
}

TEST(CaptureOptions, StringLimitCutsPayloadHeads) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), {tracee("exit_code"), "0"}, {"-s", "8", "--text-limit", "0"});
  ASSERT_EQ(r.status(), 0) << r.describe();
  TraceFile f = load_ok(dir.file("t.json"));
  EXPECT_EQ(f.header.string_limit, 8u);
  ASSERT_EQ(f.runs.size(), 1u);
  const std::vector<const Payload*> payloads = write_payloads(f);
  EXPECT_FALSE(payloads.empty()) << "no write with a payload";
  for (const Payload* p : payloads) {
    EXPECT_EQ(p->head, "exit_cod");
    EXPECT_EQ(p->length, 26u);
    EXPECT_FALSE(p->complete());
    EXPECT_EQ(p->hash, StreamHash::of("exit_code: exiting with 0\n").value()) << "the hash covers all bytes";
  }
}

TEST(CaptureOptions, RecordsThePathValuedEnvironment) {
  // Comparison aligns $HOME, $TMPDIR... between runs: the trace must say what they were.
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), {tracee("exit_code"), "0"});
  ASSERT_EQ(r.status(), 0) << r.describe();
  const std::vector<std::string> env = load_ok(dir.file("t.json")).runs[0].run.env;
  const char* home = std::getenv("HOME");
  ASSERT_NE(home, nullptr);
  EXPECT_NE(std::find(env.begin(), env.end(), std::string("HOME=") + home), env.end());
  for (const std::string& e : env) {
    EXPECT_FALSE(e.starts_with("PATH=")) << "a list of paths is not one path: " << e;
    EXPECT_NE(e.find("=/"), std::string::npos) << e;
  }
  EXPECT_TRUE(std::is_sorted(env.begin(), env.end()));
}

TEST(CaptureOptions, WrittenTextIsKeptWholeUpToTheTextLimit) {
  // Comparison templates paths inside written text, so it needs all of it, not -s bytes.
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), {tracee("exit_code"), "0"}, {"-s", "8"});
  ASSERT_EQ(r.status(), 0) << r.describe();
  const TraceFile f = load_ok(dir.file("t.json"));
  const std::vector<const Payload*> payloads = write_payloads(f);
  EXPECT_FALSE(payloads.empty()) << "no write with a payload";
  for (const Payload* p : payloads) {
    EXPECT_EQ(p->head, "exit_code: exiting with 0\n");
    EXPECT_TRUE(p->complete());
  }
  // Below the text limit, -s cuts again.
  RunResult small = capture(dir.file("s.json"), {tracee("exit_code"), "0"}, {"-s", "8", "--text-limit", "16"});
  ASSERT_EQ(small.status(), 0) << small.describe();
  const TraceFile cut = load_ok(dir.file("s.json"));
  for (const Payload* p : write_payloads(cut)) EXPECT_EQ(p->head, "exit_cod");
}

TEST(CaptureOptions, TextPrintsStraceLikeLinesOnStderr) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), {tracee("exit_code"), "7"}, {"--text"});
  EXPECT_EQ(r.status(), 7) << r.describe();
  EXPECT_EQ(r.out, "exit_code: exiting with 7\n") << "--text must not touch the program's stdout";
  // strace's line, with or without strace -y's "<what the fd is>" decoration.
  EXPECT_TRUE(std::regex_search(r.err, std::regex(R"(write\(1(<[^>]*>)?, "exit_code: exiting with 7\\n", 26\) += 26)")))
      << r.describe();
  EXPECT_NE(r.err.find("exit_group(7)"), std::string::npos) << r.describe();
}

TEST(CaptureOptions, SummaryPrintsTheStraceCTableOnStderr) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), {tracee("syscall_loop"), "500"}, {"--summary"});
  ASSERT_EQ(r.status(), 0) << r.describe();
  EXPECT_EQ(r.out, "syscall_loop: 500 getppid calls\n");
  std::string error;
  auto table = parse_call_table(r.err, &error);
  ASSERT_TRUE(table) << error << "\n" << r.describe();
  ASSERT_TRUE(table->rows.count("getppid"));
  EXPECT_EQ(table->rows["getppid"].calls, 500u);
  TraceFile f = load_ok(dir.file("t.json"));
  ASSERT_EQ(f.runs.size(), 1u);
  CallCounts from_trace = count_calls(f.runs[0]);
  EXPECT_TRUE(counts_equal(table->rows, from_trace)) << "summary vs the trace it wrote";
}

// "signals ... untouched": a signal ignored by whoever started golden (a background
// job's SIGINT/SIGQUIT, nohup's SIGHUP) is still ignored in the tracee, as it is under
// strace and without a tracer (SIG_IGN survives fork and exec). Found by the strace
// conformance tests run from a background shell job: dash and python then made 1-2
// more rt_sigaction calls under golden than under strace.
TEST(CaptureSignals, InheritedIgnoredSignalsStayIgnoredInTheTracee) {
  const std::string show = "grep -E '^SigIgn:' /proc/self/status";
  const std::string ignore = "trap '' INT QUIT HUP; ";
  RunResult plain = run({"sh", "-c", ignore + "exec " + show});
  ASSERT_EQ(plain.status(), 0) << plain.describe();
  ASSERT_NE(plain.out, "SigIgn:\t0000000000000000\n") << "the shell did not ignore the signals";
  TempDir dir;
  RunResult traced = run({"sh", "-c", ignore + "exec " + golden_exe() + " capture -o " + dir.file("t.json") + " -- " + show});
  ASSERT_EQ(traced.status(), 0) << traced.describe();
  EXPECT_EQ(traced.out, plain.out) << "the tracee's ignored-signal mask changed under golden";
}

// -p: attach to a running program; Ctrl-C detaches and leaves it running.
TEST(CaptureAttach, SigintDetachesAndLeavesTheProgramRunning) {
  Spawned ticker({tracee("ticker")});
  auto first = ticker.wait_for_line("tick 1 ");
  ASSERT_TRUE(first) << "ticker did not start";
  const pid_t pid = ticker.pid();
  ASSERT_EQ(tick_pid(*first), pid);

  TempDir dir;
  std::string path = dir.file("attach.json");
  Spawned g({golden_exe(), "capture", "-o", path, "-p", std::to_string(pid)});
  ASSERT_TRUE(eventually([&] { return proc_status_field(pid, "TracerPid") != "0"; }, 20s))
      << "golden never attached";
  // Ticks printed after the attach (anything written before it is already in the pipe).
  ticker.drain_available();
  long before = tick_number(ticker.last_line());
  // Three ticks surely recorded whole: tick before+1 may have begun before the attach,
  // and the last tick seen may still be in flight at SIGINT (recorded unfinished, which
  // ticks_written does not count); ticks before+2..before+4 are neither once before+5
  // is on stdout.
  ASSERT_TRUE(ticker.wait_for_line("tick " + std::to_string(before + 5) + " "))
      << "the program stopped ticking while traced (last: " << ticker.last_line() << ")";

  g.signal(SIGINT);
  RunResult gr = g.wait(30s);
  ASSERT_FALSE(gr.timed_out) << gr.describe();
  EXPECT_TRUE(gr.exited()) << gr.describe();
  // CaptureOutcome: attach mode reports 0; 130 (128+SIGINT) would also be a fair answer.
  EXPECT_TRUE(gr.status() == 0 || gr.status() == 130) << gr.describe();

  // Still alive, not traced, not stopped, and still ticking.
  EXPECT_TRUE(process_alive(pid));
  EXPECT_EQ(proc_status_field(pid, "TracerPid"), "0");
  std::string state = proc_status_field(pid, "State");
  EXPECT_TRUE(state.rfind("S", 0) == 0 || state.rfind("R", 0) == 0) << state;
  ticker.drain_available();
  long after = tick_number(ticker.last_line());
  EXPECT_TRUE(ticker.wait_for_line("tick " + std::to_string(after + 2) + " ", 10s))
      << "the program does not run after the detach";

  // The trace: complete, the attached pid, its ticks.
  EXPECT_FALSE(file_exists(path + ".partial"));
  TraceFile f = load_ok(path);
  EXPECT_FALSE(f.truncated);
  ASSERT_EQ(f.runs.size(), 1u);
  const Trace& t = f.runs[0];
  EXPECT_EQ(t.run.attached, std::vector<Pid>{Pid{pid}});
  EXPECT_TRUE(t.run.command.empty());
  std::vector<long> ticks = ticks_written(t);
  EXPECT_GE(ticks.size(), 3u) << summarize(t);
  for (std::size_t i = 1; i < ticks.size(); ++i) EXPECT_EQ(ticks[i], ticks[i - 1] + 1) << "ticks missing";
  for (const Event& e : t.events) EXPECT_EQ(e.pid.value, pid);
  EXPECT_TRUE(check_lamport(t).empty()) << join(check_lamport(t));

  // SIGTERM ends it: it was not left in a stop (a stopped process would not die of it).
  ticker.signal(SIGTERM);
  RunResult tr = ticker.wait(10s);
  EXPECT_EQ(tr.term_signal, SIGTERM) << tr.describe();
}

// -p PID,PID: two programs at once, both left running.
TEST(CaptureAttach, TwoPidsAreTracedAndBothDetached) {
  Spawned a({tracee("ticker")});
  Spawned b({tracee("ticker")});
  ASSERT_TRUE(a.wait_for_line("tick 1 "));
  ASSERT_TRUE(b.wait_for_line("tick 1 "));
  TempDir dir;
  std::string path = dir.file("attach2.json");
  Spawned g({golden_exe(), "capture", "-o", path, "-p", std::to_string(a.pid()) + "," + std::to_string(b.pid())});
  for (pid_t pid : {a.pid(), b.pid()})
    ASSERT_TRUE(eventually([&] { return proc_status_field(pid, "TracerPid") != "0"; }, 20s))
        << "golden never attached to " << pid;
  for (Spawned* s : {&a, &b}) {
    s->drain_available();
    long before = tick_number(s->last_line());
    ASSERT_TRUE(s->wait_for_line("tick " + std::to_string(before + 2) + " "));
  }
  g.signal(SIGINT);
  RunResult gr = g.wait(30s);
  EXPECT_TRUE(gr.exited()) << gr.describe();
  for (Spawned* s : {&a, &b}) {
    EXPECT_TRUE(process_alive(s->pid()));
    EXPECT_EQ(proc_status_field(s->pid(), "TracerPid"), "0");
  }
  TraceFile f = load_ok(path);
  ASSERT_EQ(f.runs.size(), 1u);
  const Trace& t = f.runs[0];
  EXPECT_EQ(t.run.attached, (std::vector<Pid>{Pid{a.pid()}, Pid{b.pid()}}));
  std::set<std::int32_t> pids;
  for (const Event& e : t.events) pids.insert(e.pid.value);
  EXPECT_EQ(pids, (std::set<std::int32_t>{a.pid(), b.pid()}));
  for (Spawned* s : {&a, &b}) {
    s->signal(SIGTERM);
    EXPECT_EQ(s->wait(10s).term_signal, SIGTERM);
  }
}

// SIGKILL of the recorder: the tracee dies with it (PTRACE_O_EXITKILL) and the file
// written so far is readable, says it is truncated, and holds the events up to (at
// least) those older than the writer's flush interval.
TEST(CaptureInterrupted, SigkillOfTheRecorderLeavesAReadableTruncatedFile) {
  TempDir dir;
  std::string path = dir.file("killed.json");
  Spawned g({golden_exe(), "capture", "-o", path, "--", tracee("ticker")});
  auto tenth = g.wait_for_line("tick 10 ");
  ASSERT_TRUE(tenth) << "ticker did not reach tick 10 under golden: " << g.out();
  const pid_t ticker_pid = tick_pid(*tenth);
  kill(g.pid(), SIGKILL);
  RunResult gr = g.wait(20s);
  EXPECT_EQ(gr.term_signal, SIGKILL);
  EXPECT_TRUE(eventually([&] { return !process_alive(ticker_pid); }, 10s))
      << "the tracee outlived the recorder (PTRACE_O_EXITKILL)";

  EXPECT_FALSE(file_exists(path)) << "a killed capture must not leave a file that looks complete";
  std::string partial = path + ".partial";
  ASSERT_TRUE(file_exists(partial));
  TraceFile f = load_ok(partial);
  EXPECT_TRUE(f.truncated) << "the reader must say the trace is truncated";
  ASSERT_EQ(f.runs.size(), 1u);
  const Trace& t = f.runs[0];
  for (std::size_t i = 0; i < t.events.size(); ++i) ASSERT_EQ(t.events[i].seq, i) << "events read back are a prefix";
  // Ticks 1..5 were recorded >= 20 ms (4 sleeps of 5 ms) before tick 10 was: at least one
  // flush (every 10 ms) happened after them.
  std::vector<long> ticks = ticks_written(t);
  ASSERT_GE(ticks.size(), 5u) << summarize(t);
  for (std::size_t i = 0; i < ticks.size(); ++i) EXPECT_EQ(ticks[i], static_cast<long>(i) + 1);
  EXPECT_TRUE(check_lamport(t).empty()) << join(check_lamport(t));

  // golden show accepts it with a warning.
  RunResult show = golden({"show", partial});
  EXPECT_EQ(show.status(), 0) << show.describe();
  EXPECT_NE(show.err.find("truncated"), std::string::npos) << show.describe();
  EXPECT_FALSE(show.out.empty());
}

// The same with zstd output: the writer ends a zstd block at each flush, so the
// compressed prefix decompresses up to the kill.
TEST(CaptureInterrupted, SigkillOfTheRecorderLeavesAReadableTruncatedZstdFile) {
  TempDir dir;
  std::string path = dir.file("killed.json.zst");
  Spawned g({golden_exe(), "capture", "-o", path, "--", tracee("ticker")});
  auto tenth = g.wait_for_line("tick 10 ");
  ASSERT_TRUE(tenth) << "ticker did not reach tick 10 under golden: " << g.out();
  kill(g.pid(), SIGKILL);
  RunResult gr = g.wait(20s);
  EXPECT_EQ(gr.term_signal, SIGKILL);
  EXPECT_FALSE(file_exists(path)) << "a killed capture must not leave a file that looks complete";
  std::string partial = path + ".partial";
  ASSERT_TRUE(file_exists(partial));
  TraceFile f = load_ok(partial);
  EXPECT_TRUE(f.truncated);
  ASSERT_EQ(f.runs.size(), 1u);
  std::vector<long> ticks = ticks_written(f.runs[0]);
  ASSERT_GE(ticks.size(), 5u) << summarize(f.runs[0]);
  for (std::size_t i = 0; i < ticks.size(); ++i) EXPECT_EQ(ticks[i], static_cast<long>(i) + 1);
}

// SIGINT of golden on a launched command: it stops the trace and writes a complete file.
TEST(CaptureInterrupted, SigintOfGoldenWritesACompleteTrace) {
  TempDir dir;
  std::string path = dir.file("stopped.json");
  Spawned g({golden_exe(), "capture", "-o", path, "--", tracee("ticker")});
  // Tick 6 on stdout means the recorder has seen tick 5's write return (it resumed the
  // program after it). Tick 5 alone may still be in flight when SIGINT arrives: its write
  // is then recorded unfinished, which ticks_written does not count.
  auto sixth = g.wait_for_line("tick 6 ");
  ASSERT_TRUE(sixth) << g.out();
  const pid_t ticker_pid = tick_pid(*sixth);
  g.signal(SIGINT);
  RunResult gr = g.wait(30s);
  ASSERT_FALSE(gr.timed_out) << gr.describe();
  EXPECT_TRUE(gr.exited()) << "golden must handle SIGINT, not die of it\n" << gr.describe();
  EXPECT_TRUE(eventually([&] { return !process_alive(ticker_pid); }, 10s)) << "the launched program was left running";
  EXPECT_FALSE(file_exists(path + ".partial"));
  TraceFile f = load_ok(path);
  EXPECT_FALSE(f.truncated);
  ASSERT_EQ(f.runs.size(), 1u);
  const Trace& t = f.runs[0];
  std::vector<long> ticks = ticks_written(t);
  ASSERT_GE(ticks.size(), 5u) << summarize(t);
  for (std::size_t i = 0; i < ticks.size(); ++i) EXPECT_EQ(ticks[i], static_cast<long>(i) + 1);
  ASSERT_EQ(t.processes.size(), 1u) << summarize(t);
  // golden ends the launched program (SIGKILL, recorder.hpp) and knows how it ended: it
  // exits with that status. The trace must say the same.
  EXPECT_TRUE(t.processes[0].exit_signal.has_value() || t.processes[0].exit_code.has_value())
      << "the process record says how it ended\n" << summarize(t, 10);
  EXPECT_EQ(t.run.exit_status, std::optional<int>(gr.status())) << "run.exit_status vs golden's own exit status";
  EXPECT_TRUE(check_all(t, gr.elapsed).empty()) << join(check_all(t, gr.elapsed));
}

TEST(CaptureOutput, ZstdOutputIsCompressedAndReadableByShow) {
  TempDir dir;
  std::string path = dir.file("t.json.zst");
  RunResult r = capture(path, {tracee("pipe_chain")});
  ASSERT_EQ(r.status(), 0) << r.describe();
  std::string bytes = read_file(path);
  ASSERT_GE(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("\x28\xb5\x2f\xfd", 4)) << "zstd frame magic";
  EXPECT_FALSE(file_exists(path + ".partial"));
  TraceFile f = load_ok(path);
  EXPECT_FALSE(f.truncated);
  ASSERT_EQ(f.runs.size(), 1u);
  EXPECT_GT(f.runs[0].events.size(), 20u);
  RunResult show = golden({"show", path});
  EXPECT_EQ(show.status(), 0) << show.describe();
  EXPECT_NE(show.out.find("HELLO THROUGH PIPES"), std::string::npos) << show.describe();
}

// W3C traceparent: version 00, 32 hex trace id, 16 hex parent id, 2 hex flags; the ids
// must not be all zeros.
::testing::AssertionResult valid_traceparent(const std::string& v) {
  static const std::regex re("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
  std::smatch m;
  if (!std::regex_match(v, m, re)) return ::testing::AssertionFailure() << "'" << v << "' is not a W3C traceparent";
  if (m[1] == std::string(32, '0') || m[2] == std::string(16, '0'))
    return ::testing::AssertionFailure() << "'" << v << "' has an all-zero id";
  return ::testing::AssertionSuccess();
}

const std::vector<std::string> kPrintContext = {"sh", "-c",
                                                "printf '%s\\n' \"$TRACEPARENT\" \"$GOLDEN_LAMPORT_CLOCK\""};

TEST(CaptureContext, TracePropagatesANewTraceparentAndTheLogicalClock) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), kPrintContext, {}, {.unset_env = {"TRACEPARENT", "GOLDEN_LAMPORT_CLOCK"}});
  ASSERT_EQ(r.status(), 0) << r.describe();
  auto lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.describe();
  EXPECT_TRUE(valid_traceparent(lines[0]));
  EXPECT_TRUE(std::regex_match(lines[1], std::regex("[0-9]+"))) << "GOLDEN_LAMPORT_CLOCK='" << lines[1] << "'";
  TraceFile f = load_ok(dir.file("t.json"));
  ASSERT_EQ(f.runs.size(), 1u);
  EXPECT_EQ(f.runs[0].run.traceparent, lines[0]) << "the trace records what the tracee was given";

  // Two captures are two traces.
  TempDir dir2;
  RunResult r2 = capture(dir2.file("t.json"), kPrintContext, {}, {.unset_env = {"TRACEPARENT"}});
  auto lines2 = split_lines(r2.out);
  ASSERT_EQ(lines2.size(), 2u) << r2.describe();
  EXPECT_NE(lines2[0].substr(3, 32), lines[0].substr(3, 32)) << "a new trace id per capture";
}

TEST(CaptureContext, TraceIdIsInheritedFromTheCallersTraceparent) {
  const std::string parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), kPrintContext, {}, {.set_env = {"TRACEPARENT=" + parent}});
  ASSERT_EQ(r.status(), 0) << r.describe();
  auto lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.describe();
  EXPECT_TRUE(valid_traceparent(lines[0]));
  EXPECT_EQ(lines[0].substr(0, 36), parent.substr(0, 36)) << "same version and trace id";
}

TEST(CaptureContext, InvalidCallerTraceparentIsReplacedByAValidOne) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), kPrintContext, {}, {.set_env = {"TRACEPARENT=not-a-traceparent"}});
  ASSERT_EQ(r.status(), 0) << r.describe();
  auto lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.describe();
  EXPECT_TRUE(valid_traceparent(lines[0]));
}

}  // namespace
}  // namespace golden::e2e
