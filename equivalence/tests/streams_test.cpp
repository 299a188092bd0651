// stdout/stderr: identified by the root's fds 1 and 2 whatever they point to, bytes
// compared regardless of chunking, templated when complete, hashed when not.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/normalized.hpp"
#include "golden/test_support/trace_builder.hpp"
#include "test_util.hpp"

namespace golden {
namespace {

using test::buf_arg;
using test::fd_arg;
using test::lines_of;
using test::TraceBuilder;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(Streams, ChunkingIsIgnored) {
  TraceBuilder one(100, "/w");
  one.write(100, 1, "hello\nworld\n");
  one.exit(100);
  TraceBuilder many(100, "/w");
  for (const char* part : {"he", "llo\nwo", "r", "ld\n"}) many.write(100, 1, part);
  many.exit(100);
  auto a = normalize(one.build(), {});
  auto b = normalize(many.build(), {});
  EXPECT_THAT(lines_of(a, "stdout"), ElementsAre("\"hello\\n\"", "\"world\\n\""));
  EXPECT_EQ(lines_of(a, "stdout"), lines_of(b, "stdout"));
  EXPECT_TRUE(compare(one.build(), many.build()).equivalent);
}

TEST(Streams, StdoutAndStderrAreToldApartByFdNotByWhatTheyPointTo) {
  // Both fds are the same terminal: the kernel's description can't separate them.
  TraceBuilder b(100, "/w");
  b.sys(100, "write", {fd_arg("fd", 1, "/dev/pts/0"), buf_arg("buf", "out\n", 64)}, 4);
  b.sys(100, "write", {fd_arg("fd", 2, "/dev/pts/0"), buf_arg("buf", "err\n", 64)}, 4);
  b.exit(100);
  auto n = normalize(b.build(), {});
  EXPECT_THAT(lines_of(n, "stdout"), ElementsAre("\"out\\n\""));
  EXPECT_THAT(lines_of(n, "stderr"), ElementsAre("\"err\\n\""));
}

TEST(Streams, RedirectionsFollowTheFdTable) {
  TraceBuilder b(100, "/w");
  b.dup2(100, 2, 1);                         // 1>&2
  b.write(100, 1, "to stderr\n");
  b.open(100, "/w/log", O_WRONLY | O_CREAT | O_APPEND, 3, 0644);
  b.dup2(100, 3, 2);                         // 2>>log
  b.write(100, 2, "to log\n");
  b.open(100, "/dev/stdout", O_WRONLY, 4);  // reopens fd 1: still stderr here
  b.write(100, 4, "via /dev/stdout\n");
  b.exit(100);
  auto n = normalize(b.build(), {});
  EXPECT_THAT(lines_of(n, "stderr"), ElementsAre("\"to stderr\\n\"", "\"via /dev/stdout\\n\""));
  // 2>>log appends: whatever the log held stays.
  EXPECT_THAT(lines_of(n, "file $CWD/log"),
              ElementsAre("file, mode 0644, written into its earlier content", "\"to log\\n\""));
  EXPECT_THAT(lines_of(n, "stdout"), IsEmpty());
}

TEST(Streams, ChildrenInheritTheStreamsAndPipesAreNotOutput) {
  TraceBuilder b(100, "/w", {"sh", "-c", "echo a | tr a b"});
  b.pipe(100, 3, 4);
  auto echo = b.fork(100);
  b.dup2(echo, 4, 1);
  b.write(echo, 1, "a\n");  // into the pipe
  b.exit(echo);
  auto tr = b.spawn(100, {"tr", "a", "b"}, "/usr/bin/tr");
  b.dup2(tr, 3, 0);
  b.read(tr, 0, "a\n");     // from the pipe: not stdin of the run
  b.write(tr, 1, "b\n");
  b.exit(tr);
  b.wait(100, echo);
  b.wait(100, tr);
  b.exit(100);
  auto n = normalize(b.build(), {});
  EXPECT_THAT(lines_of(n, "stdout"), ElementsAre("\"b\\n\""));
  EXPECT_THAT(lines_of(n, "user reads"), IsEmpty());
}

TEST(Streams, TempPathsAndPidsInOutputAreTemplated) {
  auto run = [](const std::string& dir, std::int32_t pid) {
    TraceBuilder b(pid, "/w");
    b.open(pid, dir + "/out", O_WRONLY | O_CREAT | O_TRUNC, 3, 0666);
    b.write(pid, 1, "wrote " + dir + "/out as " + std::to_string(pid) + "\n");
    b.exit(pid);
    return b.build();
  };
  Trace a = run("/tmp/tmp.AbC123xYz9", 4321);
  Trace b = run("/tmp/tmp.QqQ777rrR1", 8765);
  EXPECT_THAT(lines_of(normalize(a, {}), "stdout"), ElementsAre("\"wrote $TMP1/out as $PID1\\n\""));
  EXPECT_TRUE(compare(a, b).equivalent) << test::describe(compare(a, b));
  CompareConfig raw;
  raw.template_content = false;
  EXPECT_FALSE(compare(a, b, raw).equivalent);
}

TEST(Streams, ANumberThatHappensToBeAPidStillMatchesTheSameNumber) {
  // Run A's root has pid 1000; both runs print and pass "1000" as data.
  auto run = [](std::int32_t pid) {
    TraceBuilder b(pid, "/w");
    auto c = b.spawn(pid, {"worker", "1000"}, "/usr/bin/worker");
    b.exit(c);
    b.wait(pid, c);
    b.write(pid, 1, "processed 1000 records\n");
    b.exit(pid);
    return b.build();
  };
  auto a = normalize(run(1000), {});
  EXPECT_THAT(lines_of(a, "stdout"), ElementsAre("\"processed $PID1 records\\n\""));
  auto r = compare(run(1000), run(52000));
  EXPECT_TRUE(r.equivalent) << test::describe(r);
  // A different number is still a difference.
  TraceBuilder c(52000, "/w");
  auto w = c.spawn(52000, {"worker", "1000"}, "/usr/bin/worker");
  c.exit(w);
  c.wait(52000, w);
  c.write(52000, 1, "processed 1001 records\n");
  c.exit(52000);
  EXPECT_FALSE(compare(run(1000), c.build()).equivalent);
}

TEST(Streams, IncompleteHeadsAreComparedByHashAndLength) {
  std::string big(300, 'x');
  big += "\n";
  TraceBuilder a(100, "/w");
  a.write(100, 1, "line1\n" + big, 32);
  a.exit(100);
  auto n = normalize(a.build(), {});
  auto out = lines_of(n, "stdout");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], "\"line1\\n\"");
  EXPECT_THAT(out[1], HasSubstr("<301 more bytes not captured (raise -s); all 307 bytes hash "));

