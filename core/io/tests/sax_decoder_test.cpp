// The SAX record decoder (core/io/src/record_decoder.cpp) through the public reader:
// every value type a field can be given, unknown keys at every level, strings with JSON
// escapes, the integer limits, and the order in which problems are reported.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"

namespace golden {
namespace {

constexpr const char* kHeader =
    "{\"format\":\"golden-trace\",\"version\":1,\"tool\":\"t\",\"filter\":\"\",\"string_limit\":0,"
    "\"records\":[\n";
constexpr const char* kRun = "{\"type\":\"run\",\"run\":0},\n";

// A file with a run record (line 2), then `records` (from line 3), then eof.
Result<TraceFile> parse_run(const std::string& records) {
  return parse_trace(std::string(kHeader) + kRun + records + "{\"type\":\"eof\"}]}\n", "t.json");
}

// One event line with `args` (a JSON array) and `extra` keys appended.
std::string event(const std::string& args, const std::string& extra = "") {
  return "{\"type\":\"event\",\"seq\":0,\"pid\":1,\"tid\":1,\"name\":\"x\",\"args\":" + args +
         ",\"ret\":0,\"start\":0,\"dur\":0,\"lc\":1" + extra + "},\n";
}

const Event& only_event(const Result<TraceFile>& r) {
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->runs.size(), 1u);
  EXPECT_EQ(r->runs[0].events.size(), 1u);
  return r->runs[0].events[0];
}

std::uint64_t counter(const TraceFile& f, const std::string& name) {
  auto it = f.counters.find(name);
  return it == f.counters.end() ? 0 : it->second;
}

TEST(IoSaxDecoder, WrongTypesNameTheFieldAndTheLine) {
  struct Case {
    std::string line;
    const char* message;
  };
  const Case cases[] = {
      {event("[{\"kind\":\"int\",\"raw\":\"3\"}]"), "field 'raw': expected an integer, got string"},
      {event("5"), "field 'args': expected an array, got number 5"},
      {event("[5]"), "field 'args[]': expected an object, got number 5"},
      {event("[[]]"), "field 'args[]': expected an object, got array"},
      {event("[{\"kind\":\"buffer\",\"data\":[]}]"), "field 'data': expected an object, got array"},
      {event("[{\"kind\":\"buffer\",\"data\":{\"len\":-1,\"hash\":\"0000000000000000\"}}]"),
       "field 'data.len': expected an unsigned integer, got number -1"},
      {event("[{\"kind\":\"argv\",\"list\":[1]}]"),
       "field 'list': expected a string or {\"esc\":...}, got number 1"},
      {event("[{\"kind\":\"argv\",\"list\":\"a\"}]"),
       "field 'list': expected an array of strings, got string"},
      {event("[{\"kind\":\"path\",\"str\":{\"esc\":\"a\",\"more\":1}}]"),
       "field 'str': expected a string or {\"esc\":...}, got object"},
      {event("[{\"kind\":\"path\",\"str\":{}}]"),
       "field 'str': expected a string or {\"esc\":...}, got object"},
      {event("[{\"kind\":\"path\",\"str\":{\"esc\":7}}]"),
       "field 'str': expected a string or {\"esc\":...}, got object"},
      {event("[{\"kind\":\"path\",\"str\":null}]"),
       "field 'str': expected a string or {\"esc\":...}, got null"},
      {event("[{\"kind\":7}]"), "field 'kind': expected a string, got number 7"},
      {event("[{\"kind\":\"teleport\"}]"), "unknown argument kind 'teleport'"},
      {event("[{\"name\":\"fd\"}]"), "argument without a 'kind'"},
      {event("[]", ",\"finished\":1"), "field 'finished': expected true or false, got number 1"},
      {event("[]", ",\"source\":{\"line\":\"12\"}"),
       "field 'source.line': expected an integer, got string"},
      {event("[]", ",\"source\":[]"), "field 'source': expected an object, got array"},
      {event("[]", ",\"nr\":1.5"), "field 'nr': expected an integer, got number 1.5"},
      {event("[]", ",\"err\":true"), "field 'err': expected an integer, got boolean"},
      {"{\"type\":5},\n", "field 'type': expected a string, got number 5"},
      {"{\"type\":\"edge\",\"from\":0,\"to\":0,\"kind\":\"wormhole\"},\n",
       "unknown edge kind 'wormhole'"},
      {"{\"type\":\"edge\",\"from\":0,\"kind\":\"spawn\"},\n",
       "edge record needs \"from\", \"to\" and \"kind\""},
      {"{\"type\":\"process\",\"pid\":1,\"execs\":[{\"seq\":\"0\"}]},\n",
       "field 'execs.seq': expected an unsigned integer, got string"},
      {"{\"type\":\"process\",\"pid\":1,\"execs\":[1]},\n",
       "field 'execs[]': expected an object, got number 1"},
      {"{\"type\":\"process\",\"pid\":1,\"threads\":[\"1\"]},\n",
       "field 'threads': expected an integer, got string"},
      {"{\"type\":\"process\",\"parent\":0},\n", "process record without a \"pid\""},
      {"{\"type\":\"end\",\"run\":0,\"counters\":{\"x\":\"1\"}},\n",
       "field 'counters': expected an unsigned integer, got string"},
      {"{\"type\":\"end\",\"run\":0,\"counters\":{\"x\":{}}},\n",
       "field 'counters': expected an unsigned integer, got object"},
      {"{\"type\":\"end\",\"wall_ns\":1},\n", "end record without a \"run\""},
      {"{},\n", "record without a \"type\""},
      {"\"event\",\n", "a record must be a JSON object"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    auto r = parse_run(c.line);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, "t.json:3");
    EXPECT_EQ(r.error().message, c.message);
  }
}

TEST(IoSaxDecoder, UnknownKeysAreSkippedAndCountedAtEveryLevel) {
  // One unknown key per object kind; what is nested inside an unknown value is not
  // counted again, whatever it holds.
  const std::string line =
      "{\"type\":\"event\",\"seq\":0,\"pid\":1,\"tid\":1,\"name\":\"write\",\"future\":{\"a\":[1,{"
      "\"seq\":9,\"args\":[]}],\"name\":\"no\"},\"args\":[{\"name\":\"buf\",\"kind\":\"buffer\","
      "\"hint\":[{\"kind\":\"int\"}],\"data\":{\"len\":2,\"hash\":\"0000000000000002\",\"head\":"
      "\"hi\",\"zip\":{\"level\":3}}}],\"ret\":2,\"start\":0,\"dur\":0,\"lc\":1,\"source\":{"
      "\"file\":\"a.c\",\"column\":4}},\n"
      "{\"type\":\"process\",\"pid\":1,\"execs\":[{\"seq\":0,\"path\":\"/bin/x\",\"env\":[]}],"
      "\"cgroup\":\"/x\"},\n"
      "{\"type\":\"end\",\"run\":0,\"host\":{\"cpu\":[1,2]}},\n";
  auto r = parse_run(line);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(counter(*r, "reader.unknown_field"), 7u);
  const Event& e = r->runs[0].events[0];
  EXPECT_EQ(e.seq, 0u);  // the "seq" inside the unknown value did not count
  EXPECT_EQ(e.name, "write");
  ASSERT_EQ(e.args.size(), 1u);
  ASSERT_TRUE(e.args[0].data.has_value());
  EXPECT_EQ(e.args[0].data->head, "hi");
  EXPECT_EQ(e.args[0].data->length, 2u);
  ASSERT_TRUE(e.source.has_value());
  EXPECT_EQ(e.source->file, "a.c");
  ASSERT_EQ(r->runs[0].processes.size(), 1u);
  EXPECT_EQ(r->runs[0].processes[0].execs.at(0).path, "/bin/x");
}

TEST(IoSaxDecoder, DeepUnknownValuesAnywhere) {
  const std::string deep_obj = [] {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "{\"a\":";
    s += "1";
    s += std::string(100000, '}');
    return s;
  }();
  const std::string deep_arr = std::string(100000, '[') + std::string(100000, ']');
  auto r = parse_run(event("[{\"kind\":\"int\",\"x\":" + deep_obj + "}]", ",\"y\":" + deep_arr));
  const Event& e = only_event(r);
  EXPECT_EQ(e.args.size(), 1u);
  EXPECT_EQ(counter(*r, "reader.unknown_field"), 2u);
}

TEST(IoSaxDecoder, JsonEscapesInStringsAndKeys) {
  // \u escapes, a surrogate pair, control characters and escaped keys are the JSON
  // parser's business; the decoder sees the decoded text.
  auto r = parse_run(
      "{\"type\":\"event\",\"s\\u0065q\":0,\"pid\":1,\"tid\":1,\"name\":\"caf\\u00e9\","
      "\"args\":[{\"name\":\"pathname\",\"kind\":\"path\",\"str\":\"a\\\"b\\\\c\\n\\t\\u0001"
      "\\ud83d\\ude00\\/\"},{\"name\":\"raw\",\"kind\":\"string\",\"str\":{\"esc\":\"\\\\xff\\\\"
      "x00\\\\n\"}}],\"ret\":0,\"start\":0,\"dur\":0,\"lc\":1},\n");
  const Event& e = only_event(r);
  EXPECT_EQ(e.name, "caf\xc3\xa9");
  ASSERT_EQ(e.args.size(), 2u);
  EXPECT_EQ(e.args[0].str, "a\"b\\c\n\t\x01\xf0\x9f\x98\x80/");
  EXPECT_EQ(e.args[1].str, std::string("\xff\x00\n", 3));
  EXPECT_EQ(counter(*r, "reader.unknown_field"), 0u);
  // A lone surrogate is not Unicode: a syntax error with its column.
  auto bad = parse_run(event("[]", ",\"ret_ref\":\"\\ud83d\""));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().where.rfind("t.json:3:", 0), 0u) << bad.error().to_string();
}

