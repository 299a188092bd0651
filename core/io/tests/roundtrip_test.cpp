// Writing then reading gives back exactly what was written, in every container form.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/model/arg_text.hpp"
#include "golden/test_support/files.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

using io_test::expect_same_trace;
using io_test::sample_trace;

bool has_zstd_magic(const std::string& bytes) {
  return bytes.size() >= 4 && bytes.compare(0, 4, "\x28\xb5\x2f\xfd") == 0;
}

TEST(IoRoundTrip, PlainJsonFileGivesBackEveryField) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  TraceFile original = sample_trace();
  ASSERT_TRUE(write_trace(original, dir + "/t.json").ok());
  EXPECT_FALSE(has_zstd_magic(test::read_file(dir + "/t.json")));
  auto back = read_trace(dir + "/t.json");
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  expect_same_trace(original, *back);
  EXPECT_FALSE(back->truncated);
  EXPECT_TRUE(back->counters.empty());
}

TEST(IoRoundTrip, ZstdFileGivesBackEveryField) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  TraceFile original = sample_trace();
  ASSERT_TRUE(write_trace(original, dir + "/t.json.zst").ok());
  EXPECT_TRUE(has_zstd_magic(test::read_file(dir + "/t.json.zst")));
  auto back = read_trace(dir + "/t.json.zst");
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  expect_same_trace(original, *back);
  EXPECT_FALSE(back->truncated);
  EXPECT_TRUE(back->counters.empty());
}

TEST(IoRoundTrip, CompressionIsDetectedByMagicNotByName) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  WriterOptions zstd;
  zstd.compression = Compression::Zstd;
  ASSERT_TRUE(write_trace(sample_trace(), dir + "/compressed.json", zstd).ok());
  EXPECT_TRUE(has_zstd_magic(test::read_file(dir + "/compressed.json")));
  WriterOptions plain;
  plain.compression = Compression::None;
  ASSERT_TRUE(write_trace(sample_trace(), dir + "/plain.json.zst", plain).ok());
  EXPECT_FALSE(has_zstd_magic(test::read_file(dir + "/plain.json.zst")));
  for (const char* name : {"/compressed.json", "/plain.json.zst"}) {
    auto back = read_trace(dir + name);
    ASSERT_TRUE(back.ok()) << back.error().to_string();
    expect_same_trace(sample_trace(), *back);
  }
}

TEST(IoRoundTrip, StreamedRecordsInCaptureOrderReadBack) {
  // The recorder interleaves records: processes when they end, edges after both events.
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  TraceFile original = sample_trace();
  {
    auto w = TraceWriter::open(dir + "/s.json.zst", original.header);
    ASSERT_TRUE(w.ok()) << w.error().to_string();
    for (const Trace& t : original.runs) {
      w->begin_run(t.run);
      std::size_t next_edge = 0, next_proc = 0;
      for (const Event& e : t.events) {
        w->event(e);
        while (next_edge < t.edges.size() &&
               std::max(t.edges[next_edge].from, t.edges[next_edge].to) <= e.seq)
          w->edge(t.edges[next_edge++]);
        if (next_proc < t.processes.size() && e.kind == EventKind::Exit)
          w->process(t.processes[next_proc++]);
      }
      while (next_edge < t.edges.size()) w->edge(t.edges[next_edge++]);
      while (next_proc < t.processes.size()) w->process(t.processes[next_proc++]);
      w->end_run(t.run);
    }
    ASSERT_TRUE(w->commit().ok());
  }
  auto back = read_trace(dir + "/s.json.zst");
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  expect_same_trace(original, *back);
}

TEST(IoRoundTrip, OutputIsByteForByteDeterministic) {
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  EXPECT_EQ(format_trace(sample_trace()), format_trace(sample_trace()));
  for (const char* ext : {".json", ".json.zst"}) {
    ASSERT_TRUE(write_trace(sample_trace(), dir + "/a" + ext).ok());
    ASSERT_TRUE(write_trace(sample_trace(), dir + "/b" + ext).ok());
    EXPECT_EQ(test::read_file(dir + "/a" + ext), test::read_file(dir + "/b" + ext)) << ext;
  }
  // Reading and writing again is a fixed point.
  auto back = parse_trace(format_trace(sample_trace()), "mem");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(format_trace(*back), format_trace(sample_trace()));
}