  // Same bytes in different chunks and with a different -s: still equivalent (raw
  // concatenation is compared when the renderings differ).
  TraceBuilder b(100, "/w");
  b.write(100, 1, "line1\n", 4096);
  b.write(100, 1, big, 4096);
  b.exit(100);
  EXPECT_TRUE(compare(a.build(), b.build()).equivalent);

  // One byte different in the part that was never captured: divergent.
  std::string other = big;
  other[200] = 'y';
  TraceBuilder c(100, "/w");
  c.write(100, 1, "line1\n" + other, 32);
  c.exit(100);
  auto r = compare(a.build(), c.build());
  EXPECT_FALSE(r.equivalent);
  ASSERT_NE(test::find_divergence(r, "stdout"), nullptr);
}

TEST(Streams, BinaryBytesAreOneItem) {
  TraceBuilder b(100, "/w");
  b.write(100, 1, std::string("\x7f" "ELF\0\0\x01\x02", 8));
  b.exit(100);
  auto out = lines_of(normalize(b.build(), {}), "stdout");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_THAT(out[0], HasSubstr("<binary, 8 bytes, hash "));
}

TEST(Streams, SequentialWritersShareOneStream) {
  TraceBuilder b(100, "/w", {"sh", "-c", "echo a; ls; echo b"});
  b.write(100, 1, "a\n");
  auto ls = b.spawn(100, {"ls"}, "/usr/bin/ls");
  b.write(ls, 1, "file\n");
  b.exit(ls);
  b.wait(100, ls);
  b.write(100, 1, "b\n");
  b.exit(100);
  auto n = normalize(b.build(), {});
  EXPECT_THAT(lines_of(n, "stdout"), ElementsAre("\"a\\n\"", "\"file\\n\"", "\"b\\n\""));
}