TEST(IoSaxDecoder, IntegerLimits) {
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  auto r = parse_run(
      "{\"type\":\"event\",\"seq\":0,\"pid\":2147483647,\"tid\":-2147483648,\"name\":\"x\","
      "\"args\":[{\"kind\":\"hex\",\"raw\":-9223372036854775808},{\"kind\":\"hex\",\"raw\":"
      "9223372036854775807},{\"kind\":\"int\",\"raw\":-100,\"text\":\"AT_FDCWD\"},{\"kind\":"
      "\"int\",\"raw\":-1}],\"ret\":-9223372036854775808,\"start\":0,\"dur\":0,"
      "\"lc\":18446744073709551615},\n");
  const Event& e = only_event(r);
  EXPECT_EQ(e.pid.value, 2147483647);
  EXPECT_EQ(e.tid.value, -2147483648);
  EXPECT_EQ(e.ret, kMin);
  EXPECT_EQ(e.lamport, std::numeric_limits<std::uint64_t>::max());
  ASSERT_EQ(e.args.size(), 4u);
  EXPECT_EQ(e.args[0].raw, kMin);
  EXPECT_EQ(e.args[1].raw, kMax);
  EXPECT_EQ(e.args[2].raw, -100);
  EXPECT_EQ(e.args[2].text, "AT_FDCWD");
  EXPECT_EQ(e.args[3].raw, -1);
  EXPECT_EQ(e.args[3].text, "-1");  // absent text: the conventional rendering

  struct Case {
    std::string line;
    const char* message;
  };
  const Case cases[] = {
      {event("[{\"kind\":\"int\",\"raw\":9223372036854775808}]"),
       "field 'raw': expected a 64-bit signed integer, got number 9223372036854775808"},
      // Past 2^64 the JSON parser gives a double.
      {event("[{\"kind\":\"int\",\"raw\":18446744073709551616}]"),
       "field 'raw': expected an integer, got number 1.8446744073709552e+19"},
      {event("[{\"kind\":\"int\",\"raw\":-9223372036854775809}]"),
       "field 'raw': expected an integer, got number -9.223372036854776e+18"},
      {event("[]", ",\"pid\":2147483648"),
       "field 'pid': expected a 32-bit integer, got number 2147483648"},
      {"{\"type\":\"event\",\"seq\":-1},\n",
       "field 'seq': expected an unsigned integer, got number -1"},
      {"{\"type\":\"end\",\"run\":-1},\n",
       "field 'run': expected an unsigned integer, got number -1"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    auto bad = parse_run(c.line);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().where, "t.json:3");
    EXPECT_EQ(bad.error().message, c.message);
  }
}