TEST(IoRoundTrip, DocumentIsValidJsonWithOneRecordPerLine) {
  std::string text = format_trace(sample_trace());
  auto doc = nlohmann::json::parse(text);  // throws (fails the test) if not valid JSON
  EXPECT_EQ(doc["format"], "golden-trace");
  EXPECT_EQ(doc["version"], 1);
  ASSERT_TRUE(doc["records"].is_array());
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  EXPECT_EQ(lines, doc["records"].size() + 1);  // header line + one line per record
  EXPECT_EQ(doc["records"].back(), nlohmann::json::parse(R"({"type":"eof"})"));
  EXPECT_TRUE(text.ends_with("{\"type\":\"eof\"}]}\n"));
}

TEST(IoRoundTrip, ConventionalTextIsOmittedAndRestored) {
  std::string text = format_trace(sample_trace());
  // The ld.so.cache openat: path text is conventional (omitted), flags text is not.
  auto pos = text.find("\"str\":\"/etc/ld.so.cache\"");
  ASSERT_NE(pos, std::string::npos);
  std::string line =
      text.substr(text.rfind('\n', pos) + 1, text.find('\n', pos) - text.rfind('\n', pos) - 1);
  EXPECT_EQ(line.find("\"text\":\"\\\"/etc/ld.so.cache\\\"\""), std::string::npos) << line;
  EXPECT_NE(line.find("\"text\":\"O_RDONLY|O_CLOEXEC\""), std::string::npos) << line;
  EXPECT_EQ(line.find("\"err\""), std::string::npos) << "defaults are omitted: " << line;
  auto back = parse_trace(text, "mem");
  ASSERT_TRUE(back.ok());
  const Arg& path = back->runs[0].events[1].args[1];
  EXPECT_EQ(path.text, "\"/etc/ld.so.cache\"");
  EXPECT_EQ(path.text, conventional_text(path));
}

TEST(IoRoundTrip, BytesThatAreNotUtf8UseTheEscForm) {
  std::string text = format_trace(sample_trace());
  EXPECT_NE(text.find(R"("str":{"esc":"/tmp/bad\\xff\\xfe name\\n"})"), std::string::npos);
  // Valid UTF-8 is written as is, for readable diffs.
  EXPECT_NE(text.find("\"cwd\":\"/home/dev/caf\xc3\xa9\""), std::string::npos);
  // Payload heads are always strace-escaped.
  EXPECT_NE(text.find(R"("head":"build-host\\x00\\x01\\x7f\\x80\\\"q\\\\\\n")"), std::string::npos);
  auto back = parse_trace(text, "mem");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->runs[0].events[2].args[1].str, std::string("/tmp/bad\xff\xfe name\n", 16));
}

TEST(IoRoundTrip, ReformattedDocumentIsReadWhole) {
  // `jq .` (or any pretty-printer) breaks the one-record-per-line layout.
  std::string pretty = nlohmann::json::parse(format_trace(sample_trace())).dump(2);
  auto back = parse_trace(pretty, "pretty.json");
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  expect_same_trace(sample_trace(), *back);
  EXPECT_FALSE(back->truncated);
  EXPECT_EQ(back->counters.at("reader.reformatted_document"), 1u);
}

TEST(IoRoundTrip, ImportedTraceKeepsItsUnknownsWhenWritten) {
  TraceFile f;
  f.header.has_pids = false;
  f.header.has_timing = false;
  f.header.has_clocks = false;
  f.runs.emplace_back();
  auto back = parse_trace(format_trace(f), "mem");
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back->header.has_pids);
  EXPECT_FALSE(back->header.has_timing);
  EXPECT_FALSE(back->header.has_clocks);
}

}  // namespace
}  // namespace golden
