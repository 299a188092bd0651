// Bad input gets one clear Error that says what and where — never an exception, a
// crash, or a silently different trace. Tolerable surprises are counted instead.
#include <gtest/gtest.h>

#include <random>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/test_support/files.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

constexpr const char* kHeader =
    "{\"format\":\"golden-trace\",\"version\":1,\"tool\":\"t\",\"filter\":\"\",\"string_limit\":0,"
    "\"records\":[\n";

Result<TraceFile> parse_lines(const std::string& records, const char* name = "t.json") {
  return parse_trace(std::string(kHeader) + records, name);
}

TEST(IoReaderErrors, UnknownVersionIsRefusedClearly) {
  const std::string path = io_test::fixture("wrong-version.json");
  auto r = read_trace(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().to_string(),
            path + ": unsupported golden-trace version 7 (this golden reads version 1)");
  // Also when the document was reformatted.
  auto pretty = parse_trace(
      "{\n  \"format\": \"golden-trace\",\n  \"version\": 2,\n  \"records\": []\n}\n", "p.json");
  ASSERT_FALSE(pretty.ok());
  EXPECT_EQ(pretty.error().to_string(),
            "p.json: unsupported golden-trace version 2 (this golden reads version 1)");
}

TEST(IoReaderErrors, UnknownFormatIsRefusedClearly) {
  auto r = parse_trace(R"({"format":"perfetto","version":1,"records":[]})", "x.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(
      r.error().to_string(),
      "x.json: unknown trace format 'perfetto' (golden reads golden-trace and renacer-json-v1)");
  auto none = parse_trace(R"({"version":1})", "y.json");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().to_string(), "y.json: not a trace file: no \"format\" field");
}