TEST(Streams, ConcurrentWritersGetAChannelEachSoTheirInterleavingNeverMatters) {
  auto run = [](bool first_a) {
    TraceBuilder b(100, "/w", {"sh", "-c", "x & y & wait"});
    auto x = b.spawn(100, {"x"}, "/usr/bin/x");
    auto y = b.spawn(100, {"y"}, "/usr/bin/y");
    if (first_a) {
      b.write(x, 1, "x1\n");
      b.write(y, 1, "y1\n");
      b.write(x, 1, "x2\n");
    } else {
      b.write(y, 1, "y1\n");
      b.write(x, 1, "x1\n");
      b.write(x, 1, "x2\n");
    }
    b.exit(x);
    b.exit(y);
    b.wait(100, x);
    b.wait(100, y);
    b.exit(100);
    return b.build();
  };
  auto n = normalize(run(true), {});
  EXPECT_THAT(lines_of(n, "stdout from 1/x"), ElementsAre("\"x1\\n\"", "\"x2\\n\""));
  EXPECT_THAT(lines_of(n, "stdout from 1/y"), ElementsAre("\"y1\\n\""));
  EXPECT_TRUE(compare(run(true), run(false)).equivalent);
}

TEST(Streams, ForkedWritersWithoutExecAreSplitToo) {
  // Two subshells (forks without exec) writing concurrently: no keys of their own,
  // but still separate writers, so their interleaving cannot matter.
  auto run = [](bool first_a) {
    TraceBuilder b(100, "/w", {"sh", "-c", "(echo a) & (echo b) & wait"});
    auto x = b.fork(100);
    auto y = b.fork(100);
    if (first_a) {
      b.write(x, 1, "a\n");
      b.write(y, 1, "b\n");
    } else {
      b.write(y, 1, "b\n");
      b.write(x, 1, "a\n");
    }
    b.exit(x);
    b.exit(y);
    b.wait(100, x);
    b.wait(100, y);
    b.exit(100);
    return b.build();
  };
  auto n = normalize(run(true), {});
  EXPECT_THAT(lines_of(n, "stdout from 1(fork 2)"), ElementsAre("\"a\\n\""));
  EXPECT_THAT(lines_of(n, "stdout from 1(fork 3)"), ElementsAre("\"b\\n\""));
  EXPECT_TRUE(compare(run(true), run(false)).equivalent);
}

TEST(Streams, InKernelCopiesAreComparedBySourceAndLength) {
  TraceBuilder b(100, "/w", {"cp", "a", "b"});
  b.open(100, "/w/a", O_RDONLY, 3);
  b.open(100, "/w/b", O_WRONLY | O_CREAT | O_TRUNC, 4, 0644);
  for (std::int64_t n : {4000, 96, 0})
    b.sys(100, "copy_file_range", {fd_arg("fd_in", 3), fd_arg("fd_out", 4)}, n);
  b.exit(100);
  auto n = normalize(b.build(), {});
  EXPECT_THAT(lines_of(n, "file $CWD/b"),
              ElementsAre("file, mode 0644", "<copied 4096 bytes from $CWD/a>"));
}

}  // namespace
}  // namespace golden
