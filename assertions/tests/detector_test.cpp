// Each detector on hand-built traces: it fires on a clear case (with where, how many and
// why), stays quiet on the clean program next to it, and says "not applicable" when the
// trace cannot show the pattern.
#include <fcntl.h>
#include <gtest/gtest.h>

#include <cerrno>

#include "check_helpers.hpp"
#include "golden/assertions/detectors.hpp"

namespace golden::test {
namespace {

DetectorResult run(std::string_view pattern, const Trace& t, DetectorOptions options = {}) {
  const Detector* d = find_detector(pattern);
  EXPECT_NE(d, nullptr) << pattern;
  auto r = d->detect(t, 0, options);
  EXPECT_TRUE(r) << r.error().to_string();
  return r ? *r : DetectorResult{};
}

double best(const DetectorResult& r) {
  return r.findings.empty() ? 0.0 : r.findings.front().confidence;
}

Nanos us(long n) {
  return std::chrono::microseconds(n);
}

TEST(Detectors, RegistryKnowsTheSevenPatterns) {
  EXPECT_EQ(detector_names().size(), 7u);
  for (auto n : {"TightLoop", "GodProcess", "PcieBottleneck", "UnbufferedIO", "RedundantIO",
                 "RetryStorm", "BlockingMainThread"})
    EXPECT_NE(find_detector(n), nullptr) << n;
  EXPECT_EQ(find_detector("tightloop"), nullptr);
}

// ---- TightLoop ------------------------------------------------------------------------

TEST(TightLoop, FiresOnThousandsOfEagainReads) {
  NumberedTraceBuilder m;
  m.process(3, 0, "poller", 0ms, 100ms);
  m.call(3, 3, "pipe2", 0ms, us(5), {}, 0);
  for (int i = 0; i < 3000; ++i) {
    m.fail(3, 3, "read", us(10 + 3 * i), us(1), EAGAIN,
           {fd_arg("fd", 3, "pipe:[77]"), int_arg("count", 64)});
    if (i % 10 == 0) m.call(3, 3, "clock_gettime", us(11 + 3 * i), us(1));
  }
  m.call(3, 3, "read", us(9100), us(5), {fd_arg("fd", 3, "pipe:[77]"), int_arg("count", 64)}, 5);
  const DetectorResult r = run("TightLoop", m.build());
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_NEAR(f.confidence, 3000.0 / 3200.0, 1e-9);
  EXPECT_EQ(f.count, 3000u);
  EXPECT_EQ(f.fd, "3 (pipe:[77])");
  EXPECT_EQ(f.first_seq, 1u);
  EXPECT_NE(f.summary.find("read on fd 3 (pipe:[77]) failed with EAGAIN 3000 times"),
            std::string::npos)
      << f.summary;
  EXPECT_NE(f.where.find("pid 3 (poller)"), std::string::npos) << f.where;
  EXPECT_FALSE(f.why.empty());
}

TEST(TightLoop, FiresOnZeroTimeoutPollsAndWnohang) {
  NumberedTraceBuilder m;
  m.process(4, 0, "spin", 0ms, 100ms);
  for (int i = 0; i < 1500; ++i) {
    m.call(
        4, 4, "poll", us(2 * i), us(1),
        {struct_arg("fds", "[{fd=5, events=POLLIN}]"), int_arg("nfds", 1), int_arg("timeout", 0)},
        0);
    m.call(4, 4, "wait4", us(2 * i + 1), us(1),
           {int_arg("pid", -1), struct_arg("wstatus", "NULL"), flags_arg("options", 1, "WNOHANG")},
           0);
  }
  const DetectorResult r = run("TightLoop", m.build());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_GT(r.findings[0].confidence, 0.9);
  EXPECT_NE(r.findings[0].summary.find("poll with a zero timeout returned 0 1500 times"),
            std::string::npos)
      << r.findings[0].summary;
}

TEST(TightLoop, QuietOnBlockingWaitsAndADrainedSocket) {
  NumberedTraceBuilder m;
  m.process(5, 0, "server", 0ms, 10s);
  for (int i = 0; i < 1000; ++i) {
    // An event loop: poll blocks up to a second, then data is read until EAGAIN.
    m.call(5, 5, "poll", std::chrono::milliseconds(10 * i), 5ms,
           {struct_arg("fds", "[...]"), int_arg("nfds", 1), int_arg("timeout", 1000)}, i % 2);
    m.call(5, 5, "read", std::chrono::milliseconds(10 * i + 6), us(5),
           {fd_arg("fd", 6, "socket:[9]"), int_arg("count", 4096)}, 512);
    m.fail(5, 5, "read", std::chrono::milliseconds(10 * i + 7), us(5), EAGAIN,
           {fd_arg("fd", 6, "socket:[9]"), int_arg("count", 4096)});
  }
  const DetectorResult r = run("TightLoop", m.build());
  EXPECT_LT(best(r), 0.05);
}

// ---- GodProcess -----------------------------------------------------------------------

// A parent that starts `children` workers; the parent computes `parent_cpu` itself and
// each child `child_cpu`, all children running concurrently.
Trace fan_out(int children, Nanos parent_cpu, Nanos child_cpu) {
  NumberedTraceBuilder m;
  m.process(100, 0, "driver", 0ms, 2000ms).cpu(parent_cpu, 1ms);
  std::vector<Seq> exits;
  Nanos t = 1ms;
  std::vector<Seq> clones;
  for (int c = 0; c < children; ++c)
    clones.push_back(
        m.call(100, 100, "clone", t + std::chrono::milliseconds(c), us(50), {}, 101 + c).seq);
  for (int c = 0; c < children; ++c) {
    const int pid = 101 + c;
    const Nanos start = t + std::chrono::milliseconds(c) + us(60);
    m.process(pid, 100, "", start, start + child_cpu + 1ms).cpu(child_cpu, 1ms);
    const Seq first = m.call(pid, pid, "getpid", start + us(10), us(1), {}, pid).seq;
    m.edge(clones[c], first, EdgeKind::Spawn);
    exits.push_back(m.call(pid, pid, "exit_group", start + child_cpu, us(5)).seq);
  }
  // The parent's own work is user time until its first wait.
  Nanos waits_at =
      std::max(t + parent_cpu, t + child_cpu + std::chrono::milliseconds(children + 2));
  for (int c = 0; c < children; ++c) {
    const Seq w = m.call(100, 100, "wait4", waits_at, us(20), {int_arg("pid", -1)}, 101 + c).seq;
    m.edge(exits[c], w, EdgeKind::Reap);
    waits_at += us(30);
  }
  return m.wall(waits_at + 1ms).build();
}

TEST(GodProcess, FiresWhenTheParentDoesEverything) {
  const DetectorResult r = run("GodProcess", fan_out(3, 900ms, 2ms));
  ASSERT_TRUE(r.applicable);
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_GT(f.confidence, 0.9) << f.summary;
  EXPECT_EQ(f.pid, Pid{100});
  EXPECT_NE(f.summary.find("pid 100 (driver) holds"), std::string::npos) << f.summary;
  EXPECT_NE(f.summary.find("4 processes"), std::string::npos) << f.summary;
}

TEST(GodProcess, QuietOnABalancedParallelRun) {
  // The critical path runs through one worker, but that worker did a quarter of the work.
  const DetectorResult r = run("GodProcess", fan_out(4, 1ms, 300ms));
  ASSERT_TRUE(r.applicable);
  EXPECT_LT(best(r), 0.1) << (r.findings.empty() ? "" : r.findings[0].summary);
}

TEST(GodProcess, NotApplicableToOneProcess) {
  NumberedTraceBuilder m;
  m.process(1, 0, "solo", 0ms, 10ms).call(1, 1, "write", 0ms, 1ms);
  const DetectorResult r = run("GodProcess", m.build());
  EXPECT_FALSE(r.applicable);
  EXPECT_NE(r.not_applicable_reason.find("single-process"), std::string::npos);
}

// ---- PcieBottleneck -------------------------------------------------------------------

TEST(PcieBottleneck, FiresWhenTransfersDominate) {
  NumberedTraceBuilder m;
  m.process(9, 0, "gpu_app", 0ms, 100ms);
  m.span_open(9, 9, "h2d_copy", 0ms);
  m.span_close(9, 9, "h2d_copy", 40ms);
  m.span_open(9, 9, "kernel_matmul", 40ms);
  m.span_close(9, 9, "kernel_matmul", 50ms);
  m.span_open(9, 9, "d2h_copy", 50ms);
  m.span_close(9, 9, "d2h_copy", 90ms);
  const DetectorResult r = run("PcieBottleneck", m.build());
  ASSERT_TRUE(r.applicable);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_NEAR(r.findings[0].confidence, ((80.0 / 90.0) - 0.5) / 0.4, 1e-9);
  EXPECT_NE(r.findings[0].summary.find("2 transfer span(s)"), std::string::npos)
      << r.findings[0].summary;
}

TEST(PcieBottleneck, QuietWhenCopiesHideBehindKernels) {
  NumberedTraceBuilder m;
  m.process(9, 0, "gpu_app", 0ms, 100ms);
  m.span_open(9, 9, "kernel_step", 0ms);
  m.span_open(9, 10, "upload", 10ms);  // a copy stream beside the compute stream
  m.span_close(9, 10, "upload", 30ms);
  m.span_open(9, 10, "download", 50ms);
  m.span_close(9, 10, "download", 70ms);
  m.span_close(9, 9, "kernel_step", 100ms);
  const DetectorResult r = run("PcieBottleneck", m.build());
  ASSERT_TRUE(r.applicable);
  EXPECT_DOUBLE_EQ(best(r), 0.0);
}

TEST(PcieBottleneck, NotApplicableWithoutTransferSpansAndCustomNames) {
  NumberedTraceBuilder m;
  m.process(9, 0, "app", 0ms, 100ms);
  m.span_open(9, 9, "parse", 0ms);
  m.span_close(9, 9, "parse", 50ms);
  const Trace t = m.build();
  const DetectorResult r = run("PcieBottleneck", t);
  EXPECT_FALSE(r.applicable);
  EXPECT_NE(r.not_applicable_reason.find("no user span"), std::string::npos);
  const DetectorResult custom = run("PcieBottleneck", t, {.transfer_pattern = "^parse$"});
  ASSERT_TRUE(custom.applicable);
  EXPECT_DOUBLE_EQ(best(custom), 1.0);
}

// ---- UnbufferedIO ---------------------------------------------------------------------

TEST(UnbufferedIO, FiresOnByteByByteWrites) {
  NumberedTraceBuilder m;
  m.process(2, 0, "writer", 0ms, 100ms);
  m.call(2, 2, "openat", 0ms, us(5), {path_arg("pathname", "/tmp/out.txt")}, 3);
  for (int i = 0; i < 1000; ++i)
    m.call(2, 2, "write", us(10 + 2 * i), us(1),
           {fd_arg("fd", 3, "/tmp/out.txt"), int_arg("count", 1)}, 1);
  const DetectorResult r = run("UnbufferedIO", m.build());
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_NEAR(f.confidence, 1000.0 / 1200.0, 1e-9);
  EXPECT_EQ(f.fd, "3 (/tmp/out.txt)");
  EXPECT_NE(f.summary.find("1000 tiny writes of 1.0 bytes on average"), std::string::npos)
      << f.summary;
}

TEST(UnbufferedIO, QuietOnLinesBigReadsAndEventfds) {
  NumberedTraceBuilder m;
  m.process(2, 0, "cli", 0ms, 100ms);
  for (int i = 0; i < 20; ++i)
    m.call(2, 2, "write", us(10 * i), us(1), {fd_arg("fd", 1, "/dev/pts/0"), int_arg("count", 40)},
           40);
  for (int i = 0; i < 500; ++i)  // asked for 4 KiB, the pipe had a little
    m.call(2, 2, "read", us(500 + i), us(1), {fd_arg("fd", 0, "pipe:[5]"), int_arg("count", 4096)},
           10);
  for (int i = 0; i < 1000; ++i)
    m.call(2, 2, "write", us(2000 + i), us(1),
           {fd_arg("fd", 7, "anon_inode:[eventfd]"), int_arg("count", 8)}, 8);
  const DetectorResult r = run("UnbufferedIO", m.build());
  EXPECT_LT(best(r), 0.1);
}

// ---- RedundantIO ----------------------------------------------------------------------

TEST(RedundantIO, FiresOnTheSameConfigStatedAHundredTimes) {
  NumberedTraceBuilder m;
  m.process(6, 0, "app", 0ms, 100ms);
  for (int i = 0; i < 100; ++i) {
    m.call(6, 6, "newfstatat", us(10 * i), us(2),
           {fd_arg("dirfd", -100), path_arg("pathname", "/etc/app.conf")});
    if (i % 4 == 0)
      m.call(6, 6, "openat", us(10 * i + 5), us(2),
             {fd_arg("dirfd", -100), path_arg("pathname", "/etc/app.conf"),
              flags_arg("flags", O_RDONLY, "O_RDONLY")},
             3);
  }
  const DetectorResult r = run("RedundantIO", m.build());
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_NEAR(f.confidence, 123.0 / 153.0, 1e-9);
  EXPECT_EQ(f.path, "/etc/app.conf");
  EXPECT_NE(f.summary.find("125 times"), std::string::npos) << f.summary;
}

TEST(RedundantIO, QuietWhenThePathChangesInBetween) {
  NumberedTraceBuilder m;
  m.process(6, 0, "editor", 0ms, 100ms);
  for (int i = 0; i < 50; ++i) {
    m.call(6, 6, "openat", us(10 * i), us(2),
           {fd_arg("dirfd", -100), path_arg("pathname", "/tmp/doc.txt"),
            flags_arg("flags", O_RDONLY, "O_RDONLY")},
           3);
    m.call(6, 6, "openat", us(10 * i + 3), us(2),
           {fd_arg("dirfd", -100), path_arg("pathname", "/tmp/doc.txt"),
            flags_arg("flags", O_WRONLY | O_TRUNC, "O_WRONLY|O_TRUNC")},
           4);
    m.call(6, 6, "write", us(10 * i + 6), us(2),
           {fd_arg("fd", 4, "/tmp/doc.txt"), int_arg("count", 10)}, 10);
  }
  m.call(6, 6, "openat", us(900), us(2),
         {fd_arg("dirfd", -100), path_arg("pathname", "/etc/passwd"),
          flags_arg("flags", O_RDONLY, "O_RDONLY")},
         3);
  m.call(6, 6, "openat", us(910), us(2),
         {fd_arg("dirfd", -100), path_arg("pathname", "/etc/passwd"),
          flags_arg("flags", O_RDONLY, "O_RDONLY")},
         3);
  const DetectorResult r = run("RedundantIO", m.build());
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().summary;
}

// ---- RetryStorm -----------------------------------------------------------------------

TEST(RetryStorm, FiresOnAnEnoentStorm) {
  NumberedTraceBuilder m;
  m.process(8, 0, "waiter", 0ms, 1000ms);
  for (int i = 0; i < 100; ++i)
    m.fail(8, 8, "openat", std::chrono::milliseconds(i), us(3), ENOENT,
           {fd_arg("dirfd", -100), path_arg("pathname", "/run/app.lock")});
  const DetectorResult r = run("RetryStorm", m.build());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_NEAR(r.findings[0].confidence, 99.0 / 119.0, 1e-9);
  EXPECT_NE(
      r.findings[0].summary.find("openat /run/app.lock failed with ENOENT 100 times in a row"),
      std::string::npos)
      << r.findings[0].summary;
}

TEST(RetryStorm, FiresAcrossRespawnedProcesses) {
  NumberedTraceBuilder m;
  m.process(1, 0, "sh", 0ms, 1000ms);
  for (int i = 0; i < 50; ++i) {
    m.process(10 + i, 1, "cat", std::chrono::milliseconds(i),
              std::chrono::milliseconds(i) + us(900));
    m.fail(10 + i, 10 + i, "openat", std::chrono::milliseconds(i) + us(100), us(3), ENOENT,
           {fd_arg("dirfd", -100), path_arg("pathname", "/missing")});
  }
  const DetectorResult r = run("RetryStorm", m.build());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_NEAR(r.findings[0].confidence, 49.0 / 69.0, 1e-9);
  EXPECT_NE(r.findings[0].summary.find("across 50 'cat' processes"), std::string::npos)
      << r.findings[0].summary;
}

TEST(RetryStorm, QuietOnLibraryProbingAndRetriesThatSucceed) {
  NumberedTraceBuilder m;
  m.process(8, 0, "app", 0ms, 1000ms);
  for (int i = 0; i < 20; ++i)  // the loader probing its search path: each path once
    m.fail(
        8, 8, "openat", us(10 * i), us(3), ENOENT,
        {fd_arg("dirfd", -100), path_arg("pathname", "/lib/dir" + std::to_string(i) + "/libx.so")});
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 4; ++i)
      m.fail(8, 8, "connect", std::chrono::milliseconds(100 * round + i), us(3), ECONNREFUSED,
             {fd_arg("sockfd", 3), sockaddr_arg("addr", "127.0.0.1:8080")});
    m.call(8, 8, "connect", std::chrono::milliseconds(100 * round + 5), us(3),
           {fd_arg("sockfd", 3), sockaddr_arg("addr", "127.0.0.1:8080")});
  }
  for (int i = 0; i < 500; ++i)  // EAGAIN is TightLoop's business
    m.fail(8, 8, "read", std::chrono::milliseconds(500) + us(i), us(1), EAGAIN,
           {fd_arg("fd", 4, "pipe:[1]")});
  const DetectorResult r = run("RetryStorm", m.build());
  EXPECT_LT(best(r), 0.2);
}