TEST(IoReaderErrors, UnknownFieldsAndRecordTypesAreCountedNotFatal) {
  auto r = read_trace(io_test::fixture("unknown-fields.json"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_FALSE(r->truncated);
  EXPECT_EQ(r->counters.at("reader.unknown_field"), 5u);
  EXPECT_EQ(r->counters.at("reader.unknown_record"), 1u);
  ASSERT_EQ(r->runs.size(), 1u);
  ASSERT_EQ(r->runs[0].events.size(), 2u);
  EXPECT_EQ(r->runs[0].events[1].name, "write");
  EXPECT_EQ(r->runs[0].events[1].args[1].data->head, "hi\n");
}

TEST(IoReaderErrors, MalformedMiddleLineNamesFileLineAndColumn) {
  const std::string path = io_test::fixture("malformed-middle.json");
  auto r = read_trace(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where.rfind(path + ":4:", 0), 0u) << r.error().to_string();
  EXPECT_NE(r.error().message.find("malformed record"), std::string::npos) << r.error().to_string();
  EXPECT_NE(r.error().message.find("syntax error"), std::string::npos) << r.error().to_string();
}

TEST(IoReaderErrors, MalformedLineAnywhereInABigFileReportsItsLine) {
  std::string text = format_trace(io_test::bulk_trace(500));
  // Break line 300 (a record line in the middle).
  std::size_t pos = 0;
  for (int i = 1; i < 300; ++i) pos = text.find('\n', pos) + 1;
  text[pos + 7] = '#';  // {"type"#"event"...: a syntax error at column 8
  auto r = parse_trace(text, "big.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "big.json:300:8");
}

TEST(IoReaderErrors, EmptyFile) {
  for (const char* text : {"", "  \n\n"}) {
    auto r = parse_trace(text, "empty.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().to_string(), "empty.json: empty file: not a trace");
  }
  auto f = read_trace(io_test::fixture("empty.json"));
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.error().message.find("empty file"), std::string::npos);
}

TEST(IoReaderErrors, NotJson) {
  const std::string path = io_test::fixture("not-json.txt");
  auto r = read_trace(path);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not a trace file"), std::string::npos)
      << r.error().to_string();
  EXPECT_EQ(r.error().where, path + ": byte 0");
  auto arr = parse_trace("[1,2,3]", "a.json");
  ASSERT_FALSE(arr.ok());
  EXPECT_EQ(arr.error().to_string(),
            "a.json: byte 0: not a trace file: the document is not a JSON object (it starts "
            "with '[')");
}

TEST(IoReaderErrors, MissingFileAndDirectory) {
  auto r = read_trace("/nonexistent/golden/trace.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().to_string(), "/nonexistent/golden/trace.json: No such file or directory");
  auto d = read_trace(test::TempDir().path());
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("Is a directory"), std::string::npos) << d.error().to_string();
}

TEST(IoReaderErrors, StructuralProblemsAreLocated) {
  struct Case {
    const char* records;
    const char* where;
    const char* message;
  };
  const Case cases[] = {
      {"{\"type\":\"event\",\"seq\":0,\"pid\":1,\"tid\":1,\"name\":\"x\",\"ret\":0,\"start\":0,"
       "\"dur\":0,\"lc\":1},\n",
       "t.json:2", "event record before any run record"},
      {"{\"type\":\"run\",\"run\":0},\n{\"type\":\"event\",\"seq\":1,\"pid\":1,\"tid\":1,\"name\":"
       "\"x\",\"ret\":0},\n",
       "t.json:3", "event seq 1 out of order (expected 0)"},
      {"{\"type\":\"run\",\"run\":0},\n{\"type\":\"edge\",\"from\":0,\"to\":1,\"kind\":\"spawn\"},"
       "\n",
       "t.json:3", "edge refers to event 0, which comes later or not at all (0 events so far)"},
      {"{\"type\":\"run\",\"run\":0},\n{\"type\":\"event\",\"seq\":\"0\"},\n", "t.json:3",
       "field 'seq': expected an unsigned integer, got string"},
      {"{\"type\":\"run\",\"run\":0},\n{\"type\":\"event\",\"seq\":0,\"kind\":\"teleport\"},\n",
       "t.json:3", "unknown event kind 'teleport'"},
      {"{\"type\":\"run\",\"run\":0},\n{\"type\":\"event\",\"seq\":0,\"pid\":4294967296},\n",
       "t.json:3", "field 'pid': expected a 32-bit integer, got number 4294967296"},
      {"{\"type\":\"run\",\"run\":1},\n", "t.json:2", "run 1 out of order (expected run 0)"},
      {"{\"type\":\"run\",\"run\":0}\n{\"type\":\"eof\"}]}\n", "t.json:2",
       "record line does not end with ',' (only the eof record ends with ']}')"},
      {"{\"type\":\"eof\"}]}\n{\"type\":\"run\",\"run\":0},\n", "t.json:3",
       "text after the end of the trace document"},
      {"[1],\n", "t.json:2", "a record must be a JSON object"},
      {"{\"type\":\"run\",\"run\":1e999},\n", "t.json:2",
       "malformed record: number overflow parsing '1e999'"},
      {"{\"type\":\"run\",\"run\":4294967296},\n", "t.json:2",
       "field 'run': expected a 32-bit unsigned integer, got number 4294967296"},
      {"{\"run\":0},\n", "t.json:2", "record without a \"type\""},
      {"{\"type\":\"run\",\"run\":0},\n{\"type\":\"event\",\"seq\":0,\"args\":[{\"kind\":\"path\","
       "\"str\":{\"esc\":\"\\\\q\"}}]},\n",
       "t.json:3", "field 'str': malformed escape sequence in \"esc\""},
      {"{\"type\":\"run\",\"run\":0},\n{\"type\":\"event\",\"seq\":0,\"args\":[{\"kind\":"
       "\"buffer\",\"data\":{\"len\":1,\"hash\":\"12\"}}]},\n",
       "t.json:3", "field 'data.hash': expected 16 hex digits"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.records);
    auto r = parse_lines(c.records);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, c.where);
    EXPECT_EQ(r.error().message, c.message);
  }
}

TEST(IoReaderErrors, InvalidUtf8InTheFileIsAnErrorNotACrash) {
  auto r =
      parse_lines("{\"type\":\"run\",\"run\":0,\"cwd\":\"\xff\xfe\"},\n{\"type\":\"eof\"}]}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where.rfind("t.json:2:", 0), 0u) << r.error().to_string();
}

TEST(IoReaderErrors, DeeplyNestedUnknownFieldDoesNotOverflowTheStack) {
  std::string deep = "{\"type\":\"run\",\"run\":0,\"future\":" + std::string(200000, '[') +
                     std::string(200000, ']') + "},\n{\"type\":\"eof\"}]}\n";
  auto r = parse_lines(deep);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->counters.at("reader.unknown_field"), 1u);
}

TEST(IoReaderErrors, RandomDamageNeverCrashesAndNeverThrows) {
  // Deterministic mutation fuzzing: flip, insert and delete bytes anywhere. Each read
  // must end in a value (a trace or an Error); a trace that comes back must be one the
  // writer can write and read again identically.
  const std::string text = format_trace(io_test::sample_trace());
  std::mt19937 rng(20261122);
  static constexpr char kSyntax[] = "{}[]\",:\\\n0x\xff";  // the terminating NUL included
  std::size_t ok = 0, errors = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bad = text;
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      std::size_t at = rng() % bad.size();
      switch (rng() % 3) {
        case 0: bad[at] = static_cast<char>(rng() & 0xff); break;
        case 1: bad.insert(at, 1, kSyntax[rng() % sizeof kSyntax]); break;
        default: bad.erase(at, 1 + rng() % 4);
      }
    }
    auto r = parse_trace(bad, "fuzz.json");
    if (!r.ok()) {
      ++errors;
      EXPECT_FALSE(r.error().message.empty());
      continue;
    }
    ++ok;
    std::string again = format_trace(*r);
    auto r2 = parse_trace(again, "again.json");
    ASSERT_TRUE(r2.ok()) << "round " << round << ": " << r2.error().to_string();
    EXPECT_EQ(format_trace(*r2), again) << "round " << round;
  }
  EXPECT_GT(ok, 0u);
  EXPECT_GT(errors, 0u);
}

TEST(IoReaderErrors, WindowsLineEndingsAreTolerated) {
  std::string text = format_trace(io_test::sample_trace());
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  auto r = parse_trace(crlf, "crlf.json");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  io_test::expect_same_trace(io_test::sample_trace(), *r);
  EXPECT_FALSE(r->truncated);
}

}  // namespace
}  // namespace golden
