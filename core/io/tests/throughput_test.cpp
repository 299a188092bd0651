// The recorder calls TraceWriter::event() once per syscall; serialisation must stay far
// below the ~40 us a ptrace stop costs (docs/trace-format.md "Performance"). Prints the
// measured rates; fails only far below the 300k events/s target, so that a busy shared
// machine does not make it flaky while a real regression (e.g. a JSON DOM per event)
// still does.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void measure(const std::string& path, const TraceFile& bulk, double* write_rate,
             double* read_rate) {
  const auto& events = bulk.runs[0].events;
  auto w = TraceWriter::open(path, bulk.header);
  ASSERT_TRUE(w.ok());
  auto start = Clock::now();
  w->begin_run(bulk.runs[0].run);
  for (const Event& e : events) w->event(e);
  w->end_run(bulk.runs[0].run);
  ASSERT_TRUE(w->commit().ok());
  double secs = seconds_since(start);
  *write_rate = static_cast<double>(events.size()) / secs;
  std::printf(
      "[ perf ] write %-9s %8zu events in %.3f s: %9.0f events/s, %6.1f MB/s text, %.1f "
      "bytes/event on disk\n",
      path.ends_with(".zst") ? "json.zst" : "json", events.size(), secs, *write_rate,
      static_cast<double>(w->text_bytes()) / secs / 1e6,
      static_cast<double>(w->bytes_written()) / static_cast<double>(events.size()));
  start = Clock::now();
  auto r = read_trace(path);
  secs = seconds_since(start);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->runs[0].events.size(), events.size());
  *read_rate = static_cast<double>(events.size()) / secs;
  std::printf("[ perf ] read  %-9s %8zu events in %.3f s: %9.0f events/s\n",
              path.ends_with(".zst") ? "json.zst" : "json", events.size(), secs, *read_rate);
}

TEST(IoThroughput, WriterKeepsUpWithTheRecorder) {
  std::string dir = io_test::scratch_dir("throughput");
  const TraceFile bulk = io_test::bulk_trace(200000);
  for (const char* name : {"/bulk.json", "/bulk.json.zst"}) {
    double write_rate = 0, read_rate = 0;
    measure(dir + name, bulk, &write_rate, &read_rate);
    EXPECT_GT(write_rate, 100000.0) << name;
    EXPECT_GT(read_rate, 20000.0) << name;
  }
}

}  // namespace
}  // namespace golden