// ---- BlockingMainThread -------------------------------------------------------------

TEST(BlockingMainThread, FiresOnALongReadWhileAWorkerRuns) {
  NumberedTraceBuilder m;
  m.process(20, 0, "gui", 0ms, 1000ms);
  m.call(20, 20, "clone3", 1ms, us(50), {}, 21);
  m.call(20, 21, "getpid", 2ms, us(1), {}, 20);
  m.call(20, 20, "read", 10ms, 900ms, {fd_arg("fd", 0, "/dev/pts/1"), int_arg("count", 1024)}, 5);
  m.call(20, 21, "write", 990ms, us(5), {fd_arg("fd", 1), int_arg("count", 3)}, 3);
  const DetectorResult r = run("BlockingMainThread", m.build());
  ASSERT_TRUE(r.applicable);
  ASSERT_FALSE(r.findings.empty());
  const Finding& f = r.findings[0];
  EXPECT_NEAR(f.confidence, 900.0 / 950.0, 1e-9);
  EXPECT_EQ(f.tid, Tid{20});
  EXPECT_NE(f.summary.find("blocked 900 ms in read on fd 0 (/dev/pts/1)"), std::string::npos)
      << f.summary;
  EXPECT_NE(f.summary.find("1 other thread(s)"), std::string::npos) << f.summary;
}

