// Normalization rules that are not about one effect family: pids, exec chains, exit
// statuses, retries, runtime noise, implementation reads.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>

#include "golden/equivalence/normalized.hpp"
#include "golden/test_support/trace_builder.hpp"
#include "test_util.hpp"

namespace golden {
namespace {

using test::buf_arg;
using test::fd_arg;
using test::lines;
using test::lines_of;
using test::path_arg;
using test::TraceBuilder;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(Normalize, RootExecChainIsTheImplementationByDefault) {
  TraceBuilder b(100, "/w", {"/usr/bin/python3", "/w/greet.py", "World"});
  b.exit(100, 0);
  Trace t = b.build();
  EXPECT_THAT(lines_of(normalize(t, {}), "processes"), ElementsAre("1: exit 0"));
  CompareConfig cfg;
  cfg.root_exec = true;
  EXPECT_THAT(lines_of(normalize(t, cfg), "processes"),
              ElementsAre("1: exec /usr/bin/python3 [\"/usr/bin/python3\", \"$CWD/greet.py\", \"World\"]",
                          "1: exit 0"));
}

TEST(Normalize, ChildrenAreExecsWithTemplatedArgvAndExitStatuses) {
  TraceBuilder b(100, "/tmp/tmp.AbC123xYz9", {"./tool"});
  auto c = b.spawn(100, {"cp", "/tmp/tmp.AbC123xYz9/a", "/home/dev/b"}, "/usr/bin/cp");
  b.exit(c, 1);
  b.wait(100, c);
  auto k = b.spawn(100, {"sleep", "9"}, "/usr/bin/sleep");
  b.exit(k, 0, SIGTERM);
  b.exit(100, 3);
  auto n = normalize(b.build(), {});
  EXPECT_THAT(lines_of(n, "processes"),
              ElementsAre("1/cp: exec /usr/bin/cp [\"cp\", \"$CWD/a\", \"$HOME/b\"]",
                          "1/cp: exit 1",
                          "1/sleep: exec /usr/bin/sleep [\"sleep\", \"9\"]",
                          "1/sleep: killed by SIGTERM", "1: exit 3"));
}

TEST(Normalize, PidsAreNumberedByTreePositionNotByValue) {
  for (std::int32_t base : {100, 31337}) {
    TraceBuilder b(base, "/w");
    auto c = b.fork(base);
    b.open(c, "/proc/" + std::to_string(base) + "/status", O_RDONLY, 3);
    b.exit(c);
    b.wait(base, c);
    b.open(base, "/w/in." + std::to_string(c) + ".txt", O_RDONLY, 3);
    b.exit(base);
    CompareConfig cfg;
    cfg.noise = true;  // /proc/$PIDn reads are noise by default
    auto n = normalize(b.build(), cfg);
    EXPECT_THAT(lines(n), Contains("user reads | read /proc/$PID1/status"));
    EXPECT_THAT(lines(n), Contains("user reads | read $CWD/in.$PID2.txt"));
  }
}

TEST(Normalize, RetriesAndRuntimeNoiseLeaveNoTrace) {
  TraceBuilder quiet(100, "/w");
  quiet.write(100, 1, "hi\n");
  quiet.exit(100);
  TraceBuilder noisy(100, "/w");
  noisy.noise(100);
  noisy.sys(100, "write", {fd_arg("fd", 1), buf_arg("buf", "", 0)}, 0, EINTR);
  noisy.sys(100, "read", {fd_arg("fd", 0)}, 0, EAGAIN);
  noisy.write(100, 1, "hi\n");
  noisy.open(100, "/w/config.ini", O_RDONLY, -1, 0, ENOENT);  // a failed probe
  noisy.exit(100);
  EXPECT_EQ(lines(normalize(quiet.build(), {})), lines(normalize(noisy.build(), {})));
  auto n = normalize(noisy.build(), {});
  EXPECT_EQ(n.counters["equivalence.retries_collapsed"], 2u);

  CompareConfig keep;
  keep.noise = true;
  EXPECT_THAT(lines(normalize(noisy.build(), keep)),
              Contains("user reads | read /usr/lib/locale/locale-archive"));
  EXPECT_THAT(lines(normalize(noisy.build(), keep)), Contains("user reads | read $CWD/config.ini = ENOENT"));
}

TEST(Normalize, ScriptsRunByTheirInterpreterAreNotUserReads) {
  TraceBuilder b(100, "/src", {"python3", "greet.py"});
  b.open(100, "/src/greet.py", O_RDONLY | O_CLOEXEC, 3);
  b.close(100, 3);
  b.open(100, "/src", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 3);  // the import machinery
  b.sys(100, "getdents64", {fd_arg("fd", 3)}, 96);
  b.close(100, 3);
  b.open(100, "/usr/lib/python3.11/os.py", O_RDONLY, 3);
  b.close(100, 3);
  b.open(100, "/src/__pycache__/helper.cpython-311.pyc", O_RDONLY, 3);
  b.close(100, 3);
  b.open(100, "/src/input.txt", O_RDONLY, 3);
  b.close(100, 3);
  b.exit(100);
  EXPECT_THAT(lines_of(normalize(b.build(), {}), "user reads"), ElementsAre("read $CWD/input.txt"));
}

TEST(Normalize, LauncherHelpersAndReadsAreTheImplementationsStartUp) {
  // A pyenv-style shim: the root runs bash, which starts helpers and reads its
  // configuration, then execs the real interpreter.
  TraceBuilder b(100, "/w", {"/root/.pyenv/shims/python3", "greet.py"});
  b.open(100, "/root/.pyenv/version", O_RDONLY, 3);
  auto helper = b.spawn(100, {"readlink", "pyenv"}, "/usr/bin/readlink");
  b.open(helper, "/root/.pyenv/plugins/x.bash", O_RDONLY, 3);
  b.exit(helper, 1);
  b.wait(100, helper);
  Arg av;
  av.name = "argv";
  av.kind = ArgKind::Argv;
  av.list = {"python3", "greet.py"};
  Seq s = b.sys(100, "execve",
                {path_arg("pathname", "/root/.pyenv/versions/3.11.7/bin/python3"), av}, 0);
  b.process_record(100).execs.push_back(
      {s, "/root/.pyenv/versions/3.11.7/bin/python3", av.list, "/w"});
  b.open(100, "/root/.pyenv/versions/3.11.7/lib/python3.11/os.py", O_RDONLY, 3);
  b.open(100, "/w/input.txt", O_RDONLY, 4);
  auto child = b.spawn(100, {"ls"}, "/usr/bin/ls");  // started by the program itself
  b.exit(child);
  b.wait(100, child);
  b.open(100, "/dev/tty", O_RDWR, -1, 0, ENXIO);  // probing for a terminal
  b.exit(100);
  auto n = normalize(b.build(), {});
  EXPECT_THAT(lines_of(n, "user reads"), ElementsAre("read $CWD/input.txt"));
  EXPECT_THAT(lines_of(n, "processes"),
              ElementsAre("1/ls: exec /usr/bin/ls [\"ls\"]", "1/ls: exit 0", "1: exit 0"));
  CompareConfig cfg;
  cfg.root_exec = true;
  EXPECT_THAT(lines(normalize(b.build(), cfg)), Contains("processes | 1/readlink: exit 1"));
}

TEST(Normalize, DirectoriesAreReadWhenListed) {
  TraceBuilder b(100, "/w", {"/usr/bin/ls"});
  b.open(100, "/w/data", O_RDONLY | O_DIRECTORY, 3);
  b.sys(100, "getdents64", {fd_arg("fd", 3)}, 120);
  b.close(100, 3);
  b.open(100, "/w/other", O_RDONLY | O_DIRECTORY | O_PATH, 4);  // only a dirfd
  b.open(100, "/w/tarred", O_RDONLY | O_NOFOLLOW, 5);  // a directory opened like a file
  b.sys(100, "getdents64", {fd_arg("fd", 5)}, 120);
  b.exit(100);
  EXPECT_THAT(lines_of(normalize(b.build(), {}), "user reads"),
              ElementsAre("list $CWD/data", "list $CWD/tarred", "read $CWD/tarred"));
}

TEST(Normalize, StdinConsumptionIsAUserRead) {
  TraceBuilder b(100, "/w");
  b.read(100, 0, "input\n");
  b.exit(100);
  EXPECT_THAT(lines_of(normalize(b.build(), {}), "user reads"), ElementsAre("read <stdin>"));
}

TEST(Normalize, RelaxRemovesACategoryEverywhere) {
  TraceBuilder b(100, "/w");
  b.write(100, 2, "warning\n");
  b.open(100, "/w/in", O_RDONLY, 3);
  b.exit(100, 4);
  CompareConfig cfg;
  cfg.relax = {Category::Stderr, Category::UserReads, Category::ExitStatus};
  EXPECT_TRUE(lines(normalize(b.build(), cfg)).empty());
}

TEST(Normalize, ExcludedClassesProduceNoEffectsButKeepFdTracking) {
  TraceBuilder b(100, "/w");
  b.open(100, "/w/out", O_WRONLY | O_CREAT | O_TRUNC, 3, 0644);
  b.dup2(100, 3, 1);  // stdout now goes to /w/out
  b.write(100, 1, "x\n");
  b.exit(100);
  CompareConfig cfg;
  cfg.exclude_syscalls = {"openat"};
  auto n = normalize(b.build(), cfg);
  // The excluded open is not seen: the file is one that was there, written by the run.
  EXPECT_THAT(lines(n), ElementsAre("processes | 1: exit 0",
                                    "file $CWD/out | file, mode as before, written into its earlier content",
                                    "file $CWD/out | \"x\\n\""));
}

TEST(Normalize, IncludedClassesAddCallByCallLines) {
  TraceBuilder b(100, "/w");
  b.noise(100);
  b.open(100, "/w/in.txt", O_RDONLY, 3);
  b.read(100, 3, "abc");
  b.close(100, 3);
  b.exit(100);
  CompareConfig cfg;
  cfg.include_syscalls = {"openat", "read", "close", "mmap"};
  auto n = normalize(b.build(), cfg);
  // Loader noise (libc/locale opens and closes of their fds) stays out; pointers dropped.
  EXPECT_THAT(lines_of(n, "syscalls 1"),
              ElementsAre("mmap(8192) = ADDR", "openat(AT_FDCWD, \"$CWD/in.txt\", 0, 000) = <$CWD/in.txt>",
                          "read(<$CWD/in.txt>, <3 bytes>, 4096) = 3", "close(<$CWD/in.txt>) = 0"));
}

TEST(Normalize, FormatIsOneEffectPerLineAndStable) {
  TraceBuilder b(100, "/w");
  b.write(100, 1, "hello\n");
  b.exit(100);
  auto text = format_normalized(normalize(b.build(), {}));
  EXPECT_EQ(text, "# golden normalized effects v1\nprocesses | 1: exit 0\nstdout | \"hello\\n\"\n");
  auto legend = format_normalized(normalize(b.build(), {}), {.legend = true});
  EXPECT_THAT(legend, HasSubstr("# $CWD = /w\n"));
}

}  // namespace
}  // namespace golden