TEST(IoSaxDecoder, TypeNotFirstAndRepeatedKeys) {
  // Golden writes "type" first; another writer need not. Such a record goes through a
  // DOM and gives the same result. A repeated key: the last value counts, as in a DOM.
  auto r = parse_run(
      "{\"seq\":0,\"pid\":1,\"tid\":1,\"name\":\"a\",\"name\":\"b\",\"ret\":0,\"start\":0,"
      "\"dur\":0,\"lc\":1,\"type\":\"event\",\"cpu\":1},\n"
      "{\"to\":0,\"from\":0,\"kind\":\"spawn\",\"type\":\"edge\"},\n"
      "{\"run\":0,\"type\":\"end\",\"exit_status\":3},\n");
  const Event& e = only_event(r);
  EXPECT_EQ(e.name, "b");
  EXPECT_EQ(r->runs[0].edges.size(), 1u);
  EXPECT_EQ(r->runs[0].run.exit_status, 3);
  EXPECT_EQ(counter(*r, "reader.unknown_field"), 1u);
  EXPECT_FALSE(r->truncated);
  auto none = parse_run("{\"seq\":0,\"run\":1},\n");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().to_string(), "t.json:3: record without a \"type\"");
}

TEST(IoSaxDecoder, SyntaxIsCheckedBeforeFields) {
  // A bad field and, later on the same line, broken JSON: the JSON error is reported.
  auto r = parse_run("{\"type\":\"event\",\"seq\":\"0\",\"pid\":1 \"tid\":1},\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("malformed record"), std::string::npos) << r.error().to_string();
  EXPECT_EQ(r.error().where.rfind("t.json:3:", 0), 0u);
  // A cut last line holding a bad field is a partial record, not an error.
  auto cut = parse_trace(std::string(kHeader) + kRun + "{\"type\":\"event\",\"seq\":\"0\",\"pi",
                         "cut.json");
  ASSERT_TRUE(cut.ok()) << cut.error().to_string();
  EXPECT_TRUE(cut->truncated);
  EXPECT_EQ(counter(*cut, "reader.partial_record_dropped"), 1u);
  // Where a record stands is checked before its fields.
  auto early =
      parse_trace(std::string(kHeader) + "{\"type\":\"event\",\"seq\":\"0\"},\n", "e.json");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().to_string(), "e.json:2: event record before any run record");
  auto broken_after_eof = parse_trace(
      std::string(kHeader) + kRun + "{\"type\":\"eof\"},\n" + "{\"type\":\"note\",\"x\":[}]},\n",
      "a.json");
  ASSERT_FALSE(broken_after_eof.ok());
  EXPECT_NE(broken_after_eof.error().message.find("malformed record"), std::string::npos);
  auto edge_after_eof = parse_trace(std::string(kHeader) + kRun + "{\"type\":\"eof\"},\n" +
                                        "{\"type\":\"edge\",\"from\":\"x\"},\n",
                                    "a.json");
  ASSERT_FALSE(edge_after_eof.ok());
  EXPECT_EQ(edge_after_eof.error().to_string(), "a.json:4: \"edge\" record after the eof record");
}

