// Big files are decoded in batches on worker threads (ReadOptions::threads). Whatever the
// thread count, the result must be the same trace, the same counters and the same first
// error, in file order, as reading everything on the calling thread.
#include <gtest/gtest.h>

#include <future>
#include <string>
#include <vector>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/test_support/files.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

// Several MiB of records (many 512 KiB batches) of every type: the bulk events, with
// edges and process records between them, and unknown keys here and there.
std::string big_text() {
  TraceFile f = io_test::bulk_trace(20000);
  Trace& t = f.runs[0];
  for (Seq s = 3; s < t.events.size(); s += 7) t.edges.push_back(Edge{s - 3, s, EdgeKind::Data});
  for (int pid = 1000; pid < 1003; ++pid) {
    ProcessInfo p;
    p.pid = Pid{pid};
    p.execs.push_back(ExecRecord{0, "/bin/bench", {"bench", "-x"}, "/tmp"});
    p.threads = {Tid{pid}};
    p.exit_code = 0;
    t.processes.push_back(p);
  }
  t.run.counters["recorder.unknown_syscall"] = 2;
  std::string text = format_trace(f);
  // A newer writer's key on every 100th line.
  std::string out;
  std::size_t start = 0;
  for (int line = 1; start < text.size(); ++line) {
    std::size_t nl = text.find('\n', start);
    std::string_view l(text.data() + start, nl - start);
    if (line % 100 == 0 && l.starts_with("{\"type\":\"event\"")) {
      out += "{\"future\":{\"x\":[1,{\"y\":2}]},";
      out += l.substr(1);
    } else {
      out += l;
    }
    out += '\n';
    start = nl + 1;
  }
  return out;
}

Result<TraceFile> read_with(const std::string& text, unsigned threads) {
  ReadOptions o;
  o.threads = threads;
  return parse_trace(text, "big.json", o);
}

std::size_t line_start(const std::string& text, int line) {
  std::size_t pos = 0;
  for (int i = 1; i < line; ++i) pos = text.find('\n', pos) + 1;
  return pos;
}

TEST(IoParallelRead, SameTraceWhateverTheThreadCount) {
  const std::string text = big_text();
  ASSERT_GT(text.size(), 4u << 20);
  auto serial = read_with(text, 1);
  ASSERT_TRUE(serial.ok()) << serial.error().to_string();
  EXPECT_EQ(serial->counters.at("reader.unknown_field"), 200u);
  EXPECT_EQ(serial->runs[0].events.size(), 20000u);
  const std::string expected = format_trace(*serial);
  for (unsigned threads : {2u, 3u, 8u}) {
    SCOPED_TRACE(threads);
    auto par = read_with(text, threads);
    ASSERT_TRUE(par.ok()) << par.error().to_string();
    EXPECT_EQ(format_trace(*par), expected);
    EXPECT_EQ(par->counters, serial->counters);
    EXPECT_FALSE(par->truncated);
  }
}

TEST(IoParallelRead, CutFileGivesTheSameRecords) {
  const std::string text = big_text();
  for (std::size_t cut : {text.size() / 3, text.size() / 2 + 17, text.size() - 40}) {
    SCOPED_TRACE(cut);
    const std::string part = text.substr(0, cut);
    auto serial = read_with(part, 1);
    auto par = read_with(part, 4);
    ASSERT_TRUE(serial.ok()) << serial.error().to_string();
    ASSERT_TRUE(par.ok()) << par.error().to_string();
    EXPECT_TRUE(par->truncated);
    EXPECT_EQ(format_trace(*par), format_trace(*serial));
    EXPECT_EQ(par->counters, serial->counters);
  }
}

TEST(IoParallelRead, FirstErrorInFileOrderIsReported) {
  const std::string text = big_text();
  struct Damage {
    int line;
    std::string bad;  // replaces the line
  };
  struct Case {
    std::vector<Damage> damage;
    std::string where;
    std::string message;
  };
  const std::string bad_field = "{\"type\":\"event\",\"seq\":\"x\"},";
  const std::string no_comma = "{\"type\":\"edge\",\"from\":0,\"to\":1,\"kind\":\"data\"}";
  const Case cases[] = {
      // A decoding error, early, before a layout error found while splitting lines.
      {{{5000, bad_field}, {15000, no_comma}},
       "big.json:5000",
       "field 'seq': expected an unsigned integer, got string"},
      // The layout error alone, far beyond the first batches.
      {{{15000, no_comma}},
       "big.json:15000",
       "record line does not end with ',' (only the eof record ends with ']}')"},
      // A syntax error keeps its column; a later decoding error is not reported.
      {{{12000, "{\"type\"#\"event\"},"}, {16000, bad_field}}, "big.json:12000:8", ""},
      // An event out of order (found when assembling) after a bad field in a later batch.
      {{{9000, "{\"type\":\"event\",\"seq\":0,\"pid\":1,\"tid\":1,\"name\":\"x\",\"ret\":0},"},
        {19000, bad_field}},
       "big.json:9000",
       ""},
  };
  for (const Case& c : cases) {
    std::string bad = text;
    // Replace from the last line up, so earlier offsets stay valid.
    for (auto it = c.damage.rbegin(); it != c.damage.rend(); ++it) {
      std::size_t at = line_start(bad, it->line);
      bad.replace(at, bad.find('\n', at) - at, it->bad);
    }
    for (unsigned threads : {1u, 4u}) {
      SCOPED_TRACE(c.where + " threads " + std::to_string(threads));
      auto r = read_with(bad, threads);
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().where, c.where);
      if (!c.message.empty()) {
        EXPECT_EQ(r.error().message, c.message);
      }
    }
  }
}

