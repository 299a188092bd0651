// A capture can be killed at any moment; a golden file can be cut by a full disk. The
// reader must return every record that made it, whole, and say the trace is truncated.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/test_support/files.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

std::size_t total_events(const TraceFile& f) {
  std::size_t n = 0;
  for (const Trace& t : f.runs) n += t.events.size();
  return n;
}

// Offsets (one past the closing brace) at which each record line's object is complete.
struct RecordEnd {
  std::size_t complete_at;
  bool is_event;
};

std::vector<RecordEnd> record_ends(const std::string& text) {
  std::vector<RecordEnd> out;
  std::size_t start = text.find('\n') + 1;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view line(text.data() + start, nl - start);
    std::size_t close = line.ends_with("]}") ? line.size() - 2 : line.size() - 1;
    out.push_back({start + close, line.starts_with("{\"type\":\"event\"")});
    start = nl + 1;
  }
  return out;
}

TEST(IoTruncation, EveryByteBoundaryOfAPlainFile) {
  const TraceFile original = io_test::sample_trace();
  const std::string text = format_trace(original);
  const std::size_t header_len = text.find('\n');
  const auto ends = record_ends(text);
  std::size_t checked = 0;
  for (std::size_t n = 0; n <= text.size(); ++n) {
    SCOPED_TRACE("cut at byte " + std::to_string(n) + " of " + std::to_string(text.size()));
    auto r = parse_trace(std::string_view(text).substr(0, n), "cut.json");
    if (n < header_len) {
      // Not even the header: nothing can be said about the file except that.
      ASSERT_FALSE(r.ok());
      EXPECT_TRUE(r.error().message.find("truncated") != std::string::npos ||
                  r.error().message.find("empty") != std::string::npos)
          << r.error().to_string();
      continue;
    }
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    std::size_t complete_events = 0;
    for (const RecordEnd& e : ends) complete_events += e.is_event && n >= e.complete_at;
    EXPECT_EQ(total_events(*r), complete_events);
    // Every event read is exactly the one written.
    for (std::size_t run = 0; run < r->runs.size(); ++run) {
      const Trace& got = r->runs[run];
      for (std::size_t i = 0; i < got.events.size(); ++i) {
        ASSERT_EQ(got.events[i].args, original.runs[run].events[i].args);
        ASSERT_EQ(got.events[i].lamport, original.runs[run].events[i].lamport);
      }
      // In a run cut short, every process seen in the events has a record, real or
      // rebuilt. (A complete run's records are authoritative: run 1 has none.)
      const bool run_cut =
          run + 1 == r->runs.size() && r->counters.count("reader.run_unfinished") != 0;
      if (run_cut) {
        for (const Event& e : got.events) EXPECT_NE(got.process(e.pid), nullptr) << e.pid.value;
      }
    }
    // The eof record marks a complete trace, even if the closing "]}" did not make it.
    const bool complete = n >= text.size() - 3;
    EXPECT_EQ(r->truncated, !complete);
    EXPECT_EQ(r->counters.count("reader.truncated"), complete ? 0u : 1u);
    ++checked;
  }
  EXPECT_GT(checked, text.size() / 2);
}