TEST(IoSaxDecoder, ReformattedDocumentGoesThroughTheSameDecoder) {
  // `jq -S .` sorts keys: "type" comes last in most records.
  const std::string full = R"({
  "filter": "", "format": "golden-trace",
  "records": [
    {"run": 0, "type": "run"},
    {"args": [{"kind": "fd", "name": "fd", "raw": 3, "str": "/etc/passwd", "zz": {"deep": [[]]}}],
     "dur": 5, "lc": 1, "name": "close", "pid": 9, "ret": 0, "seq": 0, "start": 1, "tid": 9,
     "type": "event"},
    {"run": 0, "type": "end", "wall_ns": 10},
    {"type": "eof"}
  ],
  "string_limit": 0, "tool": "t", "version": 1
})";
  auto ok = parse_trace(full, "jq.json");
  const Event& e = only_event(ok);
  EXPECT_EQ(e.name, "close");
  ASSERT_EQ(e.args.size(), 1u);
  EXPECT_EQ(e.args[0].text, "3</etc/passwd>");
  EXPECT_EQ(counter(*ok, "reader.unknown_field"), 1u);
  EXPECT_EQ(counter(*ok, "reader.reformatted_document"), 1u);

  std::string bad = full;
  bad.replace(bad.find("\"raw\": 3"), 8, "\"raw\": \"3\"");
  auto err = parse_trace(bad, "jq.json");
  ASSERT_FALSE(err.ok());
  EXPECT_EQ(err.error().to_string(),
            "jq.json: records[1]: field 'raw': expected an integer, got string");
}

}  // namespace
}  // namespace golden