std::string replace_line(std::string text, int line, const std::string& with) {
  std::size_t at = line_start(text, line);
  text.replace(at, text.find('\n', at) - at, with);
  return text;
}

TEST(IoParallelRead, OddButValidLinesInsideBatches) {
  // A batch is parsed in one go while each record is exactly its line; these lines make
  // the reader fall back to one line at a time, with the same result.
  const std::string text = big_text();
  auto plain = read_with(text, 1);
  ASSERT_TRUE(plain.ok());
  std::string odd = text;
  {
    // "type" last (goes through a DOM), leading blanks and a CR, an empty line.
    std::size_t at = line_start(odd, 7001);
    std::size_t end = odd.find('\n', at);
    std::string line = odd.substr(at, end - at);
    ASSERT_TRUE(line.starts_with("{\"type\":\"event\","));
    line = "  {" + line.substr(16, line.size() - 18) + ",\"type\":\"event\"},\r";
    odd.replace(at, end - at, line + "\n");
  }
  for (unsigned threads : {1u, 4u}) {
    SCOPED_TRACE(threads);
    auto r = read_with(odd, threads);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(format_trace(*r), format_trace(*plain));
  }
}

TEST(IoParallelRead, RecordsNotOnePerLineAreErrorsOfTheirLine) {
  const std::string text = big_text();
  std::size_t at = line_start(text, 5000);
  const std::string line = text.substr(at, text.find('\n', at) - at);  // ends with ","
  const std::string body = line.substr(0, line.size() - 1);
  const std::size_t cut = body.find(",\"ret\"");
  struct Case {
    std::string text;
    std::string where_prefix;
  };
  const Case cases[] = {
      // Two records on one line.
      {replace_line(text, 5000, body + "," + body + ","), "big.json:5000:"},
      // One record over two lines: the first half is a malformed record.
      {replace_line(text, 5000, body.substr(0, cut) + ",\n" + body.substr(cut + 1) + ","),
       "big.json:5000:"},
  };
  for (const Case& c : cases) {
    for (unsigned threads : {1u, 4u}) {
      SCOPED_TRACE(c.where_prefix + " threads " + std::to_string(threads));
      auto r = read_with(c.text, threads);
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().where.rfind(c.where_prefix, 0), 0u) << r.error().to_string();
      EXPECT_NE(r.error().message.find("malformed record"), std::string::npos);
    }
  }
}

TEST(IoParallelRead, TextAfterTheEndWaitsForEarlierErrors) {
  std::string text = big_text();
  text += "{\"type\":\"run\",\"run\":1},\n";
  auto ok_but_trailing = read_with(text, 4);
  ASSERT_FALSE(ok_but_trailing.ok());
  EXPECT_EQ(ok_but_trailing.error().message, "text after the end of the trace document");
  std::size_t at = line_start(text, 300);
  text.replace(at, text.find('\n', at) - at, "{\"type\":\"event\",\"seq\":\"x\"},");
  auto r = read_with(text, 4);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "big.json:300");
}

TEST(IoParallelRead, ConcurrentReadsShareTheWorkers) {
  // As golden compare does: several reads at once, each asking for worker threads.
  const std::string text = big_text();
  const std::string expected = format_trace(*read_with(text, 1));
  std::vector<std::future<std::string>> reads;
  for (int i = 0; i < 3; ++i)
    reads.push_back(std::async(std::launch::async, [&] {
      auto r = read_with(text, 4);
      return r.ok() ? format_trace(*r) : r.error().to_string();
    }));
  for (auto& f : reads) EXPECT_EQ(f.get(), expected);
}

TEST(IoParallelRead, ZstdFileOnWorkerThreads) {
  const std::string text = big_text();
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  test::write_file(dir + "/big.json.zst", io_test::zstd_compress(text));
  ReadOptions serial_opts;
  serial_opts.threads = 1;
  ReadOptions par_opts;
  par_opts.threads = 4;
  auto serial = read_trace(dir + "/big.json.zst", serial_opts);
  auto par = read_trace(dir + "/big.json.zst", par_opts);
  ASSERT_TRUE(serial.ok()) << serial.error().to_string();
  ASSERT_TRUE(par.ok()) << par.error().to_string();
  EXPECT_EQ(format_trace(*par), format_trace(*serial));
}

}  // namespace
}  // namespace golden