TEST(IoTruncation, CutLastLineIsDroppedAndCounted) {
  auto r = read_trace(io_test::fixture("truncated.json"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_TRUE(r->truncated);
  EXPECT_EQ(r->counters.at("reader.partial_record_dropped"), 1u);
  EXPECT_EQ(r->counters.at("reader.run_unfinished"), 1u);
  ASSERT_EQ(r->runs.size(), 1u);
  const Trace& t = r->runs[0];
  EXPECT_EQ(t.events.size(), 6u);
  // No process record made it; both processes are rebuilt from their events.
  EXPECT_EQ(r->counters.at("reader.process_rebuilt"), 2u);
  ASSERT_NE(t.process(Pid{100}), nullptr);
  EXPECT_EQ(t.process(Pid{100})->threads, std::vector<Tid>{Tid{100}});
  EXPECT_EQ(t.process(Pid{101})->start, Nanos{360000});
  EXPECT_EQ(r->runs[0].run.exit_status, std::nullopt);
}

TEST(IoTruncation, EveryByteBoundaryOfAFlushedZstdFile) {
  // A writer that flushed often: each flush ends a zstd block, so a cut file still
  // decompresses up to its last complete block.
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  const TraceFile original = io_test::sample_trace();
  WriterOptions opts;
  opts.flush_bytes = 512;
  ASSERT_TRUE(write_trace(original, dir + "/t.json.zst", opts).ok());
  const std::string bytes = test::read_file(dir + "/t.json.zst");
  std::size_t last_count = 0;
  bool saw_partial = false;
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    SCOPED_TRACE("cut at byte " + std::to_string(n));
    auto r = parse_trace(std::string_view(bytes).substr(0, n), "cut.json.zst");
    if (!r.ok()) {
      EXPECT_EQ(last_count, 0u) << "an error after events were readable: " << r.error().to_string();
      continue;
    }
    std::size_t count = total_events(*r);
    EXPECT_GE(count, last_count);
    last_count = count;
    saw_partial |= count > 0 && count < total_events(original);
    EXPECT_EQ(r->truncated, n != bytes.size());
    if (n != bytes.size()) {
      EXPECT_EQ(r->counters.count("reader.zstd_truncated"), 1u);
    }
  }
  EXPECT_TRUE(saw_partial);
  EXPECT_EQ(last_count, total_events(original));
}

TEST(IoTruncation, TruncatedZstdFixture) {
  auto r = read_trace(io_test::fixture("truncated.json.zst"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_TRUE(r->truncated);
  EXPECT_EQ(r->counters.at("reader.zstd_truncated"), 1u);
  ASSERT_FALSE(r->runs.empty());
  EXPECT_GT(r->runs[0].events.size(), 0u);
}

// SIGKILL, as a killed capture gets: no destructor runs, nothing more is flushed.
[[noreturn]] void die() {
  kill(getpid(), SIGKILL);
  _exit(99);  // not reached
}

// Runs `body` in a child process; `body` ends by calling die() while its writer is live.
void run_and_kill(const std::function<void()>& body) {
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    body();
    _exit(98);  // body did not die(): the parent's status check fails
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child status " << status;
}

TEST(IoTruncation, KilledWriterKeepsEverythingFlushed) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  const TraceFile bulk = io_test::bulk_trace(1001);
  for (const char* name : {"/k.json", "/k.json.zst"}) {
    SCOPED_TRACE(name);
    const std::string path = dir + name;
    run_and_kill([&] {
      WriterOptions opts;
      opts.flush_interval = std::chrono::hours(1);  // only explicit flushes
      auto w = TraceWriter::open(path, bulk.header, opts);
      if (!w) _exit(1);
      w->begin_run(bulk.runs[0].run);
      for (std::size_t i = 0; i < 1000; ++i) w->event(bulk.runs[0].events[i]);
      w->flush();                           // what the recorder does when it is told to stop
      w->event(bulk.runs[0].events[1000]);  // buffered, never flushed: lost with the process
      die();
    });
    EXPECT_FALSE(test::file_exists(path)) << "a killed capture must not publish the file";
    auto r = read_trace(path + ".partial");
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_TRUE(r->truncated);
    ASSERT_EQ(r->runs.size(), 1u);
    EXPECT_EQ(r->runs[0].events.size(), 1000u);
  }
}

TEST(IoTruncation, KilledWriterKeepsRecordsOlderThanTheFlushInterval) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  const TraceFile bulk = io_test::bulk_trace(102);
  const std::string path = dir + "/i.json.zst";
  run_and_kill([&] {
    WriterOptions opts;
    opts.flush_interval = std::chrono::milliseconds(10);
    auto w = TraceWriter::open(path, bulk.header, opts);
    if (!w) _exit(1);
    w->begin_run(bulk.runs[0].run);
    for (std::size_t i = 0; i < 100; ++i) w->event(bulk.runs[0].events[i]);
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    w->event(bulk.runs[0].events[100]);  // 10 ms have passed: this record flushes all
    w->event(bulk.runs[0].events[101]);  // buffered again (lost, unless the machine stalls 10 ms)
    die();
  });
  auto r = read_trace(path + ".partial");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(r->runs.size(), 1u);
  EXPECT_GE(r->runs[0].events.size(), 101u);
}

TEST(IoTruncation, KilledWriterFlushesEvery64KiB) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  const TraceFile bulk = io_test::bulk_trace(4000);
  const std::string path = dir + "/b.json";
  run_and_kill([&] {
    WriterOptions opts;
    opts.flush_interval = std::chrono::hours(1);
    auto w = TraceWriter::open(path, bulk.header, opts);
    if (!w) _exit(1);
    w->begin_run(bulk.runs[0].run);
    for (const Event& e : bulk.runs[0].events) w->event(e);
    die();
  });
  const std::string text = test::read_file(path + ".partial");
  const std::string all = format_trace(bulk);
  // Flushes happen as soon as 64 KiB are pending, so at most ~64 KiB + one record is lost.
  EXPECT_GE(text.size() + 64 * 1024 + 1024, all.size() - 20);
  EXPECT_EQ(all.compare(0, text.size(), text), 0) << "the file is a prefix of the full output";
  auto r = read_trace(path + ".partial");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_GT(r->runs[0].events.size(), 2000u);
}

}  // namespace
}  // namespace golden
