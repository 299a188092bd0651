// The sink `golden capture` gives the recorder: it must tee the stream, remember the
// runs, and flush the writer while the tracee is idle, so that a capture killed with
// SIGKILL leaves every event it had received readable in FILE.partial.
#include "capture_sink.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/test_support/files.hpp"

namespace golden::cli {
namespace {

using golden::test::TempDir;

Event getpid_event(Seq seq) {
  Event e;
  e.seq = seq;
  e.name = "getpid";
  e.nr = 39;
  e.pid = Pid{42};
  e.tid = Tid{42};
  e.ret = 42;
  e.lamport = seq + 1;
  return e;
}

// Counts what reaches it, to check the tee.
class CountingSink : public TraceSink {
 public:
  void begin_run(const RunInfo&) override { ++runs; }
  void event(const Event&) override { ++events; }
  void process(const ProcessInfo&) override { ++processes; }
  void edge(const Edge&) override { ++edges; }
  void end_run(const RunInfo&) override { ++ended; }
  int runs = 0, events = 0, processes = 0, edges = 0, ended = 0;
};

TEST(CaptureSink, TeesTheStreamAndRemembersTheRunsFinalInfo) {
  TempDir dir;
  auto writer = TraceWriter::open(dir.file("t.json"), TraceHeader{});
  ASSERT_TRUE(writer.ok()) << writer.error().to_string();
  CountingSink other;
  CaptureSink sink(writer.value());
  sink.add(other);
  EXPECT_FALSE(sink.began_run());

  RunInfo run;
  run.command = {"true"};
  sink.begin_run(run);
  sink.event(getpid_event(0));
  sink.event(getpid_event(1));
  sink.edge(Edge{0, 1, EdgeKind::Data});
  ProcessInfo p;
  p.pid = Pid{42};
  p.exit_code = 0;
  sink.process(p);
  run.exit_status = 0;
  run.counters["lost_events"] = 2;
  sink.end_run(run);
  sink.stop_flusher();

  EXPECT_TRUE(sink.began_run());
  ASSERT_EQ(sink.runs().size(), 1u);
  EXPECT_EQ(sink.runs()[0].counters.at("lost_events"), 2u) << "end_run's counters are kept";
  EXPECT_EQ(other.runs, 1);
  EXPECT_EQ(other.events, 2);
  EXPECT_EQ(other.edges, 1);
  EXPECT_EQ(other.processes, 1);
  EXPECT_EQ(other.ended, 1);

  ASSERT_TRUE(writer->commit().ok());
  auto file = read_trace(dir.file("t.json"));
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  ASSERT_EQ(file->runs.size(), 1u);
  EXPECT_EQ(file->runs[0].events.size(), 2u);
  EXPECT_EQ(file->runs[0].edges.size(), 1u);
}

TEST(CaptureSink, FlushesAnIdleWriterSoAKillLosesNothing) {
  TempDir dir;
  const std::string path = dir.file("idle.json");
  WriterOptions options;
  options.flush_interval = std::chrono::milliseconds(10);
  options.flush_bytes = 1 << 20;  // far more than we write: only time can trigger a flush
  auto writer = TraceWriter::open(path, TraceHeader{}, options);
  ASSERT_TRUE(writer.ok()) << writer.error().to_string();
  CaptureSink sink(writer.value());
  sink.begin_run(RunInfo{});
  sink.event(getpid_event(0));
  sink.event(getpid_event(1));
  // The "tracee" now sleeps: no more records arrive to trigger the writer's own
  // flush. The flusher thread must push the buffered events out.
  const std::string partial = writer->partial_path();
  bool readable = false;
  for (int i = 0; i < 200 && !readable; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    auto file = read_trace(partial);
    readable = file.ok() && file->runs.size() == 1 && file->runs[0].events.size() == 2;
  }
  EXPECT_TRUE(readable) << "the events never reached " << partial;
  sink.stop_flusher();
  ASSERT_TRUE(writer->abandon().ok());
  EXPECT_FALSE(std::filesystem::exists(partial));
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace golden::cli