TEST(BlockingMainThread, QuietWhenTheMainThreadWaitsForItsOwnWorkers) {
  NumberedTraceBuilder m;
  m.process(20, 0, "pool", 0ms, 1000ms);
  m.call(20, 20, "clone3", 1ms, us(50), {}, 21);
  m.call(20, 21, "getpid", 2ms, us(1), {}, 20);
  m.call(20, 21, "write", 400ms, us(5), {fd_arg("fd", 4, "pipe:[3]"), int_arg("count", 8)}, 8);
  const Seq rd =
      m.call(20, 20, "read", 10ms, 391ms, {fd_arg("fd", 3, "pipe:[3]"), int_arg("count", 8)}, 8)
          .seq;
  m.edge(rd - 1, rd, EdgeKind::Data);                               // the worker's result wakes it
  m.call(20, 20, "futex", 402ms, 590ms, {int_arg("futex_op", 0)});  // pthread_join
  m.call(20, 21, "exit", 990ms, us(2));
  const DetectorResult r = run("BlockingMainThread", m.build());
  ASSERT_TRUE(r.applicable);
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().summary;
}

TEST(BlockingMainThread, NotApplicableToASingleThread) {
  NumberedTraceBuilder m;
  m.process(1, 0, "sleep", 0ms, 1000ms).call(1, 1, "clock_nanosleep", 0ms, 1000ms);
  const DetectorResult r = run("BlockingMainThread", m.build());
  EXPECT_FALSE(r.applicable);
}

// ---- process_name_pattern -------------------------------------------------------------

TEST(Detectors, ProcessNamePatternNarrowsTheSearch) {
  NumberedTraceBuilder m;
  m.process(8, 0, "noisy", 0ms, 1000ms);
  m.process(9, 0, "quiet", 0ms, 1000ms);
  for (int i = 0; i < 100; ++i)
    m.fail(8, 8, "openat", std::chrono::milliseconds(i), us(3), ENOENT,
           {path_arg("pathname", "/x")});
  const Trace t = m.build();
  EXPECT_GT(best(run("RetryStorm", t, {.process_name_pattern = "noi"})), 0.8);
  EXPECT_TRUE(run("RetryStorm", t, {.process_name_pattern = "^quiet$"}).findings.empty());
}

}  // namespace
}  // namespace golden::test
