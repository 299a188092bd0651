// The writer's publication rules: PATH is only ever replaced by a complete file.
#include "golden/io/trace_writer.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include "golden/io/trace_reader.hpp"
#include "golden/test_support/files.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

void write_runs(TraceWriter& w, const TraceFile& f) {
  for (const Trace& t : f.runs) {
    w.begin_run(t.run);
    for (const Event& e : t.events) w.event(e);
    for (const Edge& e : t.edges) w.edge(e);
    for (const ProcessInfo& p : t.processes) w.process(p);
    w.end_run(t.run);
  }
}

TEST(IoTraceWriter, ExistingGoldenIsUntouchedUntilCommit) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  const std::string path = dir + "/golden.json.zst";
  test::write_file(path, "OLD GOLDEN");
  auto w = TraceWriter::open(path, io_test::sample_trace().header);
  ASSERT_TRUE(w.ok()) << w.error().to_string();
  EXPECT_EQ(w->partial_path(), path + ".partial");
  write_runs(*w, io_test::sample_trace());
  w->flush();
  EXPECT_EQ(test::read_file(path), "OLD GOLDEN");
  EXPECT_TRUE(test::file_exists(path + ".partial"));
  ASSERT_TRUE(w->commit().ok());
  EXPECT_FALSE(test::file_exists(path + ".partial"));
  auto back = read_trace(path);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  io_test::expect_same_trace(io_test::sample_trace(), *back);
  EXPECT_GT(w->text_bytes(), w->bytes_written()) << "zstd compresses";
}

TEST(IoTraceWriter, AbandonRemovesThePartialAndKeepsTheGolden) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  const std::string path = dir + "/golden.json";
  test::write_file(path, "OLD GOLDEN");
  auto w = TraceWriter::open(path, io_test::sample_trace().header);
  ASSERT_TRUE(w.ok());
  write_runs(*w, io_test::sample_trace());
  ASSERT_TRUE(w->abandon().ok());
  EXPECT_FALSE(test::file_exists(path + ".partial"));
  EXPECT_EQ(test::read_file(path), "OLD GOLDEN");
}

TEST(IoTraceWriter, DestructorWithoutCommitLeavesAReadablePartial) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  const std::string path = dir + "/cut.json.zst";
  {
    const TraceFile sample = io_test::sample_trace();
    auto w = TraceWriter::open(path, sample.header);
    ASSERT_TRUE(w.ok());
    const Trace& t = sample.runs[0];
    w->begin_run(t.run);
    for (std::size_t i = 0; i < 5; ++i) w->event(t.events[i]);
  }
  EXPECT_FALSE(test::file_exists(path));
  auto r = read_trace(path + ".partial");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_TRUE(r->truncated);
  EXPECT_EQ(r->runs[0].events.size(), 5u);
}

TEST(IoTraceWriter, MovedWriterKeepsWorking) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  auto opened = TraceWriter::open(dir + "/m.json", io_test::sample_trace().header);
  ASSERT_TRUE(opened.ok());
  TraceWriter w = std::move(opened.value());
  write_runs(w, io_test::sample_trace());
  ASSERT_TRUE(w.commit().ok());
  auto r = read_trace(dir + "/m.json");
  ASSERT_TRUE(r.ok());
  io_test::expect_same_trace(io_test::sample_trace(), *r);
}

TEST(IoTraceWriter, FlushIfDueWaitsForTheInterval) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  WriterOptions opts;
  opts.flush_interval = std::chrono::hours(1);
  auto w = TraceWriter::open(dir + "/d.json", io_test::sample_trace().header, opts);
  ASSERT_TRUE(w.ok());
  const std::uint64_t header_bytes = w->bytes_written();
  EXPECT_GT(header_bytes, 0u) << "the header is written at once";
  w->begin_run(io_test::sample_trace().runs[0].run);
  w->flush_if_due();
  EXPECT_EQ(w->bytes_written(), header_bytes);
  w->flush();
  EXPECT_GT(w->bytes_written(), header_bytes);
  ASSERT_TRUE(w->abandon().ok());
}

TEST(IoTraceWriter, OpenInAMissingDirectoryFails) {
  auto w = TraceWriter::open("/nonexistent/dir/t.json", TraceHeader{});
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().to_string(), "/nonexistent/dir/t.json.partial: No such file or directory");
  Status st = write_trace(io_test::sample_trace(), "/nonexistent/dir/t.json");
  ASSERT_FALSE(st.ok());
}

TEST(IoTraceWriter, WriteErrorFailsCommitAndKeepsTheGolden) {
  // A full disk, simulated with a file size limit in a child process.
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  const std::string path = dir + "/g.json";
  test::write_file(path, "OLD GOLDEN");
  const TraceFile bulk = io_test::bulk_trace(2000);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::signal(SIGXFSZ, SIG_IGN);  // get EFBIG from write() instead of dying
    rlimit lim{8192, 8192};
    setrlimit(RLIMIT_FSIZE, &lim);
    Status st = write_trace(bulk, path);
    bool ok = !st.ok() && st.error().message.find("File too large") != std::string::npos &&
              st.error().where == path + ".partial";
    _exit(ok ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "write_trace did not report EFBIG";
  EXPECT_EQ(test::read_file(path), "OLD GOLDEN");
  EXPECT_FALSE(test::file_exists(path + ".partial")) << "write_trace cleans up after itself";
}

}  // namespace
}  // namespace golden
